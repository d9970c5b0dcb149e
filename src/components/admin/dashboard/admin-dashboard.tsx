"use client";

import { useState } from "react";
import { LoadError } from "@/components/settings/load-error";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import type { AdminStats } from "@/shared/admin-stats";
import { ChartPanel } from "./chart-panel";
import { useAdminStats } from "./use-admin-stats";

const RANGES = [
  { value: "7", label: "Last 7 days" },
  { value: "30", label: "Last 30 days" },
  { value: "90", label: "Last 90 days" },
  { value: "365", label: "Last 365 days" },
] as const;

const COLORS = {
  primary: "var(--primary)",
  danger: "var(--danger)",
  warning: "var(--warning)",
  success: "var(--success)",
  accent: "var(--accent)",
} as const;

const units = ["B", "KB", "MB", "GB", "TB"];
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
const formatMs = (value: number | null) =>
  value === null ? "–" : value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value} ms`;
const formatShare = (value: number | null) =>
  value === null ? "–" : `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;
const msCell = (value: string | number | null) =>
  typeof value === "number" ? formatMs(value) : "–";

/** The admin dashboard: usage, latency, storage and mail over a chosen range of days. */
export function AdminDashboard() {
  const [days, setDays] = useState(30);
  const stats = useAdminStats(days);
  return (
    <section className="flex flex-col gap-5" aria-labelledby="admin-dashboard-title">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="admin-dashboard-title" className="font-display text-ink text-xl font-semibold">
          Dashboard
        </h2>
        <label className="flex items-center gap-2 text-sm">
          <span className="text-ink-muted">Range</span>
          <Select
            value={String(days)}
            onChange={(event) => setDays(Number(event.target.value))}
            options={RANGES}
            className="w-44"
            data-testid="admin-stats-range"
          />
        </label>
      </div>
      {stats.isPending ? (
        <DashboardSkeleton />
      ) : stats.isError ? (
        <LoadError
          title="The dashboard could not be loaded"
          message={stats.error.message}
          onRetry={() => void stats.refetch()}
          testId="admin-stats-error"
          retryTestId="admin-stats-retry"
        />
      ) : (
        <DashboardBody stats={stats.data} days={days} />
      )}
    </section>
  );
}

function DashboardSkeleton() {
  return (
    <div
      aria-busy="true"
      aria-label="Loading the dashboard"
      className="flex flex-col gap-4"
      data-testid="admin-stats-loading"
    >
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-24" radius="card" />
        ))}
      </div>
      <Skeleton className="h-72" radius="card" />
      <Skeleton className="h-72" radius="card" />
    </div>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card className="flex min-w-0 flex-col gap-1 p-4">
      <span className="text-ink-muted text-xs font-semibold tracking-wide uppercase">{label}</span>
      <span className="font-display text-ink text-2xl font-bold tabular-nums">{value}</span>
      {hint ? <span className="text-ink-muted text-xs">{hint}</span> : null}
    </Card>
  );
}

