"use client";

import { useCallback, useEffect, useState } from "react";
import { ApiClientError, apiFetch } from "@/lib/api-client";
import type { Profile } from "@/shared/api-types";

export type ProfileState =
  | { status: "loading" }
  | { status: "error"; error: ApiClientError }
  | { status: "ready"; profile: Profile };

function toClientError(error: unknown): ApiClientError {
  if (error instanceof ApiClientError) return error;
  return new ApiClientError({
    code: "INTERNAL_ERROR",
    message: "Something went wrong.",
    status: 0,
  });
}

/** GET /api/v1/auth/profile, with reload and local updates after a successful save. */
export function useProfile() {
  const [state, setState] = useState<ProfileState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    apiFetch<Profile>("/api/v1/auth/profile", { signal: controller.signal }).then(
      (profile) => setState({ status: "ready", profile }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: "error", error: toClientError(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((value) => value + 1);
  }, []);

  const updateProfile = useCallback((update: (profile: Profile) => Profile) => {
    setState((current) =>
      current.status === "ready" ? { status: "ready", profile: update(current.profile) } : current,
    );
  }, []);

  return { state, reload, updateProfile };
}
