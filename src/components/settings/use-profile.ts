"use client";

import type { Profile } from "@/shared/api-types";
import { useApiResource } from "./use-api-resource";

/** GET /api/v1/auth/profile, with reload and local updates after a successful save. */
export function useProfile() {
  const { state, reload, update } = useApiResource<Profile>("/api/v1/auth/profile");
  return { state, reload, updateProfile: update };
}