function StorageMeter({
  label,
  used,
  limit,
  testId,
  note,
}: {
  label: string;
  used: number;
  limit: number;
  testId: string;
  note?: string;
}) {
  const share = limit > 0 ? used / limit : 0;
  const percent = Math.min(100, Math.round(share * 1000) / 10);
  const level = share >= 0.9 ? "danger" : share >= 0.8 ? "warning" : "ok";
  return (
    <div className="flex flex-col gap-2" data-testid={testId} data-level={level}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <span className="text-ink font-semibold">{label}</span>
        <span className="text-ink-muted text-sm tabular-nums">
          {formatBytes(used)} of {formatBytes(limit)} ({percent}%)
        </span>
      </div>
      <div
        role="meter"
        aria-label={`${label} used`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% of ${formatBytes(limit)}`}
        className="bg-surface-sunken h-3 overflow-hidden rounded-full"
      >
        <div
          className={cn(
            "h-full rounded-full",
            level === "danger" ? "bg-danger" : level === "warning" ? "bg-warning" : "bg-primary",
          )}
          style={{ width: `${percent}%` }}
        />
      </div>
      {note ? <p className="text-ink-muted text-xs">{note}</p> : null}
    </div>
  );
}

function DashboardBody({ stats, days }: { stats: AdminStats; days: number }) {
  const { storage, latency } = stats;
  const storageWarnings = [
    { label: "Files", used: storage.filesBytes, limit: storage.filesLimitBytes },
    { label: "Database", used: storage.databaseBytes, limit: storage.databaseLimitBytes },
  ].filter((entry) => entry.limit > 0 && entry.used / entry.limit >= 0.8);
  const totalActivity = stats.days.reduce(
    (sum, day) => sum + day.generations + day.failures + day.quotaHits + day.activeUsers,
    0,
  );
  const dayRows = stats.days.map((day) => ({
    date: day.date,
    generations: day.generations,
    failures: day.failures,
    quotaHits: day.quotaHits,
    activeUsers: day.activeUsers,
    weeklyActiveUsers: day.weeklyActiveUsers,
    signups: day.signups,
    publicShares: day.publicShares,
    mailSent: day.mailSent,
    mailFailed: day.mailFailed,
    p50Ms: day.p50Ms,
    p95Ms: day.p95Ms,
  }));
  const codeRows = Object.entries(stats.failuresByCode)
    .sort((a, b) => b[1] - a[1])
    .map(([code, failures]) => ({ code, failures }));
  const templateRows = stats.topTemplates.map((entry) => ({
    template: entry.name,
    generations: entry.generations,
  }));
  const range = `last ${days} day${days === 1 ? "" : "s"}`;

  return (
    <div className="flex flex-col gap-5" data-testid="admin-dashboard">
      {storageWarnings.map((entry) => (
        <Alert
          key={entry.label}
          variant={entry.used / entry.limit >= 0.9 ? "danger" : "warning"}
          title={`${entry.label} storage is at ${Math.round((entry.used / entry.limit) * 100)}% of its limit`}
          data-testid="admin-storage-warning"
        >
          {formatBytes(entry.used)} of {formatBytes(entry.limit)} used. Free some space or raise the
          plan before the limit is reached.
        </Alert>
      ))}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat
          label="Generations"
          value={stats.totals.generations.toLocaleString("en")}
          hint={`${stats.totals.failures.toLocaleString("en")} failed, ${range}`}
        />
        <Stat
          label="Active this week"
          value={stats.weeklyActiveUsers.toLocaleString("en")}
          hint={`${stats.totals.signups.toLocaleString("en")} sign-up${stats.totals.signups === 1 ? "" : "s"}, ${range}`}
        />
        <Stat
          label="Latency p50 / p95"
          value={`${formatMs(latency.p50Ms)} / ${formatMs(latency.p95Ms)}`}
          hint={`${formatShare(stats.over15sShare)} over 15 s`}
        />
        <Stat
          label="Quota hits"
          value={stats.quotaHits.toLocaleString("en")}
          hint={`${stats.totals.publicShares.toLocaleString("en")} shared, ${stats.totals.downloads.toLocaleString("en")} downloads in all`}
        />
      </div>

      {totalActivity === 0 ? (
        <EmptyState
          headingLevel="h3"
          title="No usage yet"
          description="Once people generate images, their days show up here: generations, failures, latency, active users and more."
          className="py-8 sm:py-10"
        />
      ) : null}

      <ChartPanel
        id="generations"
        title="Generations per day"
        description="Stored images, failed attempts and quota refusals (UTC days)."
        csvName={`generations-${days}d`}
        chart={{
          kind: "bar",
          xKey: "date",
          stacked: true,
          series: [
            { key: "generations", label: "Generations", color: COLORS.primary },
            { key: "failures", label: "Failures", color: COLORS.danger },
            { key: "quotaHits", label: "Quota hits", color: COLORS.warning },
          ],
        }}
        columns={[
          { key: "date", label: "Date" },
          { key: "generations", label: "Generations" },
          { key: "failures", label: "Failures" },
          { key: "quotaHits", label: "Quota hits" },
        ]}
        rows={dayRows}
      />

      <div className="grid min-w-0 gap-5 lg:grid-cols-2">
        <ChartPanel
          id="latency"
          title="Provider latency"
          description={`p50 ${formatMs(latency.p50Ms)}, p95 ${formatMs(latency.p95Ms)}; ${formatShare(stats.over15sShare)} of ${latency.samples.toLocaleString("en")} took over 15 s.`}
          csvName={`latency-${days}d`}
          chart={{
            kind: "line",
            xKey: "date",
            unit: "ms",
            series: [
              { key: "p50Ms", label: "p50", color: COLORS.primary },
              { key: "p95Ms", label: "p95", color: COLORS.accent },
            ],
          }}
          columns={[
            { key: "date", label: "Date" },
            { key: "p50Ms", label: "p50", format: msCell },
            { key: "p95Ms", label: "p95", format: msCell },
          ]}
          rows={dayRows}
        />
        <ChartPanel
          id="users"
          title="Active users and sign-ups"
          description="People who generated that day and in the seven days up to it."
          csvName={`users-${days}d`}
          chart={{
            kind: "line",
            xKey: "date",
            series: [
              { key: "activeUsers", label: "Daily active", color: COLORS.primary },
              { key: "weeklyActiveUsers", label: "Weekly active", color: COLORS.accent },
              { key: "signups", label: "Sign-ups", color: COLORS.success },
            ],
          }}
          columns={[
            { key: "date", label: "Date" },
            { key: "activeUsers", label: "Daily active" },
            { key: "weeklyActiveUsers", label: "Weekly active" },
            { key: "signups", label: "Sign-ups" },
          ]}
          rows={dayRows}
        />
        <ChartPanel
          id="failures"
          title="Failures by error code"
          description={codeRows.length === 0 ? `No failures in the ${range}.` : `The ${range}.`}
          csvName={`failures-${days}d`}
          height={Math.max(120, codeRows.length * 36 + 40)}
          chart={{
            kind: "bar",
            horizontal: true,
            xKey: "code",
            series: [{ key: "failures", label: "Failures", color: COLORS.danger }],
          }}
          columns={[
            { key: "code", label: "Error code" },
            { key: "failures", label: "Failures" },
          ]}
          rows={codeRows}
        />
        <ChartPanel
          id="templates"
          title="Top templates"
          description={
            templateRows.length === 0
              ? `No images made with a template in the ${range}.`
              : `Images made with each style template, the ${range}.`
          }
          csvName={`templates-${days}d`}
          height={Math.max(120, templateRows.length * 36 + 40)}
          chart={{
            kind: "bar",
            horizontal: true,
            xKey: "template",
            series: [{ key: "generations", label: "Images", color: COLORS.primary }],
          }}
          columns={[
            { key: "template", label: "Template" },
            { key: "generations", label: "Images" },
          ]}
          rows={templateRows}
        />
        <ChartPanel
          id="sharing"
          title="Public shares"
          description={`Images made public each day; ${stats.totals.downloads.toLocaleString("en")} downloads counted in all.`}
          csvName={`shares-${days}d`}
          chart={{
            kind: "bar",
            xKey: "date",
            series: [{ key: "publicShares", label: "Shared", color: COLORS.success }],
          }}
          columns={[
            { key: "date", label: "Date" },
            { key: "publicShares", label: "Shared" },
          ]}
          rows={dayRows}
        />
        <ChartPanel
          id="mail"
          title="Mail"
          description={`${stats.mail.sent.toLocaleString("en")} sent, ${stats.mail.failed.toLocaleString("en")} failed for good, the ${range}.`}
          csvName={`mail-${days}d`}
          chart={{
            kind: "bar",
            xKey: "date",
            stacked: true,
            series: [
              { key: "mailSent", label: "Sent", color: COLORS.primary },
              { key: "mailFailed", label: "Failed", color: COLORS.danger },
            ],
          }}
          columns={[
            { key: "date", label: "Date" },
            { key: "mailSent", label: "Sent" },
            { key: "mailFailed", label: "Failed" },
          ]}
          rows={dayRows}
        />
      </div>

      <Card className="flex flex-col gap-4 p-4 sm:p-5" data-testid="admin-storage">
        <div>
          <h2 className="font-display text-ink text-lg font-semibold">Storage</h2>
          <p className="text-ink-muted text-sm">
            Against the free-tier limits (warning at 80% and 90%).
          </p>
        </div>
        <StorageMeter
          label="Files"
          used={storage.filesBytes}
          limit={storage.filesLimitBytes}
          testId="admin-storage-files"
          note="Originals and thumbnails of every stored image."
        />
        <StorageMeter
          label="Database"
          used={storage.databaseBytes}
          limit={storage.databaseLimitBytes}
          testId="admin-storage-database"
          note={
            storage.databaseKind === "pglite"
              ? "The embedded database's size on disk as PostgreSQL reports it."
              : "pg_database_size of the studio's database."
          }
        />
      </Card>
    </div>
  );
}
