import { describe, expect, it } from "vitest";
import {
  createRestoreGuard,
  PRESERVED_VALUE_TTL_MS,
  PRESERVE_SELECTOR,
  STORAGE_PREFIX,
  hasPendingFormState,
  persistFormState,
  restoreFormState,
  type FieldRoot,
  type PreservableField,
} from "./preserve-form-state";

/**
 * A stand-in for an <input>/<textarea> element: `value` lives on the prototype like the DOM's,
 * and, like React, a value tracker is installed on the instance; an `input` event counts as a
 * change only when the element's real value differs from what the tracker last saw.
 */
class FieldElement implements PreservableField {
  #value = "";
  trackedValue = "";
  changes: string[] = [];
  preserve = true;

  constructor(
    readonly tagName: string,
    readonly id: string,
    readonly name: string,
    readonly type?: string,
  ) {
    const prototypeValue = Object.getOwnPropertyDescriptor(FieldElement.prototype, "value")!;
    Object.defineProperty(this, "value", {
      configurable: true,
      get: () => prototypeValue.get!.call(this) as string,
      set: (next: string) => {
        this.trackedValue = next;
        prototypeValue.set!.call(this, next);
      },
    });
  }

  get value(): string {
    return this.#value;
  }
  set value(next: string) {
    this.#value = next;
  }

  /** What a person typing does: React sees it through the tracker's comparison. */
  typeText(text: string) {
    this.#value = text;
    this.dispatchEvent(new Event("input"));
  }

