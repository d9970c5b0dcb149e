"use client";

import type * as DialogPrimitive from "@radix-ui/react-dialog";
import { Slot } from "@radix-ui/react-slot";
import { X } from "lucide-react";
import {
  createContext,
  forwardRef,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ElementRef,
  type FocusEvent,
  type HTMLAttributes,
  type MouseEvent,
  type MutableRefObject,
  type PointerEvent,
} from "react";
import { cn } from "@/lib/cn";

/*
 * Radix's dialog, with its code (focus trap, scroll lock, layers) loaded on demand: dialogs are
 * closed when a page opens. A dialog loads when it is first asked to open (its `open` prop, or
 * its trigger pressed) or when its trigger is pointed at or focused; until then its trigger is a
 * plain element that looks the same and its content renders nothing.
 */

type Radix = typeof DialogPrimitive;

let loaded: Radix | null = null;
let loading: Promise<Radix> | null = null;

function loadRadix(): Promise<Radix> {
  loading ??= import("@radix-ui/react-dialog").then(
    (module) => (loaded = module),
    (error: unknown) => {
      // Offline with the chunk not cached: the next attempt tries again.
      loading = null;
      throw error;
    },
  );
  return loading;
}

interface DialogState {
  radix: Radix | null;
  /** Loads the dialog; `open` asks for it open once loaded (its trigger was pressed). */
  engage: (open: boolean) => void;
  trigger: MutableRefObject<HTMLElement | null>;
  /** The plain trigger had the focus when Radix's replaced it. */
  focusTrigger: boolean;
}

const DialogContext = createContext<DialogState | null>(null);

function useDialog(): DialogState {
  const dialog = useContext(DialogContext);
  if (!dialog) throw new Error("Dialog parts must be inside a Dialog");
  return dialog;
}

/** The loaded Radix module, inside a dialog's content (rendered only once it has loaded). */
function useRadix(): Radix {
  const { radix } = useDialog();
  if (!radix) throw new Error("Dialog content rendered before the dialog loaded");
  return radix;
}

export function Dialog({
  open,
  defaultOpen,
  onOpenChange,
  children,
  ...props
}: ComponentPropsWithoutRef<Radix["Root"]>) {
  const controlled = open !== undefined;
  const [engaged, setEngaged] = useState<{ radix: Radix; open: boolean; focus: boolean } | null>(
    () => ((open || defaultOpen) && loaded ? { radix: loaded, open: true, focus: false } : null),
  );
  const openRequested = useRef(false);
  const trigger = useRef<HTMLElement | null>(null);
  const onOpenChangeRef = useRef(onOpenChange);
  useEffect(() => {
    onOpenChangeRef.current = onOpenChange;
  });

  const engage = useCallback(
    (openNow: boolean) => {
      // A controlled dialog opens through its owner; an uncontrolled one once loaded.
      if (openNow && controlled) onOpenChangeRef.current?.(true);
      else if (openNow) openRequested.current = true;
      loadRadix().then(
        (radix) =>
          setEngaged((current) => {
            if (current) return current;
            const opening = openRequested.current;
            const focus = !opening && document.activeElement === trigger.current;
            return { radix, open: opening, focus };
          }),
        () => undefined,
      );
    },
    [controlled],
  );

  const wantsOpen = open === true || defaultOpen === true;
  useEffect(() => {
    if (wantsOpen) engage(false);
  }, [wantsOpen, engage]);

  const state: DialogState = {
    radix: engaged?.radix ?? null,
    engage,
    trigger,
    focusTrigger: engaged?.focus ?? false,
  };
  if (!engaged) return <DialogContext.Provider value={state}>{children}</DialogContext.Provider>;
  const Root = engaged.radix.Root;
  return (
    <DialogContext.Provider value={state}>
      <Root
        open={open}
        defaultOpen={controlled ? undefined : engaged.open || defaultOpen}
        onOpenChange={onOpenChange}
        {...props}
      >
        {children}
      </Root>
    </DialogContext.Provider>
  );
}

export const DialogTrigger = forwardRef<
  HTMLButtonElement,
  ComponentPropsWithoutRef<Radix["Trigger"]>
