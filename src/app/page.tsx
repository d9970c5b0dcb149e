import type { Metadata } from "next";
import { LandingHeader } from "@/components/landing/landing-header";
import {
  ClosingCta,
  Features,
  FreeByDesign,
  Hero,
  LandingFooter,
} from "@/components/landing/landing-sections";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("landing");
  return { title: { absolute: t("metaTitle") } };
}

export default async function LandingPage() {
  // The landing page must render even when the session store is unreachable.
  const user = await getCurrentUser().catch(() => null);
  const signedIn = user !== null;
  return (
    <div className="bg-canvas bg-studio-glow min-h-dvh">
      <LandingHeader signedIn={signedIn} />
      <main id="main" tabIndex={-1} className="outline-none">
        <Hero signedIn={signedIn} />
        <Features />
        <FreeByDesign />
        <ClosingCta signedIn={signedIn} />
      </main>
      <LandingFooter signedIn={signedIn} />
    </div>
  );
}
