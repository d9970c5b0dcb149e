"use client";

import type * as DialogPrimitive from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { Slot } from "@radix-ui/react-slot";
import { X } from "lucide-react";
import {
  createContext,
  forwardRef,
  useContext,
  useEffect,
  type ComponentPropsWithoutRef,
  type ElementRef,
  type FocusEvent,
  type HTMLAttributes,
  type MouseEvent,
  type PointerEvent,
} from "react";
import { cn } from "@/lib/cn";
import {
  onDemandModule,
  useOnDemandPrimitive,
  useOnDemandTriggerRef,
  type OnDemandPrimitive,
} from "./use-on-demand-primitive";

/*
 * Radix's dialog, with its code (focus trap, scroll lock, layers) loaded on demand: dialogs are
 * closed when a page opens. A dialog loads when it is first asked to open (its `open` prop, or
 * its trigger pressed) or when its trigger is pointed at or focused; until then its trigger is a
 * plain element that looks the same and its content renders nothing (see
 * use-on-demand-primitive.ts).
 */

type Radix = typeof DialogPrimitive;

const radixDialog = onDemandModule<Radix>(() => import("@radix-ui/react-dialog"));

type DialogState = OnDemandPrimitive<Radix>;

const DialogContext = createContext<DialogState | null>(null);

function useDialog(): DialogState {
  const dialog = useContext(DialogContext);
  if (!dialog) throw new Error("Dialog parts must be inside a Dialog");
  return dialog;
}

/** The loaded Radix module, inside a dialog's content (rendered only once it has loaded). */
function useRadix(): Radix {
  const { module } = useDialog();
  if (!module) throw new Error("Dialog content rendered before the dialog loaded");
  return module;
}

export function Dialog({
  open,
  defaultOpen,
  onOpenChange,
  children,
  ...props
}: ComponentPropsWithoutRef<Radix["Root"]>) {
  const controlled = open !== undefined;
  const wantsOpen = open === true || defaultOpen === true;
  const dialog = useOnDemandPrimitive(radixDialog, {
    openAtFirst: wantsOpen,
    // A controlled dialog opens through its owner; an uncontrolled one once loaded.
    onOpenRequest: controlled ? () => onOpenChange?.(true) : undefined,
  });
  const { engage } = dialog;
  useEffect(() => {
    if (wantsOpen) engage(false);
  }, [wantsOpen, engage]);

  if (!dialog.module) {
    return <DialogContext.Provider value={dialog}>{children}</DialogContext.Provider>;
  }
  const Root = dialog.module.Root;
  return (
    <DialogContext.Provider value={dialog}>
      <Root
        open={open}
        defaultOpen={controlled ? undefined : dialog.openOnLoad || defaultOpen}
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
  const setRef = useOnDemandTriggerRef(dialog, ref);
  const { module: radix, engage } = dialog;

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
  const { module: radix } = useDialog();
  const t = useTranslations("common");
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
            aria-label={t("close")}
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
