import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { rowsOf } from "@/server/db/rows";
import { logger } from "@/server/observability/logger";
import type { MailService, MailSource } from "@/server/mail/mail-service";
import type { AdminAlertData } from "@/server/mail/templates/admin-alert";
import type { AdminDailySummaryData } from "@/server/mail/templates/admin-daily-summary";
import { STORAGE_THRESHOLDS, type StorageUsage } from "@/server/storage-budget/storage-budget";
import { addDays, computeDays, dayOf } from "@/server/usage/usage-rollups";
import { ENHANCE_ACTION } from "@/server/usage/usage-log";

/** Error rate above this share of an hour's generations (quota refusals not counted) alerts. */
export const ERROR_RATE_THRESHOLD = 0.1;
/** p95 of an hour's successful generations above this many ms alerts. */
export const LATENCY_P95_THRESHOLD_MS = 15_000;
/** An hour with fewer generations than this says nothing either way. */
export const MIN_HOURLY_SAMPLE = 10;
/** How many finished hours back each check looks (the daily cron covers the whole day). */
export const HOURS_LOOKED_BACK = 24;

const HOUR = 60 * 60 * 1000;

export interface AlertDeps {
  db: Database;
  mail: Pick<MailService, "enqueue">;
  /** Current usage against the limits (the storage budget's cached figure is fine). */
  storage: () => Promise<StorageUsage>;
}

export interface AlertReport {
  /** The rule:period keys that mailed the admins in this run. */
  alertsSent: string[];
}

type AlertMail =
  | { kind: "admin-alert"; data: AdminAlertData }
  | { kind: "admin-daily-summary"; data: AdminDailySummaryData };

/** `2026-12-06T14` for the UTC hour holding `ms`. */
export const hourOf = (ms: number) => new Date(ms).toISOString().slice(0, 13);

/**
 * Records the rule and period and, only when that row is new, queues one mail to every admin
 * (not suspended) in the same transaction: a rule fires at most once per period, however
 * often and on however many instances the checks run.
 */
async function fire(
  deps: AlertDeps,
  rule: string,
  period: string,
  mail: AlertMail | null,
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const inserted = rowsOf<{ rule: string }>(
      await tx.execute(sql`
        insert into public.admin_alerts (rule, period, details)
        values (${rule}, ${period}, ${JSON.stringify(mail?.data ?? {})}::jsonb)
        on conflict (rule, period) do nothing
        returning rule`),
    );
    if (inserted.length === 0) return false;
    if (!mail) return true;
    const admins = rowsOf<{ id: string; email: string }>(
      await tx.execute(sql`
        select id, email from public.profiles
        where role = 'admin' and suspended_at is null order by email`),
    );
    for (const admin of admins) {
      await deps.mail.enqueue(tx as unknown as Database, {
        ...(mail as { kind: "admin-alert"; data: AdminAlertData }),
        to: admin.email,
        userId: admin.id,
        dedupeKey: `admin-alert:${rule}:${period}:${admin.id}`,
      });
    }
    return true;
  });
}

/**
 * Error rate and p95 latency for each finished UTC hour of the last `HOURS_LOOKED_BACK`:
 * an hour over a threshold (with at least MIN_HOURLY_SAMPLE generations) mails once.
 */
export async function checkHourlyAlerts(deps: AlertDeps, now: number): Promise<string[]> {
  const to = Math.floor(now / HOUR) * HOUR;
  const from = to - HOURS_LOOKED_BACK * HOUR;
  const hours = rowsOf<{
    hour: string;
    generations: number;
    failures: number;
    samples: number;
    p95: number | string | null;
  }>(
    await deps.db.execute(sql`
      select to_char(date_trunc('hour', created_at at time zone 'UTC'), 'YYYY-MM-DD"T"HH24') as hour,
        count(*) filter (where error_code is distinct from 'QUOTA_EXCEEDED')::int as generations,
        count(*) filter (where status = 'failure' and error_code is distinct from 'QUOTA_EXCEEDED')::int as failures,
        count(duration_ms) filter (where status = 'success')::int as samples,
        percentile_disc(0.95) within group (order by duration_ms)
          filter (where status = 'success' and duration_ms is not null) as p95
      from public.usage_logs
      where created_at >= ${new Date(from).toISOString()}::timestamptz
        and created_at < ${new Date(to).toISOString()}::timestamptz
        and action <> ${ENHANCE_ACTION}
      group by 1 order by 1`),
  );
  const sent: string[] = [];
  for (const row of hours) {
    const generations = Number(row.generations);
    const failures = Number(row.failures);
    const samples = Number(row.samples);
    if (generations >= MIN_HOURLY_SAMPLE && failures / generations > ERROR_RATE_THRESHOLD) {
      const data = { rule: "error-rate", hour: row.hour, generations, failures } as const;
      if (await fire(deps, "error-rate", row.hour, { kind: "admin-alert", data }))
        sent.push(`error-rate:${row.hour}`);
    }
    const p95 = row.p95 === null ? null : Number(row.p95);
    if (samples >= MIN_HOURLY_SAMPLE && p95 !== null && p95 > LATENCY_P95_THRESHOLD_MS) {
      const data = { rule: "latency-p95", hour: row.hour, samples, p95Ms: p95 } as const;
      if (await fire(deps, "latency-p95", row.hour, { kind: "admin-alert", data }))
        sent.push(`latency-p95:${row.hour}`);
    }
  }
  return sent;
}

