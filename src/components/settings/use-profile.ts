"use client";

import { useApiQuery } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import type { Profile } from "@/shared/api-types";
import { resourceState, useCacheUpdate } from "./settings-data";

/** GET /api/v1/auth/profile (usually rendered by the server), with reload and local updates. */
export function useProfile() {
  const query = useApiQuery<Profile>(queryKeys.profile, "/api/v1/auth/profile");
  const updateProfile = useCacheUpdate<Profile>(queryKeys.profile);
  return { state: resourceState(query), reload: () => void query.refetch(), updateProfile };
}
