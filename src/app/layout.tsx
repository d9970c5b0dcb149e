import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { IntlMessages } from "@/components/i18n/intl-messages";
import { TimeZoneCookie } from "@/components/i18n/time-zone-cookie";
import { ServiceWorkerProvider } from "@/components/pwa/service-worker-provider";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { ToasterOnDemand } from "@/components/ui/toaster-on-demand";
import { MaintenanceBanner } from "@/components/shell/maintenance-banner";
import { getConfig } from "@/server/config/env";
import { loadMaintenanceMessage } from "@/server/pages/maintenance-message";
import { THEME_COLORS, THEME_COOKIE, parseTheme, type Theme } from "@/lib/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("metadata");
  return {
    title: { default: t("appName"), template: `%s · ${t("appName")}` },
    description: t("description"),
    applicationName: t("appName"),
    appleWebApp: { capable: true, title: t("shortName"), statusBarStyle: "black-translucent" },
    ...STATIC_METADATA,
  };
}

const STATIC_METADATA: Metadata = {
  formatDetection: { telephone: false },
  // Setting `icons` replaces the link Next would add for src/app/icon.svg, so it is listed too.
  // The PNGs come from scripts/generate-icons.ts; the manifest names the install icons.
  icons: {
    icon: [{ url: "/icon.svg", type: "image/svg+xml" }],
    apple: [{ url: "/icons/apple-touch-icon.png", sizes: "180x180", type: "image/png" }],
  },
};

async function readTheme(): Promise<Theme> {
  const store = await cookies();
  return parseTheme(store.get(THEME_COOKIE)?.value);
}

export async function generateViewport(): Promise<Viewport> {
  const theme = await readTheme();
  const colorFor = (scheme: "light" | "dark") =>
    theme === "system" ? THEME_COLORS[scheme] : THEME_COLORS[theme];
  return {
    width: "device-width",
    initialScale: 1,
    viewportFit: "cover",
    colorScheme: theme === "system" ? "light dark" : theme,
    themeColor: [
      { media: "(prefers-color-scheme: light)", color: colorFor("light") },
      { media: "(prefers-color-scheme: dark)", color: colorFor("dark") },
    ],
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [theme, maintenance, locale, timeZone, t] = await Promise.all([
    readTheme(),
    loadMaintenanceMessage(),
    getLocale(),
    getTimeZone(),
    getTranslations("shell"),
  ]);
  return (
    <html lang={locale} data-theme={theme}>
      <body>
        <a
          href="#main"
          className="bg-primary text-on-primary shadow-pop sr-only z-[100] rounded-full px-4 py-2.5 text-sm font-semibold focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          {t("skipToContent")}
        </a>
        <IntlMessages>
          <ThemeProvider initialTheme={theme}>
            {maintenance ? <MaintenanceBanner message={maintenance} /> : null}
            {children}
            <ToasterOnDemand />
            <ServiceWorkerProvider workerEnabled={getConfig().isProduction} />
            <TimeZoneCookie serverTimeZone={timeZone} />
          </ThemeProvider>
        </IntlMessages>
      </body>
    </html>
  );
}
