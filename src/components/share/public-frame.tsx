import type { ReactNode } from "react";
import { LandingHeader } from "@/components/landing/landing-header";
import { getCurrentUser } from "@/server/auth/current-user";
import { PublicFooter } from "./public-footer";

/** The frame of pages open to visitors (Explore, share pages): the landing header, no app shell. */
export async function PublicFrame({ children }: { children: ReactNode }) {
  // Public pages must render even when the session store is unreachable.
  const user = await getCurrentUser().catch(() => null);
  const signedIn = user !== null;
  return (
    <div className="bg-canvas bg-studio-glow flex min-h-dvh flex-col">
      <LandingHeader signedIn={signedIn} />
      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        {children}
      </main>
      <PublicFooter signedIn={signedIn} />
    </div>
  );
}
