"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { toast } from "@/components/ui/toast-store";
import { clearQueryCache, getQueryClient, onMutationError } from "@/lib/api/query-client";
import { onPrivateDataCleared } from "@/lib/offline/private-data";
import { endSessionOnUnauthorized } from "@/lib/offline/session-end";

// Set once for the tab: a 401 ends the session, a failed change is toasted.
if (typeof window !== "undefined") {
  endSessionOnUnauthorized();
  onMutationError((error, title) => toast({ variant: "error", title, description: error.message }));
}

/** The client cache of API answers, for the signed-in frame and the public pages that page lists. */
export function QueryProvider({ children }: { children: ReactNode }) {
  const client = getQueryClient();
  // Another tab logged out or saw the session end: drop what this one shows of the user.
  useEffect(() => onPrivateDataCleared(clearQueryCache), []);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
