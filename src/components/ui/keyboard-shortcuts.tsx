"use client";

import { useEffect, useRef, useState } from "react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "./dialog";

export interface Shortcut {
  keys: string[];
  does: string;
}

/** True when a key press belongs to what the person is typing, not to the page. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(
      target.type,
    );
  return false;
}

/**
 * The page's single-key shortcuts: `/` focuses the search field, `?` lists the shortcuts.
 * None fires while typing in a field, with a modifier held, or while a dialog or menu is open.
 */
export function usePageShortcuts({
  searchSelector,
  onHelp,
}: {
  /** Where `/` puts the focus. */
  searchSelector: string;
  onHelp: () => void;
}) {
  const onHelpRef = useRef(onHelp);
  useEffect(() => {
    onHelpRef.current = onHelp;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"]')) return;
      if (event.key === "/") {
        const search = document.querySelector<HTMLInputElement>(searchSelector);
        if (!search) return;
        event.preventDefault();
        search.focus();
        search.select();
      } else if (event.key === "?") {
        event.preventDefault();
        onHelpRef.current();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [searchSelector]);
}

/** `?`: a dialog listing the page's shortcuts. */
export function ShortcutsDialog({
  open,
  onOpenChange,
  shortcuts,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  shortcuts: readonly Shortcut[];
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="shortcuts-dialog">
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>They work whenever you are not typing in a field.</DialogDescription>
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

/** The dialog's open state and the `/` and `?` keys, for a page with a search field. */
export function useShortcutsHelp(searchSelector: string) {
  const [open, setOpen] = useState(false);
  usePageShortcuts({ searchSelector, onHelp: () => setOpen(true) });
  return { open, setOpen };
}
