import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getCurrentUser } from "@/server/auth/current-user";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) {
    const pathname = (await headers()).get("x-pathname") ?? "/generate";
    redirect(`/login?next=${encodeURIComponent(pathname)}`);
  }
  return <AppShell user={user}>{children}</AppShell>;
}
