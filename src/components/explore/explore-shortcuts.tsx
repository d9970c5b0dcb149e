"use client";

import {
  ShortcutsDialog,
  useShortcutsHelp,
  type Shortcut,
} from "@/components/ui/keyboard-shortcuts";

const SHORTCUTS: readonly Shortcut[] = [
  { keys: ["/"], does: "Search public images" },
  { keys: ["Tab"], does: "Move between images" },
  { keys: ["Enter"], does: "Open the image" },
  { keys: ["?"], does: "Show these shortcuts" },
];

/** Explore's `/` (search) and `?` (this list) keys. */
export function ExploreShortcuts() {
  const { open, setOpen } = useShortcutsHelp('[data-testid="explore-search"]');
  return <ShortcutsDialog open={open} onOpenChange={setOpen} shortcuts={SHORTCUTS} />;
}
