import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Quota } from "@/shared/api-types";
import type { Database } from "@/server/db/database";
import { rowsOf } from "@/server/db/rows";
import { quotaCounters } from "@/server/db/schema";

export interface QuotaLimits {
  /** null: unlimited (admins) */
  daily: number | null;
  monthly: number | null;
}

export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function utcMonthStart(time: number): string {
  return `${new Date(time).toISOString().slice(0, 7)}-01`;
}

export function nextUtcMidnight(time: number): Date {
  const date = new Date(time);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1));
}

/** The user's quota as of `now`; counters from an earlier day or month read as zero (lazy reset). */
export async function readQuota({
  db,
  userId,
  limits,
  now = Date.now(),
}: {
  db: Database;
  userId: string;
  limits: QuotaLimits;
  now?: number;
}): Promise<Quota> {
  const [row] = await db
    .select()
    .from(quotaCounters)
    .where(eq(quotaCounters.userId, userId))
    .limit(1);
  const usedToday = row && row.dayStart === utcDay(now) ? row.dayUsed : 0;
  const usedThisMonth = row && row.monthStart === utcMonthStart(now) ? row.monthUsed : 0;
  return {
    dailyLimit: limits.daily,
    usedToday,
    remainingToday: limits.daily === null ? null : Math.max(0, limits.daily - usedToday),
    monthlyLimit: limits.monthly,
    usedThisMonth,
    resetsAt: nextUtcMidnight(now).toISOString(),
  };
}

export interface QuotaTicket {
  userId: string;
  day: string;
  month: string;
}

/**
 * Spends one generation with a single atomic statement: the row is locked by the upsert and
 * the limits are checked against its latest version, so concurrent callers can never
 * overspend. A counter from an earlier day or month restarts at 1 (lazy reset).
 * Returns null when a limit is used up.
 */
export async function consumeQuota({
  db,
  userId,
  limits,
  now = Date.now(),
}: {
  db: Database;
  userId: string;
  limits: QuotaLimits;
  now?: number;
}): Promise<QuotaTicket | null> {
  if (
    (limits.daily !== null && limits.daily < 1) ||
    (limits.monthly !== null && limits.monthly < 1)
  )
    return null;
  const day = utcDay(now);
  const month = utcMonthStart(now);
  const daily = limits.daily ?? 2_147_483_647;
  const monthly = limits.monthly ?? 2_147_483_647;
  const rows = await db.execute<{ day_used: number }>(sql`
    insert into public.quota_counters as q (user_id, day_start, day_used, month_start, month_used)
    values (${userId}, ${day}::date, 1, ${month}::date, 1)
    on conflict (user_id) do update set
      day_used = case when q.day_start = excluded.day_start then q.day_used + 1 else 1 end,
      day_start = excluded.day_start,
      month_used = case when q.month_start = excluded.month_start then q.month_used + 1 else 1 end,
      month_start = excluded.month_start,
      updated_at = now()
    where (q.day_start <> excluded.day_start or q.day_used < ${daily})
      and (q.month_start <> excluded.month_start or q.month_used < ${monthly})
    returning q.day_used
  `);
  return rowsOf(rows).length > 0 ? { userId, day, month } : null;
}

/** Gives back what a ticket spent, in the day and month it was spent in (never below zero). */
export async function refundQuota({
  db,
  ticket,
}: {
  db: Database;
  ticket: QuotaTicket;
}): Promise<void> {
  await db.execute(sql`
    update public.quota_counters set
      day_used = case when day_start = ${ticket.day}::date then greatest(day_used - 1, 0) else day_used end,
      month_used = case when month_start = ${ticket.month}::date then greatest(month_used - 1, 0) else month_used end,
      updated_at = now()
    where user_id = ${ticket.userId}
  `);
}

/** Deletes counters whose day and month are both over; they read as zero anyway. Idempotent. */
export async function tidyQuotaCounters({
  db,
  now = Date.now(),
}: {
  db: Database;
  now?: number;
}): Promise<number> {
  const rows = await db.execute<{ user_id: string }>(sql`
    delete from public.quota_counters where month_start < ${utcMonthStart(now)}::date returning user_id
  `);
  return rowsOf(rows).length;
}
