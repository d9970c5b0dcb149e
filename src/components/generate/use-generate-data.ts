"use client";

import { useCallback, useEffect, useMemo } from "react";
import { ApiClientError } from "@/lib/api/errors";
import { useApiQuery } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import { apiFetch } from "@/lib/api/request";
import { readOfflineCopy, saveOfflineCopy } from "@/lib/offline/offline-copies";
import { hasIndexedDb } from "@/lib/offline/offline-db";
import type { Profile, StyleTemplate } from "@/shared/api-types";
import type { TemplateCategory } from "@/shared/schemas/templates";

export type Loadable<T> =
  { status: "loading" } | { status: "error"; error: ApiClientError } | { status: "ready"; data: T };

export interface TemplateCatalog {
  templates: StyleTemplate[];
  categories: { id: TemplateCategory; count: number }[];
}

/**
 * Loads from the API; without a connection, answers with the device's copy (useOfflineCopy
 * keeps it), so the form still opens offline and can queue prompts.
 */
function withOfflineCopy<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  return async (signal: AbortSignal): Promise<T> => {
    try {
      return await load(signal);
    } catch (error) {
      if (!(error instanceof ApiClientError && error.code === "NETWORK_ERROR") || !hasIndexedDb())
        throw error;
      const copy = await readOfflineCopy<T>(key).catch(() => null);
      if (copy === null) throw error;
      return copy;
    }
  };
}

const loadProfile = withOfflineCopy("profile", (signal) =>
  apiFetch<Profile>("/api/v1/auth/profile", { signal }),
);

const loadCatalog = withOfflineCopy("templates", async (signal): Promise<TemplateCatalog> => {
  const [templates, categories] = await Promise.all([
    apiFetch<StyleTemplate[]>("/api/v1/templates", { signal }),
    apiFetch<TemplateCatalog["categories"]>("/api/v1/templates/categories", { signal }),
  ]);
  return { templates, categories };
});

/** Keeps the latest answer (fetched here or rendered by the server) on the device. */
function useOfflineCopy(key: string, data: unknown) {
  useEffect(() => {
    if (data !== undefined && hasIndexedDb())
      void saveOfflineCopy(key, data).catch(() => undefined);
  }, [key, data]);
}

function toLoadable<T>(data: T | undefined, error: ApiClientError | null): Loadable<T> {
  if (data !== undefined) return { status: "ready", data };
  if (error) return { status: "error", error };
  return { status: "loading" };
}

/**
 * The profile (defaults, quota) and the template catalog, each with its own loading state;
 * the server's render usually put both in the cache already.
 */
export function useGenerateData() {
  const profile = useApiQuery<Profile>(queryKeys.profile, loadProfile);
  const catalog = useApiQuery<TemplateCatalog>(queryKeys.templateCatalog, loadCatalog, {
    staleTime: Infinity,
  });
  useOfflineCopy("profile", profile.data);
  useOfflineCopy("templates", catalog.data);
  // Stable while the answers are: the view copies the profile's quota into its store on change.
  const { data: profileData, error: profileError, refetch: refetchProfile } = profile;
  const { data: catalogData, error: catalogError, refetch: refetchCatalog } = catalog;
  return {
    profile: useMemo(() => toLoadable(profileData, profileError), [profileData, profileError]),
    reloadProfile: useCallback(() => void refetchProfile(), [refetchProfile]),
    catalog: useMemo(() => toLoadable(catalogData, catalogError), [catalogData, catalogError]),
    reloadCatalog: useCallback(() => void refetchCatalog(), [refetchCatalog]),
  };
}
