"use client";

import { Trash2, Undo2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import { setDeleteFailureText, undoPendingDelete, usePendingDeletes } from "./pending-deletes";

interface UndoDeleteToastProps {
  /** Called with the restored ids after Undo. */
  onUndo?: (imageIds: string[]) => void;
  className?: string;
}

/**
 * "Deleted — Undo" while a delete waits to be sent. Render it where it can be clicked: a
 * modal (the lightbox) makes everything outside it inert, so the lightbox renders its own.
 */
export function UndoDeleteToast({ onUndo, className }: UndoDeleteToastProps) {
  const t = useTranslations("gallery.undoDelete");
  const errorText = useErrorMessage();
  const pending = usePendingDeletes((state) => state.pending);

  // The delete is sent after this toast's undo window: its failure speaks the same language.
  useEffect(() => {
    setDeleteFailureText({
      title: (count) => t("failed", { count }),
      description: errorText,
    });
  }, [t, errorText]);

  useEffect(() => {
    if (!pending) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.shiftKey && event.key.toLowerCase() === "z") {
        const target = event.target as HTMLElement | null;
        if (target?.closest("input, textarea, [contenteditable='true']")) return;
        event.preventDefault();
        onUndo?.(undoPendingDelete());
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [pending, onUndo]);

  if (!pending) return null;
  const count = pending.imageIds.length;
  const remaining = Math.max(0, pending.sendsAt - Date.now());

  return (
    <div
      role="status"
      data-testid="undo-delete"
      className={cn(
        "fixed inset-x-0 z-[60] mx-auto w-full max-w-sm px-4",
        "bottom-[calc(5rem+env(safe-area-inset-bottom))] lg:right-4 lg:bottom-4 lg:left-auto lg:mx-0",
        className,
      )}
    >
      <div className="border-line bg-surface shadow-pop motion-safe:animate-toast-in relative flex items-center gap-3 overflow-hidden rounded-2xl border py-3 pr-3 pl-4">
        <Trash2 aria-hidden="true" className="text-ink-muted size-5 shrink-0" />
        <p className="text-ink min-w-0 flex-1 text-sm font-semibold">{t("deleted", { count })}</p>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => onUndo?.(undoPendingDelete())}
          aria-keyshortcuts="Control+Z Meta+Z"
          data-testid="undo-delete-button"
        >
          <Undo2 aria-hidden="true" />
          {t("undo")}
        </Button>
        <CountdownBar key={pending.batchId} durationMs={remaining} />
      </div>
    </div>
  );
}

/** A thin line that runs out with the undo window. */
function CountdownBar({ durationMs }: { durationMs: number }) {
  const [running, setRunning] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setRunning(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <span
      aria-hidden="true"
      className="bg-primary absolute bottom-0 left-0 h-0.5 w-full origin-left ease-linear"
      style={{
        transform: running ? "scaleX(0)" : "scaleX(1)",
        transitionProperty: "transform",
        transitionDuration: `${durationMs}ms`,
      }}
    />
  );
}
