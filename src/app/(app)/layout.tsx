import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { QueryProvider } from "@/components/shell/query-provider";
import { getCurrentUser, isSuspendedSession } from "@/server/auth/current-user";
import { loadShellState } from "@/server/pages/shell-data";

// Someone's own pages: never in a search index, even when a crawler follows a link here.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) {
    const pathname = (await headers()).get("x-pathname") ?? "/generate";
    const suspended = (await isSuspendedSession()) ? "&reason=suspended" : "";
    redirect(`/login?next=${encodeURIComponent(pathname)}${suspended}`);
  }
  return (
    <QueryProvider>
      <HydrationBoundary state={await loadShellState(user.id)}>
        <AppShell user={user}>{children}</AppShell>
      </HydrationBoundary>
    </QueryProvider>
  );
}
