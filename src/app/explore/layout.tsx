import type { ReactNode } from "react";
import { IntlMessages } from "@/components/i18n/intl-messages";
import { PublicFrame } from "@/components/share/public-frame";
import { AppShell } from "@/components/shell/app-shell";
import { QueryProvider } from "@/components/shell/query-provider";
import { getCurrentUser } from "@/server/auth/current-user";

/**
 * Explore is open to visitors: signed out it has the public header; signed in it keeps the
 * app's navigation (the same shell as the signed-in pages), so Explore is not a dead end.
 */
export default async function ExploreLayout({ children }: { children: ReactNode }) {
  // Explore must render even when the session store is unreachable.
  const user = await getCurrentUser().catch(() => null);
  return (
    <QueryProvider>
      {/* Around the error boundary too: explore/error.tsx reads `explore`. */}
      <IntlMessages namespaces={["explore", "share"]}>
        {user ? <AppShell user={user}>{children}</AppShell> : <PublicFrame>{children}</PublicFrame>}
      </IntlMessages>
    </QueryProvider>
  );
}
