"use client";

import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "./dialog";
import type { Shortcut } from "./keyboard-shortcuts";

/** The shortcuts dialog itself; keyboard-shortcuts.tsx loads it on the first `?`. */
export function ShortcutsList({
  open,
  onOpenChange,
  shortcuts,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  shortcuts: readonly Shortcut[];
}) {
  const t = useTranslations("common.shortcuts");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="shortcuts-dialog">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <dl className="divide-line flex flex-col divide-y text-sm">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.does} className="flex items-center justify-between gap-4 py-2.5">
              <dt className="flex shrink-0 gap-1">
                {shortcut.keys.map((key) => (
                  <kbd
                    key={key}
                    className="border-line-strong bg-surface-sunken text-ink inline-flex min-w-7 items-center justify-center rounded-md border px-1.5 py-0.5 font-mono text-xs font-semibold"
                  >
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd className="text-ink-muted text-right">{shortcut.does}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