>(function DialogTrigger({ asChild, onPointerEnter, onFocus, onClick, ...props }, ref) {
  const dialog = useDialog();
  const own = useRef<HTMLButtonElement | null>(null);
  const setRef = useCallback(
    (node: HTMLButtonElement | null) => {
      own.current = node;
      dialog.trigger.current = node;
      if (typeof ref === "function") ref(node);
      else if (ref) ref.current = node;
    },
    [dialog.trigger, ref],
  );
  const { radix, focusTrigger, engage } = dialog;
  useEffect(() => {
    if (radix && focusTrigger) own.current?.focus();
  }, [radix, focusTrigger]);

  if (radix) {
    const Trigger = radix.Trigger;
    return (
      <Trigger
        ref={setRef}
        asChild={asChild}
        onPointerEnter={onPointerEnter}
        onFocus={onFocus}
        onClick={onClick}
        {...props}
      />
    );
  }
  const Element = asChild ? Slot : "button";
  return (
    <Element
      ref={setRef}
      type={asChild ? undefined : "button"}
      aria-haspopup="dialog"
      aria-expanded={false}
      data-state="closed"
      {...props}
      onPointerEnter={(event: PointerEvent<HTMLButtonElement>) => {
        onPointerEnter?.(event);
        if (event.pointerType === "mouse") engage(false);
      }}
      onFocus={(event: FocusEvent<HTMLButtonElement>) => {
        onFocus?.(event);
        engage(false);
      }}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (!event.defaultPrevented) engage(true);
      }}
    />
  );
});

export const DialogClose = forwardRef<
  ElementRef<Radix["Close"]>,
  ComponentPropsWithoutRef<Radix["Close"]>
>(function DialogClose(props, ref) {
  const { Close } = useRadix();
  return <Close ref={ref} {...props} />;
});

/** A centred dialog on wide screens, a bottom sheet on phones. */
export const DialogContent = forwardRef<
  ElementRef<Radix["Content"]>,
  ComponentPropsWithoutRef<Radix["Content"]> & { hideClose?: boolean }
>(function DialogContent({ className, children, hideClose = false, ...props }, ref) {
  const { radix } = useDialog();
  if (!radix) return null;
  const { Portal, Overlay, Content, Close } = radix;
  return (
    <Portal>
      <Overlay className="bg-scrim data-[state=closed]:animate-fade-out data-[state=open]:animate-fade-in fixed inset-0 z-50 backdrop-blur-[2px]" />
      <Content
        ref={ref}
        className={cn(
          "border-line bg-surface shadow-pop fixed z-50 flex max-h-[calc(100dvh-2rem)] flex-col gap-4 overflow-y-auto border p-6",
          "data-[state=open]:animate-sheet-in inset-x-0 bottom-0 rounded-t-[1.5rem] pb-[calc(1.5rem+env(safe-area-inset-bottom))]",
          "sm:rounded-card sm:data-[state=open]:animate-pop-in sm:inset-x-auto sm:top-1/2 sm:bottom-auto sm:left-1/2 sm:w-full sm:max-w-lg sm:-translate-x-1/2 sm:-translate-y-1/2 sm:pb-6",
          "data-[state=closed]:animate-fade-out",
          className,
        )}
        {...props}
      >
        {children}
        {hideClose ? null : (
          <Close
            className="text-ink-muted hover:bg-surface-raised hover:text-ink absolute top-3 right-3 inline-flex size-11 items-center justify-center rounded-full sm:size-9"
            aria-label="Close"
          >
            <X aria-hidden="true" className="size-5" />
          </Close>
        )}
      </Content>
    </Portal>
  );
});

export function DialogHeader({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("flex flex-col gap-1.5 pr-10", className)} {...props} />;
}

export function DialogFooter({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={cn("mt-2 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)}
      {...props}
    />
  );
}

export const DialogTitle = forwardRef<
  ElementRef<Radix["Title"]>,
  ComponentPropsWithoutRef<Radix["Title"]>
>(function DialogTitle({ className, ...props }, ref) {
  const { Title } = useRadix();
  return (
    <Title
      ref={ref}
      className={cn("font-display text-ink text-lg font-semibold tracking-tight", className)}
      {...props}
    />
  );
});

export const DialogDescription = forwardRef<
  ElementRef<Radix["Description"]>,
  ComponentPropsWithoutRef<Radix["Description"]>
>(function DialogDescription({ className, ...props }, ref) {
  const { Description } = useRadix();
  return <Description ref={ref} className={cn("text-ink-muted text-sm", className)} {...props} />;
});
