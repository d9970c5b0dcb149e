"use client";

import { RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { PagesStatus } from "@/lib/api/hooks";

interface LoadMoreProps {
  status: PagesStatus;
  hasMore: boolean;
  onLoadMore: () => void;
  errorMessage?: string;
  /** Shown once everything is loaded, e.g. "That's every public image". */
  endText?: string;
}

/**
 * Loads the next page when it scrolls near the viewport; a "Load more" button does the same
 * for keyboards and for browsers that do not scroll (tall screens, reduced motion setups).
 */
export function LoadMore({ status, hasMore, onLoadMore, errorMessage, endText }: LoadMoreProps) {
  const t = useTranslations("share.loadMore");
  const sentinel = useRef<HTMLDivElement>(null);
  const canAutoLoad = hasMore && status === "ready";

  useEffect(() => {
    const target = sentinel.current;
    if (!canAutoLoad || !target) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) onLoadMore();
      },
      { rootMargin: "0px 0px 800px 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [canAutoLoad, onLoadMore]);

  return (
    <div
      ref={sentinel}
      className="text-ink-muted flex min-h-16 flex-col items-center justify-center gap-3 py-6 text-sm"
      data-testid="load-more"
    >
      {status === "loading-more" ? (
        <span role="status" className="inline-flex items-center gap-2">
          <Spinner />
          {t("loading")}
        </span>
      ) : status === "error-more" ? (
        <div role="alert" className="flex flex-col items-center gap-2 text-center">
          <p>{errorMessage ?? t("failed")}</p>
          <Button variant="secondary" size="sm" onClick={onLoadMore}>
            <RotateCw aria-hidden="true" />
            {t("tryAgain")}
          </Button>
        </div>
      ) : hasMore ? (
        <Button variant="secondary" size="sm" onClick={onLoadMore}>
          {t("more")}
        </Button>
      ) : endText ? (
        <p>{endText}</p>
      ) : null}
    </div>
  );
}
