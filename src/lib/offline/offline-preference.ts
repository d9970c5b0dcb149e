"use client";

import { create } from "zustand";
import { getQueryClient } from "@/lib/api/query-client";
import { queryKeys } from "@/lib/api/query-keys";
import { apiFetch } from "@/lib/api/request";
import type { Settings } from "@/shared/api-types";
import { openOfflineDb } from "./offline-db";

/*
 * The user's "enableOfflineCache" setting as the pages need it: read from the API when online,
 * remembered on the device for when it is not. While it is off, nothing is mirrored and
 * collections cannot be made available offline.
 */

const PREFERENCE_KEY = "enableOfflineCache";

interface OfflinePreferenceState {
  /** null until known; treated as the server default (on) by readers that cannot wait. */
  enabled: boolean | null;
}

export const useOfflinePreference = create<OfflinePreferenceState>()(() => ({ enabled: null }));

export function isOfflineCacheEnabled(): boolean {
  return useOfflinePreference.getState().enabled !== false;
}

/**
 * Loads the setting (the settings in the query cache when younger than `maxAgeMs` — the
 * signed-in layout puts them there — else the API, then the device's copy) and clears the
 * mirror when it is off.
 */
export async function refreshOfflinePreference({ maxAgeMs = 0 } = {}): Promise<boolean> {
  const db = await openOfflineDb();
  let enabled: boolean;
  try {
    const settings = await getQueryClient().fetchQuery({
      queryKey: queryKeys.settings,
      queryFn: ({ signal }) => apiFetch<Settings>("/api/v1/settings", { signal }),
      staleTime: maxAgeMs,
    });
    enabled = settings.enableOfflineCache;
    await db.put("meta", { key: PREFERENCE_KEY, value: String(enabled) });
  } catch {
    const stored = await db.get("meta", PREFERENCE_KEY);
    enabled = stored ? stored.value === "true" : true;
  }
  if (!enabled) await db.clear("images");
  useOfflinePreference.setState({ enabled });
  return enabled;
}
