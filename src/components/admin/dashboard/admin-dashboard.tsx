"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { LoadError } from "@/components/settings/load-error";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { AdminStats } from "@/shared/admin-stats";
import { useAdminFormat } from "../use-admin-format";
import { ChartPanel } from "./chart-panel";
import type { TableColumn } from "./csv";
import { useAdminStats } from "./use-admin-stats";

const RANGE_DAYS = [7, 30, 90, 365] as const;

const COLORS = {
  primary: "var(--primary)",
  danger: "var(--danger)",
  warning: "var(--warning)",
  success: "var(--success)",
  accent: "var(--accent)",
} as const;

/** The admin dashboard: usage, latency, storage and mail over a chosen range of days. */
export function AdminDashboard() {
  const t = useTranslations("admin.dashboard");
  const errorText = useErrorMessage();
  const [days, setDays] = useState(30);
  const stats = useAdminStats(days);
  const ranges = RANGE_DAYS.map((value) => ({
    value: String(value),
    label: t(`ranges.${value}` as const),
  }));
  return (
    <section className="flex flex-col gap-5" aria-labelledby="admin-dashboard-title">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="admin-dashboard-title" className="font-display text-ink text-xl font-semibold">
          {t("title")}
        </h2>
        <label className="flex items-center gap-2 text-sm">
          <span className="text-ink-muted">{t("range")}</span>
          <Select
            value={String(days)}
            onChange={(event) => setDays(Number(event.target.value))}
            options={ranges}
            className="w-52"
            data-testid="admin-stats-range"
          />
        </label>
      </div>
      {stats.isPending ? (
        <DashboardSkeleton />
      ) : stats.isError ? (
        <LoadError
          title={t("loadError")}
          message={errorText(stats.error)}
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
  const t = useTranslations("admin.dashboard");
  return (
    <div
      aria-busy="true"
      aria-label={t("loading")}
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
  const t = useTranslations("admin.dashboard.meter");
  const fmt = useAdminFormat();
  const share = limit > 0 ? used / limit : 0;
  const percent = Math.min(100, Math.round(share * 1000) / 10);
  const level = share >= 0.9 ? "danger" : share >= 0.8 ? "warning" : "ok";
  const percentText = fmt.count(percent);
  return (
    <div className="flex flex-col gap-2" data-testid={testId} data-level={level}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <span className="text-ink font-semibold">{label}</span>
        <span className="text-ink-muted text-sm tabular-nums">
          {t("amount", { used: fmt.bytes(used), limit: fmt.bytes(limit), percent: percentText })}
        </span>
      </div>
      <div
        role="meter"
        aria-label={t("label", { label })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t("valueText", { percent: percentText, limit: fmt.bytes(limit) })}
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

/**
 * The CSV's header row stays English whatever the reader's language, like its ISO dates and
 * raw numbers: the file is for spreadsheets and scripts, and reads the same for everyone.
 */
const CSV_HEADERS = {
  date: "Date",
  generations: "Generations",
  failures: "Failures",
  quotaHits: "Quota hits",
  p50Ms: "p50",
  p95Ms: "p95",
  activeUsers: "Daily active",
  weeklyActiveUsers: "Weekly active",
  signups: "Sign-ups",
  code: "Error code",
  template: "Template",
  publicShares: "Shared",
  mailSent: "Sent",
  mailFailed: "Failed",
} as const;

function DashboardBody({ stats, days }: { stats: AdminStats; days: number }) {
  const t = useTranslations("admin.dashboard");
  const fmt = useAdminFormat();
  const { storage, latency } = stats;
  const storageWarnings = [
    {
      id: "files",
      label: t("storage.files"),
      used: storage.filesBytes,
      limit: storage.filesLimitBytes,
    },
    {
      id: "database",
      label: t("storage.database"),
      used: storage.databaseBytes,
      limit: storage.databaseLimitBytes,
    },
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
  const msCell = (value: string | number | null) =>
    typeof value === "number" ? fmt.ms(value) : "–";
  const dayCell = (value: string | number | null) => fmt.day(value);
  const column = (
    key: keyof typeof CSV_HEADERS,
    label: string,
    format?: TableColumn["format"],
  ): TableColumn => ({ key, label, header: CSV_HEADERS[key], format });
  const dateColumn = column("date", t("columns.date"), dayCell);

  return (
    <div className="flex flex-col gap-5" data-testid="admin-dashboard">
      {storageWarnings.map((entry) => (
        <Alert
          key={entry.id}
          variant={entry.used / entry.limit >= 0.9 ? "danger" : "warning"}
          title={t("storageWarning.title", {
            label: entry.label,
            percent: fmt.count(Math.round((entry.used / entry.limit) * 100)),
          })}
          data-testid="admin-storage-warning"
        >
          {t("storageWarning.body", { used: fmt.bytes(entry.used), limit: fmt.bytes(entry.limit) })}
        </Alert>
      ))}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat
          label={t("stats.generations")}
          value={fmt.count(stats.totals.generations)}
          hint={t("stats.generationsHint", { failures: stats.totals.failures, days })}
        />
        <Stat
          label={t("stats.activeThisWeek")}
          value={fmt.count(stats.weeklyActiveUsers)}
          hint={t("stats.activeHint", { signups: stats.totals.signups, days })}
        />
        <Stat
          label={t("stats.latency")}
          value={`${fmt.msOrDash(latency.p50Ms)} / ${fmt.msOrDash(latency.p95Ms)}`}
          hint={t("stats.latencyHint", { share: fmt.share(stats.over15sShare) })}
        />
        <Stat
          label={t("stats.quotaHits")}
          value={fmt.count(stats.quotaHits)}
          hint={t("stats.quotaHint", {
            shares: stats.totals.publicShares,
            downloads: stats.totals.downloads,
          })}
        />
      </div>

      {totalActivity === 0 ? (
        <EmptyState
          headingLevel="h3"
          title={t("empty.title")}
          description={t("empty.description")}
          className="py-8 sm:py-10"
        />
      ) : null}

      <ChartPanel
        id="generations"
        title={t("charts.generations.title")}
        description={t("charts.generations.description")}
        csvName={`generations-${days}d`}
        chart={{
          kind: "bar",
          xKey: "date",
          stacked: true,
          series: [
            { key: "generations", label: t("columns.generations"), color: COLORS.primary },
            { key: "failures", label: t("columns.failures"), color: COLORS.danger },
            { key: "quotaHits", label: t("columns.quotaHits"), color: COLORS.warning },
          ],
        }}
        columns={[
          dateColumn,
          column("generations", t("columns.generations")),
          column("failures", t("columns.failures")),
          column("quotaHits", t("columns.quotaHits")),
        ]}
        rows={dayRows}
      />

      <div className="grid min-w-0 gap-5 lg:grid-cols-2">
        <ChartPanel
          id="latency"
          title={t("charts.latency.title")}
          description={t("charts.latency.description", {
            p50: fmt.msOrDash(latency.p50Ms),
            p95: fmt.msOrDash(latency.p95Ms),
            share: fmt.share(stats.over15sShare),
            samples: latency.samples,
          })}
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
          columns={[dateColumn, column("p50Ms", "p50", msCell), column("p95Ms", "p95", msCell)]}
          rows={dayRows}
        />
        <ChartPanel
          id="users"
          title={t("charts.users.title")}
          description={t("charts.users.description")}
          csvName={`users-${days}d`}
          chart={{
            kind: "line",
            xKey: "date",
            series: [
              { key: "activeUsers", label: t("columns.dailyActive"), color: COLORS.primary },
              { key: "weeklyActiveUsers", label: t("columns.weeklyActive"), color: COLORS.accent },
              { key: "signups", label: t("columns.signups"), color: COLORS.success },
            ],
          }}
          columns={[
            dateColumn,
            column("activeUsers", t("columns.dailyActive")),
            column("weeklyActiveUsers", t("columns.weeklyActive")),
            column("signups", t("columns.signups")),
          ]}
          rows={dayRows}
        />
        <ChartPanel
          id="failures"
          title={t("charts.failures.title")}
          description={
            codeRows.length === 0
              ? t("charts.failures.none", { days })
              : t("charts.failures.range", { days })
          }
          csvName={`failures-${days}d`}
          height={Math.max(120, codeRows.length * 36 + 40)}
          chart={{
            kind: "bar",
            horizontal: true,
            xKey: "code",
            series: [{ key: "failures", label: t("columns.failures"), color: COLORS.danger }],
          }}
          columns={[
            column("code", t("columns.errorCode")),
            column("failures", t("columns.failures")),
          ]}
          rows={codeRows}
        />
        <ChartPanel
          id="templates"
          title={t("charts.templates.title")}
          description={
            templateRows.length === 0
              ? t("charts.templates.none", { days })
              : t("charts.templates.range", { days })
          }
          csvName={`templates-${days}d`}
          height={Math.max(120, templateRows.length * 36 + 40)}
          chart={{
            kind: "bar",
            horizontal: true,
            xKey: "template",
            series: [{ key: "generations", label: t("columns.images"), color: COLORS.primary }],
          }}
          columns={[
            column("template", t("columns.template")),
            { key: "generations", label: t("columns.images"), header: "Images" },
          ]}
          rows={templateRows}
        />
        <ChartPanel
          id="sharing"
          title={t("charts.sharing.title")}
          description={t("charts.sharing.description", { downloads: stats.totals.downloads })}
          csvName={`shares-${days}d`}
          chart={{
            kind: "bar",
            xKey: "date",
            series: [{ key: "publicShares", label: t("columns.shared"), color: COLORS.success }],
          }}
          columns={[dateColumn, column("publicShares", t("columns.shared"))]}
          rows={dayRows}
        />
        <ChartPanel
          id="mail"
          title={t("charts.mail.title")}
          description={t("charts.mail.description", {
            sent: stats.mail.sent,
            failed: stats.mail.failed,
            days,
          })}
          csvName={`mail-${days}d`}
          chart={{
            kind: "bar",
            xKey: "date",
            stacked: true,
            series: [
              { key: "mailSent", label: t("columns.sent"), color: COLORS.primary },
              { key: "mailFailed", label: t("columns.failed"), color: COLORS.danger },
            ],
          }}
          columns={[
            dateColumn,
            column("mailSent", t("columns.sent")),
            column("mailFailed", t("columns.failed")),
          ]}
          rows={dayRows}
        />
      </div>

      <Card className="flex flex-col gap-4 p-4 sm:p-5" data-testid="admin-storage">
        <div>
          <h2 className="font-display text-ink text-lg font-semibold">{t("storage.title")}</h2>
          <p className="text-ink-muted text-sm">{t("storage.description")}</p>
        </div>
        <StorageMeter
          label={t("storage.files")}
          used={storage.filesBytes}
          limit={storage.filesLimitBytes}
          testId="admin-storage-files"
          note={t("storage.filesNote")}
        />
        <StorageMeter
          label={t("storage.database")}
          used={storage.databaseBytes}
          limit={storage.databaseLimitBytes}
          testId="admin-storage-database"
          note={
            storage.databaseKind === "pglite" ? t("storage.pgliteNote") : t("storage.postgresNote")
          }
        />
      </Card>
    </div>
  );
}
