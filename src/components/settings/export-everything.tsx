"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Archive, Download, RotateCw } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { toApiClientError } from "@/lib/api/errors";
import { useApiMutation, useApiQuery } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import { apiFetch, fetchSameOriginFile } from "@/lib/api/request";
import { useFormatBytes } from "@/lib/i18n/format-bytes";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import {
  ACCOUNT_EXPORT_ACTIVE,
  type AccountExport,
  type AccountExportsOverview,
} from "@/shared/account-exports";
import { LoadError } from "./load-error";

const STREAM_PATH = "/api/v1/account/export";
const EXPORTS_PATH = "/api/v1/account/exports";
const POLL_MS = 1500;

type StreamState =
  | { status: "idle" }
  | { status: "checking" }
  | { status: "started" }
  | { status: "error"; error: unknown };

const isActive = (job: AccountExport | undefined) =>
  job !== undefined && ACCOUNT_EXPORT_ACTIVE.includes(job.status);

/** A ZIP the browser saves itself (never held in this page), by a link to a same-origin file. */
function saveFile(path: string) {
  const link = document.createElement("a");
  link.href = path;
  link.download = "";
  document.body.append(link);
  link.click();
  link.remove();
}

function ExportProgress({ job }: { job: AccountExport }) {
  const t = useTranslations("settings.export");
  const { done, total } = job.progress;
  const percent = total === 0 ? 0 : Math.min(100, Math.round((done / total) * 100));
  return (
    <div className="flex flex-col gap-2" data-testid="export-progress">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm" role="status">
        <span className="text-ink font-medium">
          {job.status === "queued" ? t("starting") : t("preparing")}
        </span>
        <span className="text-ink-muted tabular-nums" data-testid="export-progress-count">
          {t("progress", { done, total })}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t("progress", { done, total })}
        className="bg-surface-raised border-line h-2.5 overflow-hidden rounded-full border"
      >
        <div
          className="bg-primary h-full rounded-full transition-[width] duration-500"
          style={{ width: `${Math.max(percent, 3)}%` }}
        />
      </div>
      <p className="text-ink-muted text-sm">{t("leavePage")}</p>
    </div>
  );
}

/**
 * "Export everything": a small gallery downloads at once as a streamed ZIP (checked first, so a
 * failure shows here rather than as a downloaded error page); a large one — over the limits the
 * server states with its estimate — is prepared in the background, with progress here while
 * it runs, a mail when it is ready, and the download link for a week.
 */
