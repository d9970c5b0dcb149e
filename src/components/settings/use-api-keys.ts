"use client";

import { useCallback } from "react";
import type { ApiKey } from "@/shared/api-types";
import { useApiResource } from "./use-api-resource";

/**
 * GET /api/v1/api-keys, with reload and local updates after a create or a revoke. `loadedAt`
 * is the "now" that expiry is judged against.
 */
export function useApiKeys() {
  const { state, reload, update } = useApiResource<ApiKey[]>("/api/v1/api-keys");
  const added = useCallback((apiKey: ApiKey) => update((keys) => [apiKey, ...keys]), [update]);
  const revoked = useCallback(
    (id: string) => update((keys) => keys.filter((key) => key.id !== id)),
    [update],
  );
  return { state, reload, added, revoked };
}
