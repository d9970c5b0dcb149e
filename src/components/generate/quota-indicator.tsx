"use client";

import { Gauge } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import type { Quota } from "@/shared/api-types";
import { describeQuota, type QuotaSummary } from "./quota-text";

const TONE_CLASSES = {
  normal: "border-line-strong bg-surface text-ink",
  low: "border-warning/40 bg-warning-soft text-ink",
  empty: "border-danger/40 bg-danger-soft text-ink",
} as const;

/**
 * "12 of 50 left today · resets at 7:00 AM" — always on screen while generating. The reset time
 * is in the request's time zone (the `tz` cookie), on the server's render and in the browser.
 */
export function QuotaIndicator({ quota }: { quota: Quota | null }) {
  const text = useQuotaText();
  if (!quota) {
    return <Skeleton radius="full" className="h-9 w-64 max-w-full" />;
  }
  const summary = describeQuota(quota);
  const percentLeft =
    quota.dailyLimit && summary.remaining !== null
      ? Math.round((summary.remaining / quota.dailyLimit) * 100)
      : 100;
  return (
    <p
      className={cn(
        "inline-flex max-w-full items-center gap-2 rounded-full border py-1.5 pr-3.5 pl-2 text-sm font-medium shadow-xs",
        TONE_CLASSES[summary.tone],
      )}
      data-testid="quota-remaining"
      data-remaining={summary.remaining ?? "unlimited"}
    >
      <span
        aria-hidden="true"
        className="relative flex size-6 shrink-0 items-center justify-center rounded-full"
        style={{
          background: `conic-gradient(var(--${summary.tone === "normal" ? "primary" : summary.tone === "low" ? "warning" : "danger"}) ${percentLeft}%, var(--surface-sunken) 0)`,
        }}
      >
        <span className="bg-surface flex size-4.5 items-center justify-center rounded-full">
          <Gauge className="text-ink-muted size-3" />
        </span>
      </span>
      <span className="truncate tabular-nums">{text(summary)}</span>
    </p>
  );
}

function useQuotaText(): (summary: QuotaSummary) => string {
  const t = useTranslations("generate.quota");
  const format = useFormatter();
  return (summary) => {
    if (summary.kind === "unlimited") return t("unlimited");
    const { remaining, limit, resetsAt } = summary;
    return resetsAt
      ? t("leftResets", {
          remaining,
          limit,
          time: format.dateTime(resetsAt, { timeStyle: "short" }),
        })
      : t("left", { remaining, limit });
  };
}
