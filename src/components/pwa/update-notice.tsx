"use client";

import { Sparkles } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { PwaNotice } from "./pwa-notice";

/** "A new version is ready": shown while a new service worker waits to take over. */
export function UpdateNotice({
  applying,
  onReload,
  onLater,
}: {
  applying: boolean;
  onReload: () => void;
  onLater: () => void;
}) {
  const t = useTranslations("pwa.update");
  return (
    <PwaNotice
      data-testid="update-notice"
      title={t("title")}
      description={t("description")}
      visual={
        <span className="bg-primary-soft text-primary-soft-ink inline-flex size-10 items-center justify-center rounded-xl">
          <Sparkles className="size-5" />
        </span>
      }
      onDismiss={onLater}
      dismissLabel={t("dismiss")}
      actions={
        <>
          <Button size="sm" loading={applying} onClick={onReload} data-testid="update-reload">
            {applying ? t("updating") : t("reload")}
          </Button>
          <Button size="sm" variant="ghost" onClick={onLater} disabled={applying}>
            {t("later")}
          </Button>
        </>
      }
    />
  );
}
