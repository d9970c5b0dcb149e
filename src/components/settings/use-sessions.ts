"use client";

import { useCallback } from "react";
import { useApiQuery } from "@/lib/api/hooks";
import type { SessionInfo } from "@/shared/api-types";
import { resourceState, useCacheUpdate } from "./settings-data";

const SESSIONS_KEY = ["sessions"] as const;

/**
 * GET /api/v1/auth/sessions, with reload and local updates after signing sessions out. Always
 * asked afresh when the section shows: "last seen" is only worth something when it is new.
 */
export function useSessions() {
  const query = useApiQuery<SessionInfo[]>(SESSIONS_KEY, "/api/v1/auth/sessions", {
    staleTime: 0,
    refetchOnMount: "always",
  });
  const update = useCacheUpdate<SessionInfo[]>(SESSIONS_KEY);
  const ended = useCallback(
    (id: string) => update((sessions) => sessions.filter((session) => session.id !== id)),
    [update],
  );
  const othersEnded = useCallback(
    () => update((sessions) => sessions.filter((session) => session.current)),
    [update],
  );
  return { state: resourceState(query), reload: () => void query.refetch(), ended, othersEnded };
}
