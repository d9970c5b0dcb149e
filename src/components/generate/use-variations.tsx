"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { toast } from "@/components/ui/toast";
import { useOpenedOnce } from "@/components/ui/use-opened-once";
import type { Image } from "@/shared/api-types";
import { isBatchCount, type BatchCount } from "@/shared/limits";
import { useGenerationStore } from "./generation-store";

// The dialog loads the first time it is opened.
const VariationsDialog = dynamic(
  () => import("./variations-dialog").then((module) => module.VariationsDialog),
  { ssr: false },
);

/**
 * "Variations" of one image: `open()` shows the dialog; its submit starts
 * POST /images/:id/variations in the generation store (the composer's result grid shows the
 * images as they arrive), then calls `onStarted` (e.g. go to /generate).
 */
export function useVariations(
  image: Image,
  options: { defaultCount?: number; onStarted?: () => void } = {},
): { open: () => void; dialog: ReactNode } {
  const t = useTranslations("results.variations");
  const [isOpen, setOpen] = useState(false);
  const mounted = useOpenedOnce(isOpen);
  const start = useGenerationStore((state) => state.start);
  const quota = useGenerationStore((state) => state.quota);
  const { onStarted } = options;
  const defaultCount: BatchCount = isBatchCount(options.defaultCount) ? options.defaultCount : 2;

  function open() {
    if (useGenerationStore.getState().run.status === "running") {
      toast({
        title: t("busyTitle"),
        description: t("busyHere"),
      });
      return;
    }
    setOpen(true);
  }

  const dialog = mounted ? (
    <VariationsDialog
      open={isOpen}
      onOpenChange={setOpen}
      prompt={image.prompt}
      defaultCount={defaultCount}
      remaining={quota?.remainingToday ?? null}
      onSubmit={(input) => {
        void start({ kind: "variations", sourceId: image.id, input });
        onStarted?.();
      }}
    />
  ) : null;

  return { open, dialog };
}
