import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { SettingsNav } from "@/components/settings/settings-nav";
import { SettingsView } from "@/components/settings/settings-view";
import { PageContainer, PageHeader } from "@/components/shell/page-header";
import { loadSettingsPageState } from "@/server/pages/settings-page-data";

export const metadata: Metadata = {
  title: "Settings",
  description:
    "Your profile, defaults for new images, appearance, your Gemini key and API keys for scripts.",
};

export default async function SettingsPage() {
  // The profile, preferences, provider key and API keys are in the HTML.
  const state = await loadSettingsPageState();
  return (
    <PageContainer>
      <PageHeader
        eyebrow="Account"
        title="Settings"
        description="Your profile, defaults for new images, appearance, your Gemini key and API keys for scripts."
      />
      <div className="mt-8 grid gap-10 xl:grid-cols-[11rem_minmax(0,48rem)]">
        <SettingsNav />
        <HydrationBoundary state={state}>
          <SettingsView />
        </HydrationBoundary>
      </div>
    </PageContainer>
  );
}
