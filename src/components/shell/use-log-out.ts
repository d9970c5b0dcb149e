"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { ApiClientError } from "@/lib/api/errors";
import { useApiMutation } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import { hasIndexedDb, offlineDbExists } from "@/lib/offline/offline-db";
import { countPendingPrompts } from "@/lib/offline/outbox";
import { clearPrivateData } from "@/lib/offline/private-data";

/**
 * Ends the session on the server, removes everything of the user this device holds (offline
 * data, cached pages and files), then leaves for /login. Queued prompts would be lost, so
 * with any in the outbox the caller must confirm first (`confirming` holds their number).
 */
export function useLogOut() {
  const t = useTranslations("shell.logOut");
  const [confirming, setConfirming] = useState<number | null>(null);
  const logOutMutation = useApiMutation({
    mutationFn: async () => {
      try {
        await apiFetch<unknown>("/api/v1/auth/logout", { method: "POST" });
      } catch (error) {
        // Without a session there is nothing left to end; any other failure keeps the user here.
        if (!(error instanceof ApiClientError && error.code === "UNAUTHORIZED")) throw error;
      }
      await clearPrivateData().catch(() => undefined);
    },
    errorToast: t("failed"),
    // A full load, not a client navigation: nothing of this user (this session's results,
    // lists in memory) may survive into the next person's session in this tab.
    onSuccess: () => window.location.replace("/login"),
  });
  // Still busy after success: the page is on its way to /login.
  const pending = logOutMutation.isPending || logOutMutation.isSuccess;
  const { mutateAsync } = logOutMutation;

  const logOutNow = useCallback(async () => {
    setConfirming(null);
    await mutateAsync().catch(() => undefined);
  }, [mutateAsync]);

  const logOut = useCallback(async () => {
    const queued = await countQueuedPrompts();
    if (queued > 0) setConfirming(queued);
    else await logOutNow();
  }, [logOutNow]);

  const cancel = useCallback(() => setConfirming(null), []);

  return { logOut, logOutNow, pending, confirming, cancel };
}

async function countQueuedPrompts(): Promise<number> {
  if (!hasIndexedDb() || !(await offlineDbExists())) return 0;
  return countPendingPrompts().catch(() => 0);
}
