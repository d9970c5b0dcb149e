/**
 * Browser-only at run time, DOM-free in its types (so it is unit-tested in Node): keeps what a
 * person typed across the reload that applies a service-worker update.
 *
 * A field takes part when it carries `data-preserve-on-update` and has an id or a name:
 *   <textarea id="prompt" data-preserve-on-update />
 * Before reloading, persistFormState() writes each such field's value to sessionStorage under
 * its page's pathname and its id (or name); after the reload, restoreFormState() puts it back —
 * through the element's native value setter and an `input` event, so React's controlled
 * inputs see the change — and removes the entry. Passwords are never written anywhere.
 */

export const PRESERVE_ATTRIBUTE = "data-preserve-on-update";
export const PRESERVE_SELECTOR = `input[${PRESERVE_ATTRIBUTE}], textarea[${PRESERVE_ATTRIBUTE}]`;
export const STORAGE_PREFIX = "studio:preserved-field:";
/** A saved value older than this is a leftover, not the reload that just happened. */
export const PRESERVED_VALUE_TTL_MS = 10 * 60 * 1000;

/** Input types that hold free text a person would be upset to lose. */
const TEXT_INPUT_TYPES = new Set(["", "text", "search", "email", "url", "tel"]);

/** The part of an <input> or <textarea> this module uses. */
export interface PreservableField {
  readonly tagName: string;
  readonly id: string;
  readonly name: string;
  readonly type?: string;
  value: string;
  dispatchEvent(event: Event): boolean;
}

/** The part of a Document (or any element) this module uses. */
export interface FieldRoot {
  querySelectorAll(selector: string): ArrayLike<PreservableField> & Iterable<PreservableField>;
}

/** The part of sessionStorage this module uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface SavedValue {
  value: string;
  savedAt: number;
}

export function preservedFieldKey(pathname: string, field: PreservableField): string | null {
  const identity = field.id || field.name;
  return identity ? `${STORAGE_PREFIX}${pathname}#${identity}` : null;
}

function isPreservable(field: PreservableField): boolean {
  if (field.tagName.toUpperCase() === "TEXTAREA") return true;
  return (
    field.tagName.toUpperCase() === "INPUT" &&
    TEXT_INPUT_TYPES.has((field.type ?? "").toLowerCase())
  );
}

function readSaved(raw: string | null): SavedValue | null {
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      typeof (parsed as SavedValue).value === "string" &&
      typeof (parsed as SavedValue).savedAt === "number"
    ) {
      return parsed as SavedValue;
    }
  } catch {
    /* not ours, or damaged: ignored */
  }
  return null;
}

/** Saves every marked, non-empty text field of `root`; returns how many were saved. */
export function persistFormState({
  root,
  storage,
  pathname,
  now = Date.now(),
}: {
  root: FieldRoot;
  storage: KeyValueStorage;
  pathname: string;
  now?: number;
}): number {
  let saved = 0;
  for (const field of Array.from(root.querySelectorAll(PRESERVE_SELECTOR))) {
    const key = preservedFieldKey(pathname, field);
    if (!key || !isPreservable(field)) continue;
    if (field.value === "") {
      storage.removeItem(key);
      continue;
    }
    try {
      storage.setItem(
        key,
        JSON.stringify({ value: field.value, savedAt: now } satisfies SavedValue),
      );
      saved += 1;
    } catch {
      // Storage full or refused (private mode): the update still goes ahead.
    }
  }
  return saved;
}

/**
 * Sets a field's value the way typing would: React tracks the last value it rendered on the
 * element itself, so the prototype's setter is used and an `input` event tells React.
 */
export function writeFieldValue(field: PreservableField, value: string): void {
  const prototype = Object.getPrototypeOf(field) as object | null;
  const setter = prototype ? Object.getOwnPropertyDescriptor(prototype, "value")?.set : undefined;
  if (setter) setter.call(field, value);
  else field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

/**
 * Puts saved values back into the marked fields now on the page and forgets them; returns how
 * many were restored. Fields that are not rendered yet keep their entries for a later call.
 */
export function restoreFormState({
  root,
  storage,
  pathname,
  now = Date.now(),
  isReady = () => true,
  forget = true,
  onRestored,
}: {
  root: FieldRoot;
  storage: KeyValueStorage;
  pathname: string;
  now?: number;
  /**
   * Whether a field may be written now. A server-rendered field that React has not hydrated
   * yet would be reset to its state on hydration, and the saved value, already forgotten, lost.
   */
  isReady?: (field: PreservableField) => boolean;
  /**
   * Forget each value once written (default). The page's provider keeps them for its restore
   * window instead, because a field can be rendered again (a new element) right after.
   */
  forget?: boolean;
  onRestored?: (field: PreservableField) => void;
}): number {
  let restored = 0;
  for (const field of Array.from(root.querySelectorAll(PRESERVE_SELECTOR))) {
    const key = preservedFieldKey(pathname, field);
    if (!key || !isPreservable(field) || !isReady(field)) continue;
    const saved = readSaved(storage.getItem(key));
    if (!saved) continue;
    if (forget || now - saved.savedAt > PRESERVED_VALUE_TTL_MS) storage.removeItem(key);
    if (now - saved.savedAt > PRESERVED_VALUE_TTL_MS) continue;
    if (field.value !== saved.value) writeFieldValue(field, saved.value);
    onRestored?.(field);
    restored += 1;
  }
  return restored;
}

/** Whether anything saved for this page is still waiting for its field. */
export function hasPendingFormState(
  storage: KeyValueStorage & { length: number; key(index: number): string | null },
  pathname: string,
): boolean {
  const prefix = `${STORAGE_PREFIX}${pathname}#`;
  for (let index = 0; index < storage.length; index += 1) {
    if (storage.key(index)?.startsWith(prefix)) return true;
  }
  return false;
}

/**
 * True once React has hydrated the element (it then carries React's own props key). Until
 * then a write would be undone by hydration of the controlled field.
 */
export function isHydratedByReact(field: PreservableField): boolean {
  return Object.keys(field).some((key) => key.startsWith("__reactProps$"));
}

/** Forgets every value saved for this page (the end of its restore window). */
export function forgetFormState(
  storage: KeyValueStorage & { length: number; key(index: number): string | null },
  pathname: string,
): void {
  const prefix = `${STORAGE_PREFIX}${pathname}#`;
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}

/**
 * Which fields the page's restore window writes into. A field is written once React has
 * hydrated it, and again whenever it comes back empty: a write that lands while React is still
 * hydrating the form can be undone by that render (the field shows its initial, empty state)
 * without the element changing. A field the person has typed into is theirs from then on, and
 * a value the page itself put there (not empty) is left alone.
 */
export function createRestoreGuard(
  isHydrated: (field: PreservableField) => boolean = isHydratedByReact,
) {
  const written = new WeakSet<object>();
  const typedIn = new WeakSet<object>();
  return {
    isReady(field: PreservableField): boolean {
      if (typedIn.has(field) || !isHydrated(field)) return false;
      return !written.has(field) || field.value === "";
    },
    onRestored(field: PreservableField): void {
      written.add(field);
    },
    /** The person typed into this element (a trusted `input` event). */
    personTyped(field: object): void {
      typedIn.add(field);
    },
  };
}
