"use client";

import { Clock } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { formatDueDate } from "./retention-format";
import { useKeepImages, useRetention } from "./use-retention";

/**
 * A strip under the top bar while some of the person's private images are due to be removed
 * by the studio's retention policy: "Keep all" at once, or "Review" in Settings.
 */
export function RetentionBanner() {
  const retention = useRetention();
  const keep = useKeepImages();
  if (retention.status !== "success") return null;
  const { images } = retention.data;
  if (images.length === 0) return null;
  const count = images.length === 1 ? "1 private image" : `${images.length} private images`;
  return (
    <div
      role="status"
      data-testid="retention-banner"
      className="border-warning/30 bg-warning-soft text-ink flex flex-col items-center justify-center gap-2 border-b px-4 py-2 text-center text-sm sm:flex-row sm:gap-3"
    >
      <p className="flex min-w-0 items-start gap-2 sm:items-center">
        <Clock aria-hidden="true" className="text-warning mt-0.5 size-4 shrink-0 sm:mt-0" />
        <span className="[overflow-wrap:anywhere]">
          <span className="font-semibold">{count} will be removed</span> from{" "}
          {formatDueDate(images[0]!.dueAt)} unless you keep them.
        </span>
      </p>
      <div className="flex gap-2">
        <Button asChild size="sm" variant="secondary">
          <Link href="/settings#retention" data-testid="retention-banner-review">
            Review
          </Link>
        </Button>
        <Button
          size="sm"
          variant="secondary"
          loading={keep.isPending}
          onClick={() => keep.mutate("all")}
          data-testid="retention-banner-keep-all"
        >
          Keep all
        </Button>
      </div>
    </div>
  );
}
