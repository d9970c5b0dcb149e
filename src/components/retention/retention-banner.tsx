"use client";

import { Clock } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useFormatDueDate } from "./retention-format";
import { useKeepImages, useRetention } from "./use-retention";

/**
 * A strip under the top bar while some of the person's private images are due to be removed
 * by the studio's retention policy: "Keep all" at once, or "Review" in Settings.
 */
export function RetentionBanner() {
  const t = useTranslations("shell.retention");
  const formatDueDate = useFormatDueDate();
  const retention = useRetention();
  const keep = useKeepImages();
  if (retention.status !== "success") return null;
  const { images } = retention.data;
  if (images.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="retention-banner"
      className="border-warning/30 bg-warning-soft text-ink flex flex-col items-center justify-center gap-2 border-b px-4 py-2 text-center text-sm sm:flex-row sm:gap-3"
    >
      <p className="flex min-w-0 items-start gap-2 sm:items-center">
        <Clock aria-hidden="true" className="text-warning mt-0.5 size-4 shrink-0 sm:mt-0" />
        <span className="[overflow-wrap:anywhere]">
          {t.rich("banner", {
            count: images.length,
            date: formatDueDate(images[0]!.dueAt),
            b: (chunks) => <span className="font-semibold">{chunks}</span>,
          })}
        </span>
      </p>
      <div className="flex gap-2">
        <Button asChild size="sm" variant="secondary">
          <Link href="/settings#retention" data-testid="retention-banner-review">
            {t("review")}
          </Link>
        </Button>
        <Button
          size="sm"
          variant="secondary"
          loading={keep.isPending}
          onClick={() => keep.mutate("all")}
          data-testid="retention-banner-keep-all"
        >
          {t("keepAll")}
        </Button>
      </div>
    </div>
  );
}
