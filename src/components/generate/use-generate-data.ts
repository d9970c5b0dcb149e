"use client";

import { useCallback, useEffect, useState } from "react";
import { ApiClientError, apiFetch } from "@/lib/api-client";
import type { Profile, StyleTemplate } from "@/shared/api-types";
import type { TemplateCategory } from "@/shared/schemas/templates";
import { hasIndexedDb } from "@/lib/offline/offline-db";
import { readOfflineCopy, saveOfflineCopy } from "@/lib/offline/offline-copies";

export type Loadable<T> =
  { status: "loading" } | { status: "error"; error: ApiClientError } | { status: "ready"; data: T };

export interface TemplateCatalog {
  templates: StyleTemplate[];
  categories: { id: TemplateCategory; count: number }[];
}

function toClientError(error: unknown): ApiClientError {
  return error instanceof ApiClientError
    ? error
    : new ApiClientError({ code: "INTERNAL_ERROR", message: "Something went wrong.", status: 0 });
}

/** Loads one resource on mount (and on reload); an abort on unmount is not an error. */
function useLoadable<T>(load: (signal: AbortSignal) => Promise<T>) {
  const [state, setState] = useState<Loadable<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setState({ status: "ready", data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error: toClientError(error) });
      },
    );
    return () => controller.abort();
  }, [attempt, load]);

  const reload = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((value) => value + 1);
  }, []);

  return [state, reload] as const;
}

/**
 * Loads from the API and keeps a copy on the device; without a connection, answers with that
 * copy, so the form still opens offline and can queue prompts.
 */
function withOfflineCopy<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  return async (signal: AbortSignal): Promise<T> => {
    try {
      const data = await load(signal);
      if (hasIndexedDb()) void saveOfflineCopy(key, data).catch(() => undefined);
      return data;
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

/** The profile (defaults, quota) and the template catalog, each with its own loading state. */
export function useGenerateData() {
  const [profile, reloadProfile] = useLoadable(loadProfile);
  const [catalog, reloadCatalog] = useLoadable(loadCatalog);
  return { profile, reloadProfile, catalog, reloadCatalog };
}
