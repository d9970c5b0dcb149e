"use client";

import { useTranslations } from "next-intl";
import { LoadError } from "@/components/settings/load-error";
import { Button } from "@/components/ui/button";
import type { PagesStatus } from "@/lib/api/hooks";
import { useErrorMessage } from "@/lib/i18n/use-error-message";

/**
 * The foot of an admin list that loads page by page: "Show more" while there is more, or what
 * went wrong with the next page and a way to try again.
 */
export function ShowMore({
  list,
  errorTitle,
  testId,
}: {
  list: {
    status: PagesStatus;
    hasMore: boolean;
    error?: unknown;
    loadMore: () => void;
    retry: () => void;
  };
  errorTitle: string;
  testId: string;
}) {
  const t = useTranslations("admin.list");
  const errorText = useErrorMessage();
  if (list.status === "error-more") {
    return <LoadError title={errorTitle} message={errorText(list.error)} onRetry={list.retry} />;
  }
  if (!list.hasMore) return null;
  return (
    <div>
      <Button
        variant="secondary"
        onClick={list.loadMore}
        disabled={list.status === "loading-more"}
        data-testid={testId}
      >
        {list.status === "loading-more" ? t("loading") : t("showMore")}
      </Button>
    </div>
  );
}
