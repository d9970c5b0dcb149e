"use client";

import { useCallback, useEffect, useState } from "react";
import { ApiClientError, apiFetch } from "@/lib/api-client";

export type ApiResourceState<T> =
  | { status: "loading" }
  | { status: "error"; error: ApiClientError }
  /** loadedAt: when the data arrived (epoch ms). */
  | { status: "ready"; data: T; loadedAt: number };

function toClientError(error: unknown): ApiClientError {
  if (error instanceof ApiClientError) return error;
  return new ApiClientError({
    code: "INTERNAL_ERROR",
    message: "Something went wrong.",
    status: 0,
  });
}

/**
 * One GET endpoint's data for a settings section: loading, error or ready; `reload` asks
 * again, `update` changes the loaded data in place after a successful write.
 */
export function useApiResource<T>(path: string) {
  const [state, setState] = useState<ApiResourceState<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    apiFetch<T>(path, { signal: controller.signal }).then(
      (data) => setState({ status: "ready", data, loadedAt: Date.now() }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: "error", error: toClientError(error) });
      },
    );
    return () => controller.abort();
  }, [path, attempt]);

  const reload = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((value) => value + 1);
  }, []);

  const update = useCallback((change: (data: T) => T) => {
    setState((current) =>
      current.status === "ready" ? { ...current, data: change(current.data) } : current,
    );
  }, []);

  return { state, reload, update };
}
