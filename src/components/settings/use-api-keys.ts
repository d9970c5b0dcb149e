"use client";

import { useCallback, useEffect, useState } from "react";
import { ApiClientError, apiFetch } from "@/lib/api-client";
import type { ApiKey } from "@/shared/api-types";

export type ApiKeysState =
  | { status: "loading" }
  | { status: "error"; error: ApiClientError }
  /** loadedAt: when the list arrived (epoch ms), the "now" that expiry is judged against. */
  | { status: "ready"; keys: ApiKey[]; loadedAt: number };

function toClientError(error: unknown): ApiClientError {
  if (error instanceof ApiClientError) return error;
  return new ApiClientError({
    code: "INTERNAL_ERROR",
    message: "Something went wrong.",
    status: 0,
  });
}

/** GET /api/v1/api-keys, with reload and local updates after a create or a revoke. */
export function useApiKeys() {
  const [state, setState] = useState<ApiKeysState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    apiFetch<ApiKey[]>("/api/v1/api-keys", { signal: controller.signal }).then(
      (keys) => setState({ status: "ready", keys, loadedAt: Date.now() }),
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

  const added = useCallback((apiKey: ApiKey) => {
    setState((current) =>
      current.status === "ready" ? { ...current, keys: [apiKey, ...current.keys] } : current,
    );
  }, []);

  const revoked = useCallback((id: string) => {
    setState((current) =>
      current.status === "ready"
        ? { ...current, keys: current.keys.filter((key) => key.id !== id) }
        : current,
    );
  }, []);

  return { state, reload, added, revoked };
}
