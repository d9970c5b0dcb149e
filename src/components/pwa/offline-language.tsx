"use client";

import { NextIntlClientProvider } from "next-intl";
import { useEffect, useSyncExternalStore, type ReactNode } from "react";
import type { Messages } from "@/i18n/catalogues";
import { localeFromCookieHeader, type Locale } from "@/i18n/locales";

export type OfflineMessages = Messages["pwa"]["offline"];

const noSubscription = () => () => undefined;

/**
 * The offline page's language. The service worker precaches /~offline once, when it installs,
 * so the HTML keeps the language of that moment; a later choice in the language switcher (which
 * always sets the NEXT_LOCALE cookie) would not reach it until the next deploy. The page
 * therefore carries the few offline messages of every language and, in the browser, shows the
 * ones the cookie names, else the language it was rendered in.
 */
export function OfflineLanguage({
  served,
  messages,
  appName,
  children,
}: {
  served: Locale;
  messages: Record<Locale, OfflineMessages>;
  appName: string;
  children: ReactNode;
}) {
  const locale = useSyncExternalStore(
    noSubscription,
    () => localeFromCookieHeader(document.cookie) ?? served,
    () => served,
  );
  useEffect(() => {
    if (locale === served) return;
    document.documentElement.lang = locale;
    document.title = `${messages[locale].metaTitle} · ${appName}`;
  }, [appName, locale, messages, served]);
  return (
    <NextIntlClientProvider locale={locale} messages={{ pwa: { offline: messages[locale] } }}>
      {children}
    </NextIntlClientProvider>
  );
}
