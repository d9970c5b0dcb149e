"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Archive, Download, RotateCw } from "lucide-react";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { errorMessage, toApiClientError } from "@/lib/api/errors";
import { useApiMutation, useApiQuery } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import { apiFetch, fetchSameOriginFile } from "@/lib/api/request";
import { formatBytes } from "@/lib/offline/offline-collections";
import {
  ACCOUNT_EXPORT_ACTIVE,
  type AccountExport,
  type AccountExportsOverview,
} from "@/shared/account-exports";
import { formatDate } from "./format";
import { LoadError } from "./load-error";

const STREAM_PATH = "/api/v1/account/export";
const EXPORTS_PATH = "/api/v1/account/exports";
const POLL_MS = 1500;

type StreamState =
  | { status: "idle" }
  | { status: "checking" }
  | { status: "started" }
  | { status: "error"; message: string };

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
  const { done, total } = job.progress;
  const percent = total === 0 ? 0 : Math.min(100, Math.round((done / total) * 100));
  return (
    <div className="flex flex-col gap-2" data-testid="export-progress">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm" role="status">
        <span className="text-ink font-medium">
          {job.status === "queued" ? "Starting your export…" : "Preparing your export…"}
        </span>
        <span className="text-ink-muted tabular-nums" data-testid="export-progress-count">
          {done} of {total} images
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${done} of ${total} images`}
        className="bg-surface-raised border-line h-2.5 overflow-hidden rounded-full border"
      >
        <div
          className="bg-primary h-full rounded-full transition-[width] duration-500"
          style={{ width: `${Math.max(percent, 3)}%` }}
        />
      </div>
      <p className="text-ink-muted text-sm">
        You can leave this page: we&rsquo;ll email you a link when it is ready.
      </p>
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
      const failure = toApiClientError(error);
      setStream({
        status: "error",
        message:
          failure.code === "NETWORK_ERROR"
            ? failure.message
            : "The studio could not prepare your export just now.",
      });
    }
  }

  if (overview.status === "pending") {
    return (
      <p className="text-ink-muted text-sm" role="status" data-testid="export-estimate">
        Working out the size of your gallery…
      </p>
    );
  }
  if (overview.status === "error") {
    return (
      <LoadError
        title="We couldn't check your gallery"
        message={errorMessage(overview.error)}
        onRetry={() => void overview.refetch()}
        testId="export-load-error"
      />
    );
  }

  const { estimate } = overview.data;
  const background = estimate.background;
  const images = estimate.images === 1 ? "1 image" : `${estimate.images} images`;

  return (
    <div className="flex flex-col gap-3">
      <p className="text-ink-muted text-sm" data-testid="export-estimate">
        Your gallery: <strong className="text-ink font-semibold">{images}</strong>, about{" "}
        <strong className="text-ink font-semibold">{formatBytes(estimate.bytes)}</strong> as a ZIP.
        {background
          ? " That is more than downloads at once, so the studio prepares it in the background and emails you when it is ready."
          : " It downloads right away."}
      </p>

      {job && isActive(job) ? <ExportProgress job={job} /> : null}

      {job?.status === "ready" && job.downloadUrl ? (
        <div
          className="border-line bg-surface-raised flex flex-col gap-3 rounded-xl border p-4 sm:flex-row sm:items-center sm:justify-between"
          data-testid="export-ready"
        >
          <p className="text-sm" role="status">
            <span className="text-ink font-medium">Your export is ready</span>{" "}
            <span className="text-ink-muted">
              ({formatBytes(job.bytes)}, {job.progress.total}{" "}
              {job.progress.total === 1 ? "image" : "images"}). The link works until{" "}
              {job.expiresAt ? formatDate(job.expiresAt) : "next week"}.
            </span>
          </p>
          <a
            href={job.downloadUrl}
            download
            className={buttonClasses({ variant: "primary" })}
            data-testid="export-download"
          >
            <Download aria-hidden="true" />
            Download ZIP
          </a>
        </div>
      ) : null}

      {job?.status === "failed" ? (
        <Alert variant="danger" title="Your export failed" data-testid="export-error">
          {job.error ?? "The export could not be prepared."}
        </Alert>
      ) : null}
      {start.error ? (
        <Alert variant="danger" title="We couldn't start your export" data-testid="export-error">
          {errorMessage(start.error)}
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
                ? "Try again"
                : job?.status === "ready"
                  ? "Prepare a new export"
                  : "Prepare my export"}
            </Button>
          ) : (
            <Button
              variant="secondary"
              loading={stream.status === "checking"}
              onClick={() => void streamNow()}
              data-testid="export-all"
            >
              {stream.status === "checking" ? null : <Download aria-hidden="true" />}
              Download all my data
            </Button>
          )}
          <p role="status" className="text-ink-muted text-sm" data-testid="export-status">
            {stream.status === "checking" ? "Preparing your download…" : null}
            {stream.status === "started"
              ? "Your download has started. Keep this tab open until it finishes."
              : null}
          </p>
        </div>
      )}
      {stream.status === "error" ? (
        <Alert variant="danger" title="We couldn't start the download" data-testid="export-error">
          {stream.message} Please try again.
        </Alert>
      ) : null}
    </div>
  );
}
