"use client";

import { LoadError } from "@/components/settings/load-error";
import { Button } from "@/components/ui/button";
import type { PagesStatus } from "@/lib/api/hooks";

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
    error?: { message: string } | null;
    loadMore: () => void;
    retry: () => void;
  };
  errorTitle: string;
  testId: string;
}) {
  if (list.status === "error-more") {
    return (
      <LoadError
        title={errorTitle}
        message={list.error?.message ?? "Please try again."}
        onRetry={list.retry}
      />
    );
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
        {list.status === "loading-more" ? "Loading…" : "Show more"}
      </Button>
    </div>
  );
}
