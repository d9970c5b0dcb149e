import "server-only";
import { and, gte, lte, sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { rowsOf } from "@/server/db/rows";
import { usageDailyRollups } from "@/server/db/schema";
import { ENHANCE_ACTION } from "./usage-log";

/**
 * Daily usage rollups (issue #12): one row per finished UTC day, computed once from the raw
 * tables and never recomputed, so the 30-day pruning of usage_logs keeps the history. Today is
 * never stored: the dashboard computes it live with the same query.
 *
 * Latency is a histogram of successful generations' durations. Bucket k holds durations d with
 * LATENCY_BOUNDS_MS[k-1] <= d < LATENCY_BOUNDS_MS[k] (bucket 0: below the first bound, the last
 * bucket: the last bound or more), which is what PostgreSQL's width_bucket(d, bounds) numbers.
 */
export const LATENCY_BOUNDS_MS = [
  500, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 12000, 15000, 20000, 25000,
  30000, 45000, 60000, 90000, 120000,
] as const;
const BOUNDS_SQL = sql.raw(`'{${LATENCY_BOUNDS_MS.join(",")}}'::int[]`);
export const SLOW_GENERATION_MS = 15000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back a catch-up looks (a year of history is what the dashboard offers). */
export const ROLLUP_HORIZON_DAYS = 366;
/** Days computed per round of queries. */
const CHUNK_DAYS = 31;

export interface DayUsage {
  day: string;
  /** Successful generations (stored images). */
  generations: number;
  /** Failed generations, quota refusals not included. */
  failures: number;
  failuresByCode: Record<string, number>;
  quotaHits: number;
  activeUsers: number;
  weeklyActiveUsers: number;
  signups: number;
  publicShares: number;
  /** Images made per style template id. */
  templates: Record<string, number>;
  latencyBuckets: number[];
  latencySamples: number;
  over15s: number;
  mailSent: number;
  mailFailed: number;
}

export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (day: string, days: number) =>
  dayOf(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);
const startOf = (day: string) => `${day}T00:00:00.000Z`;

function emptyDay(day: string): DayUsage {
  return {
    day,
    generations: 0,
    failures: 0,
    failuresByCode: {},
    quotaHits: 0,
    activeUsers: 0,
    weeklyActiveUsers: 0,
    signups: 0,
    publicShares: 0,
    templates: {},
    latencyBuckets: LATENCY_BOUNDS_MS.map(() => 0).concat(0),
    latencySamples: 0,
    over15s: 0,
    mailSent: 0,
    mailFailed: 0,
  };
}

const utcDay = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`);

/** Computes the usage of the UTC days first..last (inclusive) from the raw tables. */
export async function computeDays(db: Database, first: string, last: string): Promise<DayUsage[]> {
  const from = startOf(first);
  const to = startOf(addDays(last, 1));
  const days = new Map<string, DayUsage>();
  for (let day = first; day <= last; day = addDays(day, 1)) days.set(day, emptyDay(day));
  const at = (day: string) => days.get(day);

  const outcomes = rowsOf<{ day: string; status: string; code: string; n: number }>(
    await db.execute(sql`
      select ${utcDay("created_at")} as day, status, coalesce(error_code, '') as code, count(*)::int as n
      from public.usage_logs
      where created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz
        and action <> ${ENHANCE_ACTION}
      group by 1, 2, 3`),
  );
  for (const row of outcomes) {
    const entry = at(row.day);
    if (!entry) continue;
    const n = Number(row.n);
    if (row.status === "success") entry.generations += n;
    else if (row.code === "QUOTA_EXCEEDED") entry.quotaHits += n;
    else {
      entry.failures += n;
      const code = row.code || "UNKNOWN";
      entry.failuresByCode[code] = (entry.failuresByCode[code] ?? 0) + n;
    }
  }

  const latency = rowsOf<{ day: string; bucket: number; n: number; slow: number }>(
    await db.execute(sql`
      select ${utcDay("created_at")} as day, width_bucket(duration_ms, ${BOUNDS_SQL}) as bucket,
             count(*)::int as n, count(*) filter (where duration_ms > ${SLOW_GENERATION_MS})::int as slow
      from public.usage_logs
      where status = 'success' and duration_ms is not null and action <> ${ENHANCE_ACTION}
        and created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz
      group by 1, 2`),
  );
  for (const row of latency) {
    const entry = at(row.day);
    if (!entry) continue;
    const bucket = Number(row.bucket);
    entry.latencyBuckets[bucket] = (entry.latencyBuckets[bucket] ?? 0) + Number(row.n);
    entry.latencySamples += Number(row.n);
    entry.over15s += Number(row.slow);
  }

  const active = rowsOf<{ day: string; daily: number; weekly: number }>(
    await db.execute(sql`
      select to_char(d at time zone 'UTC', 'YYYY-MM-DD') as day,
        (select count(distinct user_id) from public.usage_logs
          where created_at >= d and created_at < d + interval '1 day')::int as daily,
        (select count(distinct user_id) from public.usage_logs
          where created_at >= d - interval '6 days' and created_at < d + interval '1 day')::int as weekly
      from generate_series(${from}::timestamptz, ${startOf(last)}::timestamptz, interval '1 day') as d`),
  );
  for (const row of active) {
    const entry = at(row.day);
    if (!entry) continue;
    entry.activeUsers = Number(row.daily);
    entry.weeklyActiveUsers = Number(row.weekly);
  }

  const counts = rowsOf<{ kind: string; day: string; n: number }>(
    await db.execute(sql`
      select 'signup' as kind, ${utcDay("created_at")} as day, count(*)::int as n
        from public.profiles
        where created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz group by 2
      union all
      select 'share', ${utcDay("published_at")}, count(*)::int
        from public.images
        where is_public and published_at >= ${from}::timestamptz and published_at < ${to}::timestamptz
        group by 2
      union all
      select 'sent', ${utcDay("sent_at")}, count(*)::int
        from public.mail_outbox
        where status = 'sent' and sent_at >= ${from}::timestamptz and sent_at < ${to}::timestamptz
        group by 2
      union all
      select 'failed', ${utcDay("coalesce(last_attempt_at, created_at)")}, count(*)::int
        from public.mail_outbox
        where status = 'failed' and coalesce(last_attempt_at, created_at) >= ${from}::timestamptz
          and coalesce(last_attempt_at, created_at) < ${to}::timestamptz
        group by 2`),
  );
  for (const row of counts) {
    const entry = at(row.day);
    if (!entry) continue;
    const n = Number(row.n);
    if (row.kind === "signup") entry.signups += n;
    else if (row.kind === "share") entry.publicShares += n;
    else if (row.kind === "sent") entry.mailSent += n;
    else entry.mailFailed += n;
  }

  const templates = rowsOf<{ day: string; template: string; n: number }>(
    await db.execute(sql`
      select ${utcDay("created_at")} as day, style_template_id::text as template, count(*)::int as n
      from public.images
      where style_template_id is not null
        and created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz
      group by 1, 2`),
  );
  for (const row of templates) {
    const entry = at(row.day);
    if (entry) entry.templates[row.template] = Number(row.n);
  }
  return [...days.values()];
}

export interface RollupReport {
  usageDaysRolledUp: number;
}

/**
 * Stores the rollup of every finished day from `first` (default: the first day with any
 * activity, at most ROLLUP_HORIZON_DAYS back) to yesterday that has none yet, at most `maxDays`
 * of them per run. Existing rows are never touched, so running it twice, or two instances
 * running it at once, changes nothing the second time.
 */
export async function rollUpUsage({
  db,
  now = Date.now(),
  first,
  maxDays = ROLLUP_HORIZON_DAYS,
}: {
  db: Database;
  now?: number;
  first?: string;
  maxDays?: number;
}): Promise<RollupReport> {
  const yesterday = addDays(dayOf(now), -1);
  const horizon = addDays(dayOf(now), -ROLLUP_HORIZON_DAYS);
  let start = first;
  if (!start) {
    const [row] = rowsOf<{ first: string | null }>(
      await db.execute(sql`
        select to_char(least(
          (select min(created_at) from public.usage_logs),
          (select min(created_at) from public.profiles)
        ) at time zone 'UTC', 'YYYY-MM-DD') as first`),
    );
    if (!row?.first) return { usageDaysRolledUp: 0 };
    start = row.first;
  }
  if (start < horizon) start = horizon;
  if (start > yesterday) return { usageDaysRolledUp: 0 };

  const stored = new Set(
    (
      await db
        .select({ day: usageDailyRollups.day })
        .from(usageDailyRollups)
        .where(and(gte(usageDailyRollups.day, start), lte(usageDailyRollups.day, yesterday)))
    ).map((row) => row.day),
  );
  const missing: string[] = [];
  for (let day = start; day <= yesterday && missing.length < maxDays; day = addDays(day, 1)) {
    if (!stored.has(day)) missing.push(day);
  }

  let rolledUp = 0;
  // Consecutive runs of missing days, at most CHUNK_DAYS per round of queries.
  for (let i = 0; i < missing.length;) {
    let j = i;
    while (
      j + 1 < missing.length &&
      j + 1 - i < CHUNK_DAYS &&
      missing[j + 1] === addDays(missing[j]!, 1)
    )
      j++;
    const computed = await computeDays(db, missing[i]!, missing[j]!);
    const inserted = await db
      .insert(usageDailyRollups)
      .values(
        computed.map((usage) => ({
          day: usage.day,
          generations: usage.generations,
          failures: usage.failures,
          failuresByCode: usage.failuresByCode,
          quotaHits: usage.quotaHits,
          activeUsers: usage.activeUsers,
          weeklyActiveUsers: usage.weeklyActiveUsers,
          signups: usage.signups,
          publicShares: usage.publicShares,
          templates: usage.templates,
          latencyBoundsMs: [...LATENCY_BOUNDS_MS],
          latencyBuckets: usage.latencyBuckets,
          latencySamples: usage.latencySamples,
          over15s: usage.over15s,
          mailSent: usage.mailSent,
          mailFailed: usage.mailFailed,
        })),
      )
      .onConflictDoNothing({ target: usageDailyRollups.day })
      .returning({ day: usageDailyRollups.day });
    rolledUp += inserted.length;
    i = j + 1;
  }
  return { usageDaysRolledUp: rolledUp };
}

/** Reads stored rollups of first..last (inclusive) back into DayUsage. */
export async function readRollups(db: Database, first: string, last: string): Promise<DayUsage[]> {
  const rows = await db
    .select()
    .from(usageDailyRollups)
    .where(and(gte(usageDailyRollups.day, first), lte(usageDailyRollups.day, last)));
  return rows.map((row) => ({
    day: row.day,
    generations: row.generations,
    failures: row.failures,
    failuresByCode: row.failuresByCode,
    quotaHits: row.quotaHits,
    activeUsers: row.activeUsers,
    weeklyActiveUsers: row.weeklyActiveUsers,
    signups: row.signups,
    publicShares: row.publicShares,
    templates: row.templates,
    latencyBuckets: rebucket(row.latencyBoundsMs, row.latencyBuckets),
    latencySamples: row.latencySamples,
    over15s: row.over15s,
    mailSent: row.mailSent,
    mailFailed: row.mailFailed,
  }));
}

/** Rows stored with other bounds (a later change of LATENCY_BOUNDS_MS) map onto today's buckets. */
function rebucket(bounds: number[], buckets: number[]): number[] {
  const same =
    bounds.length === LATENCY_BOUNDS_MS.length &&
    bounds.every((bound, i) => bound === LATENCY_BOUNDS_MS[i]);
  if (same) return buckets;
  const result = LATENCY_BOUNDS_MS.map(() => 0).concat(0);
  buckets.forEach((count, k) => {
    const lower = k === 0 ? 0 : (bounds[k - 1] ?? 0);
    const target = LATENCY_BOUNDS_MS.filter((bound) => bound <= lower).length;
    result[target] = (result[target] ?? 0) + count;
  });
  return result;
}

/** The q-quantile (0..1) of a histogram in ms, interpolated within its bucket; null when empty. */
export function histogramQuantile(buckets: number[], q: number): number | null {
  const total = buckets.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let k = 0; k < buckets.length; k++) {
    const n = buckets[k] ?? 0;
    if (n > 0 && seen + n >= rank) {
      const lower = k === 0 ? 0 : LATENCY_BOUNDS_MS[k - 1]!;
      const upper = LATENCY_BOUNDS_MS[k] ?? lower;
      return Math.round(lower + ((upper - lower) * Math.max(0, rank - seen)) / n);
    }
    seen += n;
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]!;
}

/**
 * Deletes usage_logs older than `keepDays` whose day is already rolled up, in batches of
 * `batch` rows (at most `maxBatches` per run; the next run goes on).
 */
export async function pruneRolledUpUsageLogs({
  db,
  now = Date.now(),
  keepDays = 30,
  batch = 5000,
  maxBatches = 40,
}: {
  db: Database;
  now?: number;
  keepDays?: number;
  batch?: number;
  maxBatches?: number;
}): Promise<number> {
  const cutoff = new Date(now - keepDays * DAY_MS).toISOString();
  let deleted = 0;
  for (let round = 0; round < maxBatches; round++) {
    const rows = rowsOf<{ id: string }>(
      await db.execute(sql`
        with doomed as materialized (
          select l.id from public.usage_logs l
          where l.created_at < ${cutoff}::timestamptz
            and exists (select 1 from public.usage_daily_rollups r
                        where r.day = (l.created_at at time zone 'UTC')::date)
          limit ${batch}
        )
        delete from public.usage_logs where id in (select id from doomed) returning id`),
    );
    deleted += rows.length;
    if (rows.length < batch) break;
  }
  return deleted;
}
