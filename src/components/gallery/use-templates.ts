"use client";

import { useApiQuery } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import type { StyleTemplate } from "@/shared/api-types";

/**
 * Style templates for names and the style filter; null until loaded (or when they can't be).
 * The catalog changes with deployments, not with use: fetched once per tab.
 */
export function useTemplates(): StyleTemplate[] | null {
  const query = useApiQuery<StyleTemplate[]>(queryKeys.templates, "/api/v1/templates", {
    staleTime: Infinity,
  });
  return query.data ?? null;
}
