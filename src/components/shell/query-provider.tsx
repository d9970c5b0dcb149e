"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, type ReactNode } from "react";
import { toast } from "@/components/ui/toast-store";
import { clearQueryCache, getQueryClient, onMutationError } from "@/lib/api/query-client";
import { onPrivateDataCleared } from "@/lib/offline/private-data";
import { endSessionOnUnauthorized } from "@/lib/offline/session-end";
import { useErrorMessage } from "@/lib/i18n/use-error-message";

// Set once for the tab: a 401 ends the session.
if (typeof window !== "undefined") endSessionOnUnauthorized();

/** The client cache of API answers, for the signed-in frame and the public pages that page lists. */
export function QueryProvider({ children }: { children: ReactNode }) {
  const client = getQueryClient();
  const errorText = useErrorMessage();
  const t = useTranslations("common");
  // A failed change is toasted, with its error code's message in the person's language. Not
  // unset on unmount: providers nest (admin layout and page), and one reporter serves the tab.
  useEffect(() => {
    onMutationError((error, title) =>
      toast({
        variant: "error",
        title: title ?? t("somethingWentWrong"),
        description: errorText(error),
      }),
    );
  }, [errorText, t]);
  // Another tab logged out or saw the session end: drop what this one shows of the user.
  useEffect(() => onPrivateDataCleared(clearQueryCache), []);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
