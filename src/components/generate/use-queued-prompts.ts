"use client";

import { useCallback, useEffect, useState } from "react";
import { hasIndexedDb, type OutboxEntry } from "@/lib/offline/offline-db";
import { listOutbox } from "@/lib/offline/outbox";
import { onOutboxChanged } from "@/lib/offline/outbox-events";

export type QueuedPrompts =
  { status: "loading" } | { status: "unavailable" } | { status: "ready"; entries: OutboxEntry[] };

/** The outbox as the generate page shows it, refreshed whenever any tab or the worker changes it. */
export function useQueuedPrompts(): QueuedPrompts {
  const [state, setState] = useState<QueuedPrompts>({ status: "loading" });

  const refresh = useCallback(async () => {
    if (!hasIndexedDb()) {
      setState({ status: "unavailable" });
      return;
    }
    try {
      setState({ status: "ready", entries: await listOutbox() });
    } catch {
      setState({ status: "unavailable" });
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onOutboxChanged(() => void refresh());
  }, [refresh]);

  return state;
}
