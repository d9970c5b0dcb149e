"use client";

import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/api-client";
import type { StyleTemplate } from "@/shared/api-types";

let templatesRequest: Promise<StyleTemplate[]> | null = null;

/** The template catalog, fetched once per tab (it changes with deployments, not with use). */
function loadTemplates(): Promise<StyleTemplate[]> {
  templatesRequest ??= apiFetch<StyleTemplate[]>("/api/v1/templates").catch((error: unknown) => {
    templatesRequest = null;
    throw error;
  });
  return templatesRequest;
}

/** Style templates for names and the style filter; null until loaded (or when they can't be). */
export function useTemplates(): StyleTemplate[] | null {
  const [templates, setTemplates] = useState<StyleTemplate[] | null>(null);
  useEffect(() => {
    let live = true;
    loadTemplates().then(
      (loaded) => {
        if (live) setTemplates(loaded);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return templates;
}
