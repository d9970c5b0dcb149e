"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import {
  ShortcutsDialog,
  useShortcutsHelp,
  type Shortcut,
} from "@/components/ui/keyboard-shortcuts";

/** Explore's `/` (search) and `?` (this list) keys. */
export function ExploreShortcuts() {
  const { open, setOpen } = useShortcutsHelp('[data-testid="explore-search"]');
  const t = useTranslations("explore.shortcuts");
  const shortcuts = useMemo<readonly Shortcut[]>(
    () => [
      { keys: ["/"], does: t("search") },
      { keys: ["Tab"], does: t("move") },
      { keys: ["Enter"], does: t("open") },
      { keys: ["?"], does: t("help") },
    ],
    [t],
  );
  return <ShortcutsDialog open={open} onOpenChange={setOpen} shortcuts={shortcuts} />;
}
