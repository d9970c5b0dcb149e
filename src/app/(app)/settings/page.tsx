import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IntlMessages } from "@/components/i18n/intl-messages";
import { SettingsNav } from "@/components/settings/settings-nav";
import { SettingsView } from "@/components/settings/settings-view";
import { PageContainer, PageHeader } from "@/components/shell/page-header";
import { loadSettingsPageState } from "@/server/pages/settings-page-data";
import { getServices } from "@/server/services";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.metadata");
  return { title: t("title"), description: t("description") };
}

export default async function SettingsPage() {
  // The profile, preferences, provider key and API keys are in the HTML.
  const [state, t, services] = await Promise.all([
    loadSettingsPageState(),
    getTranslations("settings.page"),
    getServices(),
  ]);
  return (
    <PageContainer>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      <div className="mt-8 grid gap-10 xl:grid-cols-[11rem_minmax(0,48rem)]">
        <SettingsNav />
        <HydrationBoundary state={state}>
          <IntlMessages namespaces={["settings"]}>
            {/* Supabase Auth deletes an account on the email alone: only local accounts type a password. */}
            <SettingsView passwordConfirmsDeletion={services.auth.kind === "local"} />
          </IntlMessages>
        </HydrationBoundary>
      </div>
    </PageContainer>
  );
}
