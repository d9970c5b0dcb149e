"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { toast } from "@/components/ui/toast-store";
import { ApiClientError, apiFetch } from "@/lib/api-client";

/** Ends the session on the server, then leaves for /login. */
export function useLogOut() {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  const logOut = useCallback(async () => {
    setPending(true);
    try {
      await apiFetch<unknown>("/api/v1/auth/logout", { method: "POST" });
    } catch (error) {
      // Without a session there is nothing left to end; any other failure keeps the user here.
      if (!(error instanceof ApiClientError && error.code === "UNAUTHORIZED")) {
        setPending(false);
        toast({
          variant: "error",
          title: "Couldn't log out",
          description: error instanceof Error ? error.message : "Please try again.",
        });
        return;
      }
    }
    router.replace("/login");
    router.refresh();
  }, [router]);

  return { logOut, pending };
}