/**
 * Files and database against their limits: crossing 80% or 90% mails once (one mail for the
 * highest threshold crossed); back under a threshold re-arms it for the next crossing.
 */
export async function checkStorageAlerts(deps: AlertDeps): Promise<string[]> {
  const usage = await deps.storage();
  const sent: string[] = [];
  const resources = [
    { resource: "files", used: usage.filesBytes, limit: usage.filesLimitBytes },
    { resource: "database", used: usage.databaseBytes, limit: usage.databaseLimitBytes },
  ] as const;
  for (const { resource, used, limit } of resources) {
    if (limit <= 0) continue;
    const crossed = STORAGE_THRESHOLDS.filter((t) => used >= (limit * t) / 100);
    const below = STORAGE_THRESHOLDS.filter((t) => used < (limit * t) / 100);
    for (const threshold of below) {
      await deps.db.execute(sql`
        delete from public.admin_alerts
        where rule = ${`storage-${resource}-${threshold}`} and period = 'current'`);
    }
    const highest = crossed[crossed.length - 1];
    for (const threshold of crossed) {
      const rule = `storage-${resource}-${threshold}`;
      const mail: AlertMail | null =
        threshold === highest
          ? {
              kind: "admin-alert",
              data: { rule: "storage", resource, threshold, usedBytes: used, limitBytes: limit },
            }
          : null;
      if ((await fire(deps, rule, "current", mail)) && mail) sent.push(`${rule}:current`);
    }
  }
  return sent;
}

/** The summary of the last finished UTC day (new users, usage, storage), mailed once per day. */
export async function sendDailySummary(deps: AlertDeps, now: number): Promise<string[]> {
  const day = addDays(dayOf(now), -1);
  const exists = rowsOf<{ n: number }>(
    await deps.db.execute(sql`
      select count(*)::int as n from public.admin_alerts
      where rule = 'daily-summary' and period = ${day}`),
  );
  if (Number(exists[0]?.n ?? 0) > 0) return [];
  const [usage] = await computeDays(deps.db, day, day);
  const [users] = rowsOf<{ n: number }>(
    await deps.db.execute(sql`
      select count(*)::int as n from public.profiles
      where created_at < ${new Date(Date.parse(`${day}T00:00:00.000Z`) + 24 * HOUR).toISOString()}::timestamptz`),
  );
  const storage = await deps.storage();
  const data: AdminDailySummaryData = {
    day,
    signups: usage?.signups ?? 0,
    generations: usage?.generations ?? 0,
    failures: usage?.failures ?? 0,
    quotaHits: usage?.quotaHits ?? 0,
    activeUsers: usage?.activeUsers ?? 0,
    totalUsers: Number(users?.n ?? 0),
    filesBytes: storage.filesBytes,
    filesLimitBytes: storage.filesLimitBytes,
    databaseBytes: storage.databaseBytes,
    databaseLimitBytes: storage.databaseLimitBytes,
  };
  return (await fire(deps, "daily-summary", day, { kind: "admin-daily-summary", data }))
    ? [`daily-summary:${day}`]
    : [];
}

/**
 * Every alert rule, as the daily cron runs them: the last 24 finished hours' error rate and
 * latency, storage thresholds, and yesterday's summary. Each fires at most once per period.
 */
export async function runAlertChecks(
  deps: AlertDeps,
  { now = Date.now(), dailySummary = true }: { now?: number; dailySummary?: boolean } = {},
): Promise<AlertReport> {
  return {
    alertsSent: [
      ...(await checkHourlyAlerts(deps, now)),
      ...(await checkStorageAlerts(deps)),
      ...(dailySummary ? await sendDailySummary(deps, now) : []),
    ],
  };
}

/**
 * The hourly look on the next request (the mail service's sources, like the batched
 * generation mails): once per UTC hour per instance, the hourly and storage rules run, so an
 * alert need not wait for the daily cron. The daily summary stays with the cron.
 */
export function createAlertMailSource(
  deps: AlertDeps,
  clock: () => number = Date.now,
): MailSource & { lastReport: () => AlertReport | null } {
  let checkedHour: string | null = null;
  let last: AlertReport | null = null;
  return {
    async enqueueDue(now: number) {
      const hour = hourOf(now);
      if (checkedHour === hour) return;
      checkedHour = hour;
      try {
        last = await runAlertChecks(deps, { now, dailySummary: false });
      } catch (error) {
        // Never in the way of the mail it rides along with; the cron checks again.
        logger.error("alert checks failed", { error });
      }
    },
    async nextDueAt() {
      return new Date(Math.floor(clock() / HOUR) * HOUR + HOUR);
    },
    lastReport: () => last,
  };
}
