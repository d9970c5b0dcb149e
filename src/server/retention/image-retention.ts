import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import { writeAudit } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import { auditLogs, images, profiles } from "@/server/db/schema";
import { allFileKeysOf } from "@/server/images/image-files";
import type { MailService } from "@/server/mail/mail-service";
import { queueFileRemovals, removeQueuedFiles } from "@/server/storage/file-removals";
import type { ObjectStorePort } from "@/server/storage/object-store-port";
import type { RetentionOverview } from "@/shared/retention";

export type { RetentionImage, RetentionOverview } from "@/shared/retention";

const DAY = 24 * 60 * 60 * 1000;
/** The owner is told this long before an image goes. */
export const RETENTION_NOTICE_DAYS = 7;
/**
 * A warning older than this no longer counts (the image was exempt for a while, e.g. a favorite
 * again, or retention was off): it is warned afresh before it can go. Three weeks of missed
 * runs still prune on the first run back.
 */
const WARNING_VALID_DAYS = 30;
/** Each run stops starting new batches after this long (Vercel Hobby's limit is 300 s). */
const TIME_BUDGET_MS = 60_000;

/**
 * Private images under the retention policy: not public, not a favorite, not kept by the
 * owner and in no collection. Everything else is never touched.
 */
export function underRetention(): SQL {
  return sql`(not ${images.isPublic} and not ${images.favorite} and ${images.keptAt} is null
    and not exists (select 1 from public.collection_images ci where ci.image_id = ${images.id}))`;
}

/** When an image goes: N days after it was made, and never sooner than a week after the notice. */
export function dueAtOf(
  row: { createdAt: Date; retentionWarnedAt: Date | null },
  days: number,
  now: number,
): Date {
  const byAge = row.createdAt.getTime() + days * DAY;
  const warned = row.retentionWarnedAt?.getTime();
  const byNotice =
    warned !== undefined && warned > now - WARNING_VALID_DAYS * DAY
      ? warned + RETENTION_NOTICE_DAYS * DAY
      : now + RETENTION_NOTICE_DAYS * DAY;
  return new Date(Math.max(byAge, byNotice));
}

export interface RetentionReport {
  retentionNoticesSent: number;
  retentionImagesWarned: number;
  retentionImagesDeleted: number;
}

export interface RetentionDeps {
  db: Database;
  objectStore: ObjectStorePort;
  mail: Pick<MailService, "enqueue" | "context">;
}

/**
 * The daily retention run (src/server/operations/daily-jobs.ts). With `days` null nothing
 * happens. Otherwise:
 *  1. Images that reach day N−7 (or later, after a missed run or when retention was just
 *     turned on) and were not warned are marked warned; each owner gets one mail listing them.
 *  2. Images past day N whose warning is at least seven days old (and still valid) are deleted
 *     with their files, in batches: the rows, the files' removal record and an audit entry in
 *     one transaction, then the files through the removal queue (retried by the cron).
 * Safe to run twice: a warned image is not warned again, a deleted one is gone.
 */
export async function runImageRetention(
  deps: RetentionDeps,
  {
    days,
    now = Date.now(),
    batchSize = 200,
    maxBatches = 100,
  }: { days: number | null; now?: number; batchSize?: number; maxBatches?: number },
): Promise<RetentionReport> {
  const report: RetentionReport = {
    retentionNoticesSent: 0,
    retentionImagesWarned: 0,
    retentionImagesDeleted: 0,
  };
  if (days === null) return report;
  const started = Date.now();
  const inBudget = () => Date.now() - started < TIME_BUDGET_MS;
  const { db } = deps;
  const nowDate = new Date(now);
  const warnBefore = new Date(now - (days - RETENTION_NOTICE_DAYS) * DAY);
  const staleWarning = new Date(now - WARNING_VALID_DAYS * DAY);
  const needsWarning = and(
    underRetention(),
    lte(images.createdAt, warnBefore),
    sql`(${images.retentionWarnedAt} is null or ${images.retentionWarnedAt} <= ${staleWarning.toISOString()}::timestamptz)`,
  );

  // 1. Notices, one owner at a time: their images are marked and their mail queued together.
  for (let batch = 0; batch < maxBatches && inBudget(); batch++) {
    const owners = await db
      .selectDistinct({ userId: images.userId })
      .from(images)
      .where(needsWarning)
      .limit(20);
    if (owners.length === 0) break;
    for (const { userId } of owners) {
      const warned = await db.transaction(async (tx) => {
        const rows = await tx
          .update(images)
          .set({ retentionWarnedAt: nowDate })
          .where(and(eq(images.userId, userId), needsWarning))
          .returning({ id: images.id, prompt: images.prompt, createdAt: images.createdAt });
        if (rows.length === 0) return 0;
        const [profile] = await tx
          .select({ email: profiles.email })
          .from(profiles)
          .where(eq(profiles.id, userId));
        if (profile) {
          rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
          const first = dueAtOf(
            { createdAt: rows[0]!.createdAt, retentionWarnedAt: nowDate },
            days,
            now,
          );
          await deps.mail.enqueue(tx, {
            kind: "retention-notice",
            to: profile.email,
            userId,
            dedupeKey: `retention-notice:${userId}:${nowDate.toISOString()}`,
            data: {
              imageCount: rows.length,
              dueAt: first.toISOString(),
              retentionDays: days,
              prompts: rows.slice(0, 5).map((row) => row.prompt.slice(0, 120)),
              keepUrl: `${deps.mail.context.appUrl}/settings#retention`,
            },
          });
          report.retentionNoticesSent += 1;
        }
        return rows.length;
      });
      report.retentionImagesWarned += warned;
    }
  }

  // 2. Removal of what is due, oldest first.
  const due = and(
    underRetention(),
    lte(images.createdAt, new Date(now - days * DAY)),
    lte(images.retentionWarnedAt, new Date(now - RETENTION_NOTICE_DAYS * DAY)),
    sql`${images.retentionWarnedAt} > ${staleWarning.toISOString()}::timestamptz`,
  );
  for (let batch = 0; batch < maxBatches && inBudget(); batch++) {
    const { keys, count } = await db.transaction(async (tx) => {
      const ids = await tx
        .select({ id: images.id })
        .from(images)
        .where(due)
        .orderBy(asc(images.createdAt), asc(images.id))
        .limit(batchSize);
      if (ids.length === 0) return { keys: [], count: 0 };
      // The condition again: an image made a favorite or kept meanwhile stays.
      const rows = await tx
        .delete(images)
        .where(
          and(
            inArray(
              images.id,
              ids.map((row) => row.id),
            ),
            due,
          ),
        )
        .returning();
      const fileKeys = rows.flatMap((row) => allFileKeysOf(row));
      await queueFileRemovals(tx, fileKeys, "retention");
      if (rows.length > 0)
        await writeAudit(
          tx,
          {
            action: "image.retention_delete",
            actorId: null,
            targetType: "images",
            targetId: rows
              .map((row) => row.id)
              .join(",")
              .slice(0, 2000),
            metadata: { count: rows.length, retentionDays: days },
          },
          { requestId: `retention-${nowDate.toISOString()}`, meta: { ip: null, userAgent: null } },
        );
      return { keys: fileKeys, count: rows.length };
    });
    if (count === 0) break;
    report.retentionImagesDeleted += count;
    await removeQueuedFiles({ db, objectStore: deps.objectStore, keys });
  }
  return report;
}

