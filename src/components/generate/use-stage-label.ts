"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { GenerationStage } from "@/shared/api-types";

/** "Queued", "Generating with Gemini…", … in the person's language (namespace `results`). */
export function useStageLabel(): (stage: GenerationStage) => string {
  const t = useTranslations("results.progress");
  return useCallback(
    (stage: GenerationStage) => {
      switch (stage) {
        case "queued":
          return t("stage.queued");
        case "generating":
          return t("stage.generating");
        case "processing":
          return t("stage.processing");
        case "storing":
          return t("stage.storing");
      }
    },
    [t],
  );
}
