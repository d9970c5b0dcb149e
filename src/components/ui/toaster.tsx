"use client";

import * as ToastPrimitive from "@radix-ui/react-toast";
import { useTranslations } from "next-intl";
import { CircleAlert, CircleCheck, Info, X } from "lucide-react";
import { cn } from "@/lib/cn";
import { useToastStore, type ToastItem, type ToastVariant } from "./toast-store";

const iconByVariant: Record<ToastVariant, typeof Info> = {
  default: Info,
  success: CircleCheck,
  error: CircleAlert,
};

const iconClassByVariant: Record<ToastVariant, string> = {
  default: "text-primary",
  success: "text-success",
  error: "text-danger",
};

const stripeClassByVariant: Record<ToastVariant, string> = {
  default: "before:bg-primary",
  success: "before:bg-success",
  error: "before:bg-danger",
};

function ToastCard({ item }: { item: ToastItem }) {
  const close = useToastStore((state) => state.close);
  const remove = useToastStore((state) => state.remove);
  const t = useTranslations("common.toast");
  const Icon = iconByVariant[item.variant];
  return (
    <ToastPrimitive.Root
      open={item.open}
      duration={item.duration}
      type={item.variant === "error" ? "foreground" : "background"}
      onOpenChange={(open) => {
        if (!open) {
          close(item.id);
          window.setTimeout(() => remove(item.id), 200);
        }
      }}
      data-testid="toast"
      data-variant={item.variant}
      className={cn(
        "border-line-strong bg-surface shadow-pop dark:bg-surface-raised pointer-events-auto relative flex w-full items-start gap-3 overflow-hidden rounded-2xl border p-4 pr-12 pl-5",
        "before:absolute before:inset-y-0 before:left-0 before:w-1 before:content-['']",
        stripeClassByVariant[item.variant],
        "data-[state=open]:animate-toast-in data-[state=closed]:animate-toast-out",
        "data-[swipe=end]:animate-toast-out data-[swipe=cancel]:translate-y-0 data-[swipe=cancel]:transition-transform data-[swipe=move]:translate-y-[var(--radix-toast-swipe-move-y)]",
      )}
    >
      <Icon
        aria-hidden="true"
        className={cn("mt-0.5 size-5 shrink-0", iconClassByVariant[item.variant])}
      />
      <div className="flex min-w-0 flex-col gap-0.5">
        <ToastPrimitive.Title className="text-ink text-sm font-semibold">
          {item.title}
        </ToastPrimitive.Title>
        {item.description ? (
          <ToastPrimitive.Description className="text-ink-muted text-sm">
            {item.description}
          </ToastPrimitive.Description>
        ) : null}
      </div>
      <ToastPrimitive.Close
        aria-label={t("dismiss")}
        className="text-ink-subtle hover:bg-surface-sunken hover:text-ink absolute top-2 right-2 inline-flex size-10 items-center justify-center rounded-full"
      >
        <X aria-hidden="true" className="size-4" />
      </ToastPrimitive.Close>
    </ToastPrimitive.Root>
  );
}

/** Mount once, in the root layout. Call `toast()` to show one. */
export function Toaster() {
  const toasts = useToastStore((state) => state.toasts);
  const t = useTranslations("common.toast");
  return (
    <ToastPrimitive.Provider swipeDirection="down" label={t("region")}>
      {toasts.map((item) => (
        <ToastCard key={item.id} item={item} />
      ))}
      <ToastPrimitive.Viewport
        className={cn(
          "fixed inset-x-0 z-[60] mx-auto flex w-full max-w-sm flex-col gap-2 p-4 outline-none",
          // Above the phone's bottom navigation; bottom-right on wide screens.
          "bottom-[calc(4.75rem+env(safe-area-inset-bottom))] lg:right-4 lg:bottom-4 lg:left-auto lg:mx-0",
        )}
      />
    </ToastPrimitive.Provider>
  );
}
