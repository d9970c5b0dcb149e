import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { GenerateView } from "@/components/generate/generate-view";
import { IntlMessages } from "@/components/i18n/intl-messages";
import { PageContainer } from "@/components/shell/page-header";
import { loadGeneratePageState } from "@/server/pages/generate-page-data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("generate.meta");
  return { title: t("title"), description: t("description") };
}

export default async function GeneratePage() {
  // The profile (defaults, quota) and the template catalog are in the HTML.
  const state = await loadGeneratePageState();
  return (
    <PageContainer>
      {/* The result components ("results") render inside the same view. */}
      <IntlMessages namespaces={["generate", "results", "templates"]}>
        <HydrationBoundary state={state}>
          <GenerateView />
        </HydrationBoundary>
      </IntlMessages>
    </PageContainer>
  );
}
