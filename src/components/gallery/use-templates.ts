"use client";

import { useApiQuery } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import { apiFetch } from "@/lib/api/request";
import { toTemplateNames, type TemplateName } from "@/lib/api/template-names";
import type { StyleTemplate } from "@/shared/api-types";

const loadTemplateNames = async (signal: AbortSignal) =>
  toTemplateNames(await apiFetch<StyleTemplate[]>("/api/v1/templates", { signal }));

/**
 * Style template names for tiles and the style filter; null until loaded (or when they
 * can't be). The catalog changes with deployments, not with use: fetched once per tab, and
 * usually already in the page (the server's render puts the names in the cache).
 */
export function useTemplates(): TemplateName[] | null {
  const query = useApiQuery<TemplateName[]>(queryKeys.templateNames, loadTemplateNames, {
    staleTime: Infinity,
  });
  return query.data ?? null;
}
