"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { GuidanceLanguage } from "./error-guidance";

/** The person's language for error guidance (namespace `results`, which the page must provide). */
export function useGuidanceLanguage(): GuidanceLanguage {
  const t = useTranslations("results.guidance");
  const format = useFormatter();
  return useMemo(() => ({ t: (key, values) => t(key, values as never), format }), [t, format]);
}
