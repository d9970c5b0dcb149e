"use client";

import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type ForwardedRef,
  type MutableRefObject,
} from "react";

/*
 * A Radix primitive (dialog, dropdown menu) whose code loads on demand: closed when a page opens,
 * it needs nothing but a trigger that looks the same. The trigger loads the module when pointed
 * at, focused or pressed (or the primitive when asked to open); then Radix's parts replace the
 * plain ones, open at once when it was pressed, with the focus where it was.
 */

/** A module loaded once for the whole page; a failed load (offline) lets the next call retry. */
export interface OnDemandModule<Module> {
  /** The module once loaded, else null. */
  readonly current: Module | null;
  load: () => Promise<Module>;
}

export function onDemandModule<Module>(importer: () => Promise<Module>): OnDemandModule<Module> {
  let current: Module | null = null;
  let loading: Promise<Module> | null = null;
  return {
    get current() {
      return current;
    },
    load() {
      loading ??= importer().then(
        (module) => (current = module),
        (error: unknown) => {
          // Offline with the chunk not cached: the next attempt tries again.
          loading = null;
          throw error;
        },
      );
      return loading;
    },
  };
}

export interface OnDemandPrimitive<Module> {
  /** The loaded module: render Radix's parts with it; null: render the plain trigger only. */
  module: Module | null;
  /** Whether it was asked open before it loaded (for the Root's defaultOpen). */
  openOnLoad: boolean;
  /** Loads the module; `open`: the trigger was pressed, so open it once loaded. */
  engage: (open: boolean) => void;
  trigger: MutableRefObject<HTMLElement | null>;
  /** The plain trigger had the focus when Radix's replaced it: give it to the new one. */
  focusTrigger: boolean;
}

export function useOnDemandPrimitive<Module>(
  source: OnDemandModule<Module>,
  {
    openAtFirst,
    onOpenRequest,
  }: {
    /** Open from the first render (`open` or `defaultOpen`): shown at once when already loaded. */
    openAtFirst: boolean;
    /**
     * For a controlled primitive: a press asks its owner to open it (and Radix follows the
     * owner's `open`). Without it, the primitive opens itself once loaded.
     */
    onOpenRequest?: () => void;
  },
): OnDemandPrimitive<Module> {
  const [engaged, setEngaged] = useState<{ module: Module; open: boolean; focus: boolean } | null>(
    () =>
      openAtFirst && source.current ? { module: source.current, open: true, focus: false } : null,
  );
  const openRequested = useRef(false);
  const trigger = useRef<HTMLElement | null>(null);
  const onOpenRequestRef = useRef(onOpenRequest);
  useEffect(() => {
    onOpenRequestRef.current = onOpenRequest;
  });

  const engage = useCallback(
    (open: boolean) => {
      if (open && onOpenRequestRef.current) onOpenRequestRef.current();
      else if (open) openRequested.current = true;
      source.load().then(
        (module) =>
          setEngaged((current) => {
            if (current) return current;
            const opening = openRequested.current;
            // An opening primitive moves the focus itself.
            const focus = !opening && document.activeElement === trigger.current;
            return { module, open: opening, focus };
          }),
        () => undefined,
      );
    },
    [source],
  );

  return {
    module: engaged?.module ?? null,
    openOnLoad: engaged?.open ?? false,
    engage,
    trigger,
    focusTrigger: engaged?.focus ?? false,
  };
}

/**
 * The trigger's ref (its own, the primitive's and the caller's) and, when Radix's trigger
 * replaces the plain one that had the focus, the focus moved to it.
 */
export function useOnDemandTriggerRef<Element extends HTMLElement>(
  primitive: Pick<OnDemandPrimitive<unknown>, "module" | "trigger" | "focusTrigger">,
  ref: ForwardedRef<Element>,
): (node: Element | null) => void {
  const own = useRef<Element | null>(null);
  const { module, trigger, focusTrigger } = primitive;
  const setRef = useCallback(
    (node: Element | null) => {
      own.current = node;
      trigger.current = node;
      if (typeof ref === "function") ref(node);
      else if (ref) ref.current = node;
    },
    [trigger, ref],
  );
  useEffect(() => {
    if (module && focusTrigger) own.current?.focus();
  }, [module, focusTrigger]);
  return setRef;
}
