"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { useFormatBytes } from "@/lib/i18n/format-bytes";
import type { InputImageProblem } from "./input-image";

/** Words an input image's problem: "“cat.gif” is a GIF image. Use a PNG, JPEG or WebP image." */
export function useInputImageProblemText(): (problem: InputImageProblem) => string {
  const t = useTranslations("generate.inputImages");
  const fileSize = useFormatBytes();
  return useCallback(
    (problem: InputImageProblem) => {
      const file = { named: problem.name ? "true" : "false", name: problem.name };
      switch (problem.reason) {
        case "wrongType":
          return t("wrongType", { ...file, type: problem.type });
        case "notImage":
          return t("notImage", file);
        case "tooLarge":
          return t("tooLarge", { ...file, size: fileSize(problem.size) });
        case "empty":
          return t("empty", file);
      }
    },
    [t, fileSize],
  );
}