/**
 * Audit log entries older than `days` go, oldest first, in batches (the daily cron; the
 * operator sets auditRetentionDays). Safe to run twice.
 */
export async function pruneAuditLog({
  db,
  days,
  now = Date.now(),
  batchSize = 1000,
  maxBatches = 100,
}: {
  db: Database;
  days: number | null;
  now?: number;
  batchSize?: number;
  maxBatches?: number;
}): Promise<number> {
  if (days === null) return 0;
  const before = new Date(now - days * DAY);
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const rows = await db
      .delete(auditLogs)
      .where(
        inArray(
          auditLogs.id,
          db
            .select({ id: auditLogs.id })
            .from(auditLogs)
            .where(lte(auditLogs.createdAt, before))
            .orderBy(asc(auditLogs.createdAt))
            .limit(batchSize),
        ),
      )
      .returning({ id: auditLogs.id });
    deleted += rows.length;
    if (rows.length < batchSize) break;
  }
  return deleted;
}

/**
 * The owner keeps images: exempt from retention for good, until they un-keep them. `ids` null
 * is "Keep all": every image the owner was warned about (what GET /retention lists).
 */
export async function keepImages({
  db,
  userId,
  ids,
  now = Date.now(),
}: {
  db: Database;
  userId: string;
  ids: string[] | null;
  now?: number;
}): Promise<string[]> {
  if (ids !== null && ids.length === 0) return [];
  const rows = await db
    .update(images)
    .set({ keptAt: new Date(now) })
    .where(
      and(
        eq(images.userId, userId),
        isNull(images.keptAt),
        ids === null
          ? and(underRetention(), isNotNull(images.retentionWarnedAt))
          : inArray(images.id, ids),
      ),
    )
    .returning({ id: images.id });
  return rows.map((row) => row.id);
}

/** Whether the image is the owner's (kept or not): anyone else's, or none, is 404. */
export async function ownsImage(db: Database, userId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: images.id })
    .from(images)
    .where(and(eq(images.id, id), eq(images.userId, userId)));
  return Boolean(row);
}

/** GET /api/v1/retention: what of the owner's will go and when (at most 200, soonest first). */
export async function retentionOverview({
  db,
  userId,
  days,
  now = Date.now(),
}: {
  db: Database;
  userId: string;
  days: number | null;
  now?: number;
}): Promise<RetentionOverview> {
  const [kept] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(images)
    .where(and(eq(images.userId, userId), isNotNull(images.keptAt)));
  const keptCount = kept?.count ?? 0;
  if (days === null)
    return { retentionDays: null, noticeDays: RETENTION_NOTICE_DAYS, images: [], keptCount };
  const rows = await db
    .select({
      id: images.id,
      prompt: images.prompt,
      createdAt: images.createdAt,
      retentionWarnedAt: images.retentionWarnedAt,
    })
    .from(images)
    .where(and(eq(images.userId, userId), underRetention(), isNotNull(images.retentionWarnedAt)))
    .orderBy(asc(images.createdAt), asc(images.id))
    .limit(200);
  return {
    retentionDays: days,
    noticeDays: RETENTION_NOTICE_DAYS,
    keptCount,
    images: rows.map((row) => ({
      id: row.id,
      prompt: row.prompt,
      createdAt: row.createdAt.toISOString(),
      dueAt: dueAtOf(row, days, now).toISOString(),
      thumbnailUrl: `/api/v1/images/${row.id}/files/300`,
    })),
  };
}

/** Un-keeping puts an image back under the policy, with a fresh week's notice before it goes. */
export async function unkeepImages({
  db,
  userId,
  ids,
}: {
  db: Database;
  userId: string;
  ids: string[];
}): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(images)
    .set({ keptAt: null, retentionWarnedAt: null })
    .where(and(eq(images.userId, userId), inArray(images.id, ids)))
    .returning({ id: images.id });
  return rows.map((row) => row.id);
}
