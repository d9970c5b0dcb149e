"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { useFieldErrorText } from "@/lib/i18n/use-field-errors";
import type { GuidanceLanguage } from "./error-guidance";

/**
 * The person's language for error guidance (namespaces `results` and `validation`; the page
 * must provide `results`).
 */
export function useGuidanceLanguage(): GuidanceLanguage {
  const t = useTranslations("results.guidance");
  const format = useFormatter();
  const fieldText = useFieldErrorText();
  return useMemo(
    () => ({ t: (key, values) => t(key, values as never), format, fieldText }),
    [t, format, fieldText],
  );
}
