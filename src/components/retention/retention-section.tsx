"use client";

import { Clock } from "lucide-react";
import { useTranslations } from "next-intl";
import { LoadError } from "@/components/settings/load-error";
import { SettingsSection } from "@/components/settings/settings-section";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import { useFormatDueDate } from "./retention-format";
import { useKeepImages, useRetention } from "./use-retention";

/**
 * Settings › "Kept images": the private images the studio's retention policy will remove and
 * when, each with Keep, and Keep all. A kept image stays until deleted by its owner.
 */
export function RetentionSection() {
  const t = useTranslations("settings.retention");
  const formatDueDate = useFormatDueDate();
  const errorText = useErrorMessage();
  const retention = useRetention();
  const keep = useKeepImages();
  const pendingId = keep.isPending ? keep.variables : null;

  return (
    <SettingsSection
      id="retention"
      icon={Clock}
      title={t("title")}
      description={t("description")}
      testId="settings-retention"
    >
      {retention.status === "pending" ? (
        <div className="flex flex-col gap-2" data-testid="retention-loading" aria-hidden="true">
          <Skeleton className="h-4 w-full max-w-sm" />
          <Skeleton className="h-16 w-full" />
        </div>
      ) : retention.status === "error" ? (
        <LoadError
          title={t("loadError")}
          message={errorText(retention.error)}
          onRetry={() => void retention.refetch()}
          testId="retention-error"
          retryTestId="retention-retry"
        />
      ) : retention.data.retentionDays === null ? (
        <p className="text-ink-muted text-sm" data-testid="retention-off">
          {t("off")}
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          <p className="text-ink-muted text-sm">
            {t("policy", {
              days: retention.data.retentionDays,
              kept: retention.data.keptCount,
            })}
          </p>
          {retention.data.images.length === 0 ? (
            <p className="text-ink text-sm font-medium" data-testid="retention-empty">
              {t("empty")}
            </p>
          ) : (
            <>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-ink text-sm font-medium">
                  {t("willBeRemoved", { count: retention.data.images.length })}
                </p>
                <Button
                  size="sm"
                  loading={pendingId === "all"}
                  disabled={keep.isPending}
                  onClick={() => keep.mutate("all")}
                  data-testid="retention-keep-all"
                >
                  {t("keepAll")}
                </Button>
              </div>
              <ul className="divide-line border-line flex flex-col divide-y rounded-xl border">
                {retention.data.images.map((image) => (
                  <li
                    key={image.id}
                    className="flex min-w-0 items-center gap-3 p-3"
                    data-testid="retention-item"
                  >
                    {/* eslint-disable-next-line @next/next/no-img-element -- a private API file */}
                    <img
                      src={image.thumbnailUrl}
                      alt=""
                      width={56}
                      height={56}
                      loading="lazy"
                      className="bg-surface-raised size-14 shrink-0 rounded-lg object-cover"
                    />
                    <div className="min-w-0 flex-1">
                      <p className="text-ink line-clamp-2 text-sm [overflow-wrap:anywhere]">
                        {image.prompt}
                      </p>
                      <p className="text-ink-muted text-xs">
                        {t("removedFrom", { date: formatDueDate(image.dueAt) })}
                      </p>
                    </div>
                    <Button
                      size="sm"
                      variant="secondary"
                      className="shrink-0"
                      loading={pendingId === image.id}
                      disabled={keep.isPending}
                      onClick={() => keep.mutate(image.id)}
                      aria-label={t("keepLabel", { prompt: image.prompt.slice(0, 60) })}
                      data-testid="retention-keep"
                    >
                      {t("keep")}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </SettingsSection>
  );
}