  dispatchEvent(event: Event): boolean {
    if (event.type === "input" && this.#value !== this.trackedValue) {
      this.trackedValue = this.#value;
      this.changes.push(this.#value);
    }
    return true;
  }
}

class Page implements FieldRoot {
  constructor(readonly fields: FieldElement[]) {}
  querySelectorAll(selector: string) {
    expect(selector).toBe(PRESERVE_SELECTOR);
    const tags = new Set(["INPUT", "TEXTAREA"]);
    return this.fields.filter((field) => field.preserve && tags.has(field.tagName));
  }
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const NOW = 1_800_000_000_000;

describe("preserving typed text across an update reload", () => {
  it("saves marked text fields and restores them so React sees the change", () => {
    const storage = new MemoryStorage();
    const prompt = new FieldElement("TEXTAREA", "prompt", "prompt");
    const tags = new FieldElement("INPUT", "", "tags", "text");
    prompt.typeText("a lighthouse at dusk");
    tags.typeText("sea, night");
    expect(
      persistFormState({
        root: new Page([prompt, tags]),
        storage,
        pathname: "/generate",
        now: NOW,
      }),
    ).toBe(2);
    expect([...storage.items.keys()].sort()).toEqual([
      `${STORAGE_PREFIX}/generate#prompt`,
      `${STORAGE_PREFIX}/generate#tags`,
    ]);

    // After the reload: fresh, empty elements.
    const newPrompt = new FieldElement("TEXTAREA", "prompt", "prompt");
    const newTags = new FieldElement("INPUT", "", "tags", "text");
    const restored = restoreFormState({
      root: new Page([newPrompt, newTags]),
      storage,
      pathname: "/generate",
      now: NOW + 1_000,
    });
    expect(restored).toBe(2);
    expect(newPrompt.value).toBe("a lighthouse at dusk");
    expect(newPrompt.changes).toEqual(["a lighthouse at dusk"]);
    expect(newTags.changes).toEqual(["sea, night"]);
    expect(storage.items.size).toBe(0);
  });

  it("waits for a field that is not ready (not hydrated yet) and keeps its value for later", () => {
    const storage = new MemoryStorage();
    const prompt = new FieldElement("TEXTAREA", "prompt", "");
    prompt.typeText("a greenhouse in the snow");
    persistFormState({ root: new Page([prompt]), storage, pathname: "/generate", now: NOW });

    const serverRendered = new FieldElement("TEXTAREA", "prompt", "");
    const notYet = { root: new Page([serverRendered]), storage, pathname: "/generate" };
    expect(restoreFormState({ ...notYet, now: NOW, isReady: () => false })).toBe(0);
    expect(serverRendered.changes).toEqual([]);
    expect(storage.items.size).toBe(1);
    expect(restoreFormState({ ...notYet, now: NOW, isReady: () => true })).toBe(1);
    expect(serverRendered.value).toBe("a greenhouse in the snow");
    expect(storage.items.size).toBe(0);
  });

  it("keys by pathname, so another page's field with the same id is left alone", () => {
    const storage = new MemoryStorage();
    const prompt = new FieldElement("TEXTAREA", "prompt", "");
    prompt.typeText("edit: make it snow");
    persistFormState({ root: new Page([prompt]), storage, pathname: "/images/1", now: NOW });

    const elsewhere = new FieldElement("TEXTAREA", "prompt", "");
    expect(
      restoreFormState({ root: new Page([elsewhere]), storage, pathname: "/generate", now: NOW }),
    ).toBe(0);
    expect(elsewhere.value).toBe("");
    expect(hasPendingFormState(storage, "/images/1")).toBe(true);
    expect(hasPendingFormState(storage, "/generate")).toBe(false);
  });

  it("never saves passwords, unmarked fields, empty fields or fields without an id or name", () => {
    const storage = new MemoryStorage();
    const password = new FieldElement("INPUT", "password", "password", "password");
    const unmarked = new FieldElement("TEXTAREA", "notes", "notes");
    unmarked.preserve = false;
    const empty = new FieldElement("TEXTAREA", "prompt", "prompt");
    const anonymous = new FieldElement("INPUT", "", "", "text");
    const checkbox = new FieldElement("INPUT", "public", "public", "checkbox");
    password.typeText("hunter2 hunter2");
    unmarked.typeText("keep me out");
    anonymous.typeText("who am I");
    checkbox.typeText("on");
    const saved = persistFormState({
      root: new Page([password, unmarked, empty, anonymous, checkbox]),
      storage,
      pathname: "/generate",
      now: NOW,
    });
    expect(saved).toBe(0);
    expect(storage.items.size).toBe(0);
  });

  it("waits for a field that renders later, and drops stale values", () => {
    const storage = new MemoryStorage();
    const prompt = new FieldElement("TEXTAREA", "prompt", "");
    prompt.typeText("a paper boat");
    persistFormState({ root: new Page([prompt]), storage, pathname: "/generate", now: NOW });

    // The composer has not rendered yet: nothing to restore, the value waits.
    expect(restoreFormState({ root: new Page([]), storage, pathname: "/generate", now: NOW })).toBe(
      0,
    );
    expect(hasPendingFormState(storage, "/generate")).toBe(true);

    const late = new FieldElement("TEXTAREA", "prompt", "");
    expect(
      restoreFormState({
        root: new Page([late]),
        storage,
        pathname: "/generate",
        now: NOW + PRESERVED_VALUE_TTL_MS + 1,
      }),
    ).toBe(0);
    expect(late.value).toBe("");
    expect(storage.items.size).toBe(0);
  });

  it("ignores entries it cannot read", () => {
    const storage = new MemoryStorage();
    storage.setItem(`${STORAGE_PREFIX}/generate#prompt`, "{not json");
    const prompt = new FieldElement("TEXTAREA", "prompt", "");
    expect(
      restoreFormState({ root: new Page([prompt]), storage, pathname: "/generate", now: NOW }),
    ).toBe(0);
    expect(prompt.value).toBe("");
  });

  it("writes a field again when hydration empties it, until the person types in it", () => {
    const storage = new MemoryStorage();
    const typed = new FieldElement("TEXTAREA", "prompt", "");
    typed.typeText("a glass greenhouse in the snow");
    persistFormState({ root: new Page([typed]), storage, pathname: "/generate", now: NOW });

    const prompt = new FieldElement("TEXTAREA", "prompt", "");
    const guard = createRestoreGuard(() => true);
    const restore = () =>
      restoreFormState({
        root: new Page([prompt]),
        storage,
        pathname: "/generate",
        now: NOW,
        forget: false,
        isReady: guard.isReady,
        onRestored: guard.onRestored,
      });
    expect(restore()).toBe(1);
    expect(prompt.value).toBe("a glass greenhouse in the snow");
    // Still there: nothing to do.
    expect(restore()).toBe(0);
    // React's hydration render put the field back to its initial state: written again.
    prompt.value = "";
    expect(restore()).toBe(1);
    expect(prompt.value).toBe("a glass greenhouse in the snow");
    // A value the page put there itself is left alone.
    prompt.value = "an idea the person picked";
    expect(restore()).toBe(0);
    expect(prompt.value).toBe("an idea the person picked");
    // Once the person has typed, even clearing the field is theirs.
    prompt.typeText("");
    guard.personTyped(prompt);
    expect(restore()).toBe(0);
    expect(prompt.value).toBe("");
    expect(storage.items.size).toBe(1);
  });

  it("writes nothing into a field React has not hydrated", () => {
    const storage = new MemoryStorage();
    storage.setItem(
      `${STORAGE_PREFIX}/generate#prompt`,
      JSON.stringify({ value: "a kite over the dunes", savedAt: NOW }),
    );
    const prompt = new FieldElement("TEXTAREA", "prompt", "");
    const guard = createRestoreGuard();
    expect(
      restoreFormState({
        root: new Page([prompt]),
        storage,
        pathname: "/generate",
        now: NOW,
        forget: false,
        isReady: guard.isReady,
      }),
    ).toBe(0);
    expect(prompt.value).toBe("");
  });
});
