"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback } from "react";
import { fileSizeOf, type InputImageProblem } from "./input-image";

/** A file's size in the reader's number format: "12.4 MB", "850 kB" ("12,4 MB" in Indonesian). */
export function useFileSize(): (bytes: number) => string {
  const format = useFormatter();
  return useCallback(
    (bytes: number) => {
      const { value, unit } = fileSizeOf(bytes);
      return format.number(value, {
        style: "unit",
        unit,
        unitDisplay: "short",
        maximumFractionDigits: 1,
      });
    },
    [format],
  );
}

/** Words an input image's problem: "“cat.gif” is a GIF image. Use a PNG, JPEG or WebP image." */
export function useInputImageProblemText(): (problem: InputImageProblem) => string {
  const t = useTranslations("generate.inputImages");
  const fileSize = useFileSize();
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
