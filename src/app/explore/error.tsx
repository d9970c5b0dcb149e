"use client";

import { useTranslations } from "next-intl";
import { ErrorPanel } from "@/components/feedback/error-panel";

export default function ExploreError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("explore");
  return (
    <div className="px-4 py-16">
      <ErrorPanel error={error} onRetry={reset} title={t("unavailable")} homeHref="/" />
    </div>
  );
}
