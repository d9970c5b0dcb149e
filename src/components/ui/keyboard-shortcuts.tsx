"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { useOpenedOnce } from "./use-opened-once";

const ShortcutsList = dynamic(
  () => import("./shortcuts-dialog").then((module) => module.ShortcutsList),
  { ssr: false },
);

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

/**
 * `?`: a dialog listing the page's shortcuts. Its code (Radix's dialog) loads the first time it
 * opens: nobody needs it to see the page.
 */
export function ShortcutsDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  shortcuts: readonly Shortcut[];
}) {
  return useOpenedOnce(props.open) ? <ShortcutsList {...props} /> : null;
}

/** The dialog's open state and the `/` and `?` keys, for a page with a search field. */
export function useShortcutsHelp(searchSelector: string) {
  const [open, setOpen] = useState(false);
  usePageShortcuts({ searchSelector, onHelp: () => setOpen(true) });
  return { open, setOpen };
}
