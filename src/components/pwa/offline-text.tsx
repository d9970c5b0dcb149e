"use client";

import { useTranslations } from "next-intl";
import { OfflineActions } from "./offline-actions";

/** The offline page's words and ways out, in the language OfflineLanguage picked. */
export function OfflineText() {
  const t = useTranslations("pwa.offline");
  return (
    <>
      <h1 className="font-display text-ink text-2xl font-bold tracking-tight sm:text-3xl">
        {t("title")}
      </h1>
      <p className="text-ink-muted">{t("body")}</p>
      <OfflineActions />
      <p className="text-ink-subtle text-sm">{t("queued")}</p>
    </>
  );
}