export function ExportEverything() {
  const t = useTranslations("settings.export");
  const format = useFormatter();
  const formatBytes = useFormatBytes();
  const errorText = useErrorMessage();
  const queryClient = useQueryClient();
  const [stream, setStream] = useState<StreamState>({ status: "idle" });
  const overview = useApiQuery<AccountExportsOverview>(queryKeys.accountExports, EXPORTS_PATH);
  const latest = overview.data?.exports[0];
  // Polling the job itself is also what resumes it when a function's time limit cut it off.
  const running = useApiQuery<{ export: AccountExport }>(
    queryKeys.accountExport(latest?.id ?? "none"),
    `${EXPORTS_PATH}/${latest?.id ?? ""}`,
    {
      enabled: isActive(latest),
      refetchInterval: (query) =>
        query.state.data === undefined || isActive(query.state.data.export) ? POLL_MS : false,
    },
  );
  const polled = running.data?.export;
  const job = polled && polled.id === latest?.id ? polled : latest;

  // Once the job finishes, the overview (estimate and list) is read again.
  const finished = polled !== undefined && !isActive(polled) && isActive(latest);
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: queryKeys.accountExports });
  }, [finished, queryClient]);

  const start = useApiMutation({
    mutationFn: () => apiFetch<{ export: AccountExport }>(EXPORTS_PATH, { method: "POST" }),
    errorToast: false,
    onSuccess: ({ export: started }) => {
      queryClient.setQueryData<AccountExportsOverview>(queryKeys.accountExports, (current) =>
        current
          ? {
              ...current,
              exports: [started, ...current.exports.filter((item) => item.id !== started.id)],
            }
          : current,
      );
      queryClient.setQueryData(queryKeys.accountExport(started.id), { export: started });
    },
  });

  async function streamNow() {
    setStream({ status: "checking" });
    try {
      const response = await fetchSameOriginFile(STREAM_PATH, { cache: "no-store" });
      await response.body?.cancel();
      saveFile(STREAM_PATH);
      setStream({ status: "started" });
    } catch (error) {
      setStream({ status: "error", error });
    }
  }

  if (overview.status === "pending") {
    return (
      <p className="text-ink-muted text-sm" role="status" data-testid="export-estimate">
        {t("estimating")}
      </p>
    );
  }
  if (overview.status === "error") {
    return (
      <LoadError
        title={t("checkFailed")}
        message={errorText(overview.error)}
        onRetry={() => void overview.refetch()}
        testId="export-load-error"
      />
    );
  }

  const { estimate } = overview.data;
  const background = estimate.background;

  return (
    <div className="flex flex-col gap-3">
      <p className="text-ink-muted text-sm" data-testid="export-estimate">
        {t.rich("estimate", {
          count: estimate.images,
          size: formatBytes(estimate.bytes),
          strong: (chunks) => <strong className="text-ink font-semibold">{chunks}</strong>,
        })}{" "}
        {background ? t("background") : t("rightAway")}
      </p>

      {job && isActive(job) ? <ExportProgress job={job} /> : null}

      {job?.status === "ready" && job.downloadUrl ? (
        <div
          className="border-line bg-surface-raised flex flex-col gap-3 rounded-xl border p-4 sm:flex-row sm:items-center sm:justify-between"
          data-testid="export-ready"
        >
          <p className="text-sm" role="status">
            <span className="text-ink font-medium">{t("ready")}</span>{" "}
            <span className="text-ink-muted">
              {job.expiresAt
                ? t("readyDetails", {
                    size: formatBytes(job.bytes),
                    count: job.progress.total,
                    date: format.dateTime(new Date(job.expiresAt), { dateStyle: "long" }),
                  })
                : t("readyDetailsNextWeek", {
                    size: formatBytes(job.bytes),
                    count: job.progress.total,
                  })}
            </span>
          </p>
          <a
            href={job.downloadUrl}
            download
            className={buttonClasses({ variant: "primary" })}
            data-testid="export-download"
          >
            <Download aria-hidden="true" />
            {t("download")}
          </a>
        </div>
      ) : null}

      {job?.status === "failed" ? (
        <Alert variant="danger" title={t("failed")} data-testid="export-error">
          {/* The job stores one of two English sentences (account-exports.ts); say it in ours. */}
          {job.error?.startsWith("The gallery is too large")
            ? t("failedTooLarge")
            : t("failedDefault")}
        </Alert>
      ) : null}
      {start.error ? (
        <Alert variant="danger" title={t("startFailed")} data-testid="export-error">
          {errorText(start.error)}
        </Alert>
      ) : null}

      {job && isActive(job) ? null : (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          {background ? (
            <Button
              variant={job?.status === "ready" ? "secondary" : "primary"}
              loading={start.isPending}
              onClick={() => start.mutate()}
              data-testid="export-start"
            >
              {start.isPending ? null : job?.status === "failed" ? (
                <RotateCw aria-hidden="true" />
              ) : (
                <Archive aria-hidden="true" />
              )}
              {job?.status === "failed"
                ? t("tryAgain")
                : job?.status === "ready"
                  ? t("prepareNew")
                  : t("prepare")}
            </Button>
          ) : (
            <Button
              variant="secondary"
              loading={stream.status === "checking"}
              onClick={() => void streamNow()}
              data-testid="export-all"
            >
              {stream.status === "checking" ? null : <Download aria-hidden="true" />}
              {t("downloadAll")}
            </Button>
          )}
          <p role="status" className="text-ink-muted text-sm" data-testid="export-status">
            {stream.status === "checking" ? t("preparingDownload") : null}
            {stream.status === "started" ? t("downloadStarted") : null}
          </p>
        </div>
      )}
      {stream.status === "error" ? (
        <Alert variant="danger" title={t("downloadFailed")} data-testid="export-error">
          {t("downloadFailedMessage", {
            message:
              toApiClientError(stream.error).code === "NETWORK_ERROR"
                ? errorText(stream.error)
                : t("prepareFailed"),
          })}
        </Alert>
      ) : null}
    </div>
  );
}
