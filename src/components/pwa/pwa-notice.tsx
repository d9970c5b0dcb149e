"use client";

import { X } from "lucide-react";
import { useId, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/lib/cn";

interface PwaNoticeProps {
  title: string;
  description?: ReactNode;
  /** The leading visual (an icon or the app's mark); decorative. */
  visual: ReactNode;
  children?: ReactNode;
  actions: ReactNode;
  /** Escape, and the close button: the same as the notice's "not now" action. */
  onDismiss: () => void;
  dismissLabel: string;
  "data-testid"?: string;
}

/**
 * A non-blocking card above the page's bottom edge (above the phone's tab bar), for the update
 * and install offers. It never takes focus by itself; it is announced politely, and Escape
 * inside it dismisses it.
 */
export function PwaNotice({
  title,
  description,
  visual,
  children,
  actions,
  onDismiss,
  dismissLabel,
  ...rest
}: PwaNoticeProps) {
  const titleId = useId();
  const descriptionId = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      onDismiss();
    }
  };
  return (
    <section
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onKeyDown={onKeyDown}
      data-testid={rest["data-testid"]}
      className={cn(
        "border-line-strong bg-surface/95 shadow-pop dark:bg-surface-raised/95 pointer-events-auto relative w-full rounded-2xl border p-4 pr-12 backdrop-blur-xl",
        "motion-safe:animate-toast-in",
      )}
    >
      <div className="flex items-start gap-3">
        <div aria-hidden="true" className="shrink-0">
          {visual}
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <h2 id={titleId} className="text-ink text-sm font-semibold">
            {title}
          </h2>
          {description ? (
            <p id={descriptionId} className="text-ink-muted text-sm">
              {description}
            </p>
          ) : null}
          {children}
        </div>
      </div>
      <div className="mt-3 -mr-8 flex flex-wrap items-center justify-end gap-2">{actions}</div>
      <button
        type="button"
        onClick={onDismiss}
        aria-label={dismissLabel}
        className="text-ink-subtle hover:bg-surface-sunken hover:text-ink focus-visible:ring-ring absolute top-2 right-2 inline-flex size-10 items-center justify-center rounded-full outline-none focus-visible:ring-2"
      >
        <X aria-hidden="true" className="size-4" />
      </button>
    </section>
  );
}

/** Where the notices sit: one polite live region, bottom centre on wide screens. */
export function PwaNoticeStack({ children }: { children: ReactNode }) {
  return (
    <div
      aria-live="polite"
      className={cn(
        "pointer-events-none fixed inset-x-0 z-[56] mx-auto flex w-full max-w-md flex-col gap-2 px-4",
        "bottom-[calc(5rem+env(safe-area-inset-bottom))] lg:bottom-6",
      )}
    >
      {children}
    </div>
  );
}
