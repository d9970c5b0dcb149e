"use client";

import { useCallback } from "react";
import { useApiQuery } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import type { ApiKey } from "@/shared/api-types";
import { resourceState, useCacheUpdate } from "./settings-data";

/**
 * GET /api/v1/api-keys (usually rendered by the server), with reload and local updates after
 * a create or a revoke. `loadedAt` is the "now" that expiry is judged against.
 */
export function useApiKeys() {
  const query = useApiQuery<ApiKey[]>(queryKeys.apiKeys, "/api/v1/api-keys");
  const update = useCacheUpdate<ApiKey[]>(queryKeys.apiKeys);
  const added = useCallback((apiKey: ApiKey) => update((keys) => [apiKey, ...keys]), [update]);
  const revoked = useCallback(
    (id: string) => update((keys) => keys.filter((key) => key.id !== id)),
    [update],
  );
  return { state: resourceState(query), reload: () => void query.refetch(), added, revoked };
}
