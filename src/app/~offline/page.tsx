import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CenteredPage } from "@/components/feedback/centered-page";
import { OfflineIllustration } from "@/components/pwa/offline-illustration";
import { OfflineLanguage, type OfflineMessages } from "@/components/pwa/offline-language";
import { OfflineText } from "@/components/pwa/offline-text";
import { CATALOGUES } from "@/i18n/catalogues";
import { LOCALES, isLocale, type Locale } from "@/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pwa.offline");
  return {
    title: t("metaTitle"),
    description: t("metaDescription"),
    robots: { index: false },
  };
}

/**
 * Precached by the service worker and shown for a page that was never opened while online.
 * It must work with no network at all: no data fetching, links that the worker can answer.
 * It carries every language's offline messages: see OfflineLanguage for why.
 */
export default async function OfflinePage() {
  const [requested, t] = await Promise.all([getLocale(), getTranslations("metadata")]);
  const served: Locale = isLocale(requested) ? requested : "en";
  const messages = Object.fromEntries(
    LOCALES.map((locale) => [locale, CATALOGUES[locale].pwa.offline]),
  ) as Record<Locale, OfflineMessages>;
  return (
    <CenteredPage>
      <div
        className="flex max-w-md flex-col items-center gap-4 text-center"
        data-testid="offline-page"
      >
        <div className="w-full max-w-[240px]">
          <OfflineIllustration />
        </div>
        <OfflineLanguage served={served} messages={messages} appName={t("appName")}>
          <OfflineText />
        </OfflineLanguage>
      </div>
    </CenteredPage>
  );
}
