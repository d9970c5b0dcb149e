import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { AdminStats } from "@/shared/admin-stats";
import type { Database } from "@/server/db/database";
import { rowsOf } from "@/server/db/rows";
import { styleTemplates } from "@/server/db/schema";
import { measureStorage } from "@/server/storage-budget/storage-budget";
import {
  addDays,
  computeDays,
  dayOf,
  histogramQuantile,
  LATENCY_BOUNDS_MS,
  readRollups,
  rollUpUsage,
  type DayUsage,
} from "@/server/usage/usage-rollups";

export interface AdminStatsService {
  /** The last `days` UTC days, today included (today live, earlier days from the rollups). */
  get(input: { days: number }): Promise<AdminStats>;
}

const TOP_TEMPLATES = 5;

export function createAdminStatsService({
  db,
  databaseKind,
  storageLimits,
  now = () => Date.now(),
}: {
  db: Database;
  databaseKind: "pglite" | "postgres";
  storageLimits: { filesBytes: number; databaseBytes: number };
  now?: () => number;
}): AdminStatsService {
  return {
    async get({ days }) {
      const at = now();
      const today = dayOf(at);
      const first = addDays(today, -(days - 1));
      const yesterday = addDays(today, -1);
      // Days asked for and not rolled up yet (a missed cron, a new studio) are rolled up now.
      if (first <= yesterday) await rollUpUsage({ db, now: at, first });
      const stored =
        first <= yesterday ? await readRollups(db, first, yesterday) : ([] as DayUsage[]);
      const byDay = new Map(stored.map((usage) => [usage.day, usage]));
      for (const usage of await computeDays(db, today, today)) byDay.set(usage.day, usage);

      const series: DayUsage[] = [];
      for (let day = first; day <= today; day = addDays(day, 1)) {
        series.push(byDay.get(day) ?? (await computeDays(db, day, day))[0]!);
      }

      const buckets = LATENCY_BOUNDS_MS.map(() => 0).concat(0);
      const failuresByCode: Record<string, number> = {};
      const templateCounts: Record<string, number> = {};
      let samples = 0;
      let slow = 0;
      for (const usage of series) {
        usage.latencyBuckets.forEach((n, k) => (buckets[k] = (buckets[k] ?? 0) + n));
        samples += usage.latencySamples;
        slow += usage.over15s;
        for (const [code, n] of Object.entries(usage.failuresByCode))
          failuresByCode[code] = (failuresByCode[code] ?? 0) + n;
        for (const [id, n] of Object.entries(usage.templates))
          templateCounts[id] = (templateCounts[id] ?? 0) + n;
      }
      const top = Object.entries(templateCounts)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, TOP_TEMPLATES);
      const names = new Map(
        top.length === 0
          ? []
          : (
              await db
                .select({ id: styleTemplates.id, name: styleTemplates.name })
                .from(styleTemplates)
                .where(
                  inArray(
                    styleTemplates.id,
                    top.map(([id]) => id),
                  ),
                )
            ).map((row) => [row.id, row.name]),
      );
      const sum = (pick: (usage: DayUsage) => number) =>
        series.reduce((total, usage) => total + pick(usage), 0);

      const [downloads] = rowsOf<{ total: string | number | null }>(
        await db.execute(
          sql`select coalesce(sum(download_count), 0)::text as total from public.images`,
        ),
      );
      const storedNow = await measureStorage(db, storageLimits);

      return {
        days: series.map((usage) => ({
          date: usage.day,
          generations: usage.generations,
          failures: usage.failures,
          activeUsers: usage.activeUsers,
          signups: usage.signups,
          weeklyActiveUsers: usage.weeklyActiveUsers,
          quotaHits: usage.quotaHits,
          publicShares: usage.publicShares,
          failuresByCode: usage.failuresByCode,
          mailSent: usage.mailSent,
          mailFailed: usage.mailFailed,
          p50Ms: histogramQuantile(usage.latencyBuckets, 0.5),
          p95Ms: histogramQuantile(usage.latencyBuckets, 0.95),
        })),
        storage: { ...storedNow, databaseKind },
        latency: {
          p50Ms: histogramQuantile(buckets, 0.5),
          p95Ms: histogramQuantile(buckets, 0.95),
          samples,
          over15sShare: samples === 0 ? null : slow / samples,
        },
        totals: {
          generations: sum((usage) => usage.generations),
          failures: sum((usage) => usage.failures),
          signups: sum((usage) => usage.signups),
          quotaHits: sum((usage) => usage.quotaHits),
          publicShares: sum((usage) => usage.publicShares),
          downloads: Number(downloads?.total ?? 0),
        },
        failuresByCode,
        over15sShare: samples === 0 ? null : slow / samples,
        weeklyActiveUsers: series[series.length - 1]?.weeklyActiveUsers ?? 0,
        topTemplates: top.map(([id, generations]) => ({
          templateId: id,
          name: names.get(id) ?? "Removed template",
          generations,
        })),
        quotaHits: sum((usage) => usage.quotaHits),
        mail: { sent: sum((usage) => usage.mailSent), failed: sum((usage) => usage.mailFailed) },
      };
    },
  };
}
