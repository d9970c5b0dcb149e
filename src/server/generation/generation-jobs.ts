import "server-only";
import { and, desc, eq, inArray, lt, notInArray, sql } from "drizzle-orm";
import type { ApiErrorBody } from "@/shared/api-errors";
import type { GenerationStage } from "@/shared/api-types";
import type { Database } from "@/server/db/database";
import { generationJobs, type GenerationJobStatus } from "@/server/db/schema";
import { AppError } from "@/server/http/app-error";
import { rowsOf } from "@/server/db/rows";
import { logger } from "@/server/observability/logger";
import { refundQuota } from "@/server/quotas/quota-service";

/**
 * Generation jobs (migration 20261206001400): the row a generation is from the moment it is
 * accepted, its event log, and the bookkeeping of the quota units it holds. The pipeline
 * itself is in generation-service.ts; this module owns the row's rules:
 *
 * - every unit the job spends is held (`quota_held`) until it is settled: by the transaction
 *   that stores its image (`settleStoredImage`) or by the one that gives it back
 *   (`refundHeldUnit`); both only act while the job is unfinished;
 * - a job is finished once (`finishJob`, `reapStaleJobs`: conditional on the status), and the
 *   reaper refunds what a dead job held in the same statement's transaction — exactly once.
 */

/** An unfinished job whose heartbeat is older than this is presumed dead. */
export const STALE_JOB_MS = 2 * 60 * 1000;
/** How often a running job says it is alive (well under STALE_JOB_MS). */
export const HEARTBEAT_MS = 20 * 1000;

const FINISHED: GenerationJobStatus[] = ["done", "failed"];
const RUNNING: GenerationJobStatus[] = ["queued", "generating", "storing"];

/** One image the job could not make, and why (already safe to show). */
export interface JobFailure {
  index: number;
  error: ApiErrorBody;
}

/** What the event log holds; image events name their image, read afresh when sent. */
export type JobEvent =
  | { type: "progress"; stage: GenerationStage; percent: number; index?: number }
  | { type: "image"; index: number; imageId: string }
  | { type: "done"; imageIds: string[]; failed: JobFailure[] }
  | { type: "error"; error: ApiErrorBody };

export type GenerationJobRow = typeof generationJobs.$inferSelect;

const STATUS_RANK: Record<GenerationJobStatus, number> = {
  queued: 0,
  generating: 1,
  storing: 2,
  done: 3,
  failed: 3,
};

/** Creates the job (inside the accepting transaction, with the units it spent). */
export async function insertJob(
  db: Database,
  values: {
    userId: string;
    action: string;
    count: number;
    request: Record<string, unknown>;
    quotaHeld: number;
    quotaDay: string | null;
    quotaMonth: string | null;
    failures: JobFailure[];
  },
): Promise<string> {
  const [row] = await db
    .insert(generationJobs)
    .values({ ...values })
    .returning({ id: generationJobs.id });
  if (!row) throw new Error("generation job insert returned no row");
  return row.id;
}

/**
 * Appends events to the log of an unfinished job (the heartbeat with them) and moves its status
 * forward (never back). Returns the id of the last event appended, or null when the job is
 * already finished (reaped): nothing is appended then.
 */
export async function appendJobEvents(
  db: Database,
  jobId: string,
  events: JobEvent[],
  status?: GenerationJobStatus,
): Promise<number | null> {
  const rank = status ? STATUS_RANK[status] : -1;
  const rows = await db
    .update(generationJobs)
    .set({
      events: sql`${generationJobs.events} || ${JSON.stringify(events)}::jsonb`,
      status: status
        ? sql`case when (case ${generationJobs.status} when 'queued' then 0 when 'generating' then 1 when 'storing' then 2 else 3 end) < ${rank} then ${status} else ${generationJobs.status} end`
        : undefined,
      heartbeatAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(generationJobs.id, jobId), notInArray(generationJobs.status, FINISHED)))
    .returning({ length: sql<number>`jsonb_array_length(${generationJobs.events})` });
  return rows[0] ? Number(rows[0].length) : null;
}

/** Says the job is alive; false once it is finished. */
export async function beatJob(db: Database, jobId: string): Promise<boolean> {
  const rows = await db
    .update(generationJobs)
    .set({ heartbeatAt: sql`now()` })
    .where(and(eq(generationJobs.id, jobId), notInArray(generationJobs.status, FINISHED)))
    .returning({ id: generationJobs.id });
  return rows.length > 0;
}

/**
 * In the transaction that writes an image row: its unit is spent for good and the image joins
 * the job. Throws when the job was finished meanwhile (reaped: its units were refunded), so
 * the transaction rolls back and no image exists that nobody paid for.
 */
export async function settleStoredImage(db: Database, jobId: string, imageId: string) {
  const rows = await db
    .update(generationJobs)
    .set({
      quotaHeld: sql`${generationJobs.quotaHeld} - 1`,
      imageIds: sql`array_append(${generationJobs.imageIds}, ${imageId}::uuid)`,
      heartbeatAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(generationJobs.id, jobId),
        notInArray(generationJobs.status, FINISHED),
        sql`${generationJobs.quotaHeld} > 0`,
      ),
    )
    .returning({ id: generationJobs.id });
  if (rows.length === 0) {
    throw new AppError(
      "INTERNAL_ERROR",
      "The generation stopped before this image was stored. Your quota was given back.",
    );
  }
}

/**
 * Gives back one unit of a failed image and records why it failed, in one transaction. Nothing
 * when the job is already finished (the reaper gave back everything it held).
 */
export async function refundHeldUnit(
  db: Database,
  jobId: string,
  failure: JobFailure,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(generationJobs)
      .set({
        quotaHeld: sql`${generationJobs.quotaHeld} - 1`,
        failures: sql`${generationJobs.failures} || ${JSON.stringify([failure])}::jsonb`,
        heartbeatAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(generationJobs.id, jobId),
          notInArray(generationJobs.status, FINISHED),
          sql`${generationJobs.quotaHeld} > 0`,
        ),
      )
      .returning({
        userId: generationJobs.userId,
        day: generationJobs.quotaDay,
        month: generationJobs.quotaMonth,
      });
    const row = rows[0];
    if (!row || !row.day || !row.month) return false;
    await refundQuota({ db: tx, ticket: { userId: row.userId, day: row.day, month: row.month } });
    return true;
  });
}

/**
 * Finishes the job with its final event: done when any image was stored, else failed with the
 * first failure's error. Returns the final event's id, or null when it was finished already.
 */
export async function finishJob(
  db: Database,
  jobId: string,
  outcome: { imageIds: string[]; failed: JobFailure[] },
): Promise<number | null> {
  const done = outcome.imageIds.length > 0;
  const firstError = outcome.failed[0]?.error ?? {
    code: "INTERNAL_ERROR" as const,
    message: "The generation failed.",
  };
  const event: JobEvent = done
    ? { type: "done", imageIds: outcome.imageIds, failed: outcome.failed }
    : { type: "error", error: firstError };
  const rows = await db
    .update(generationJobs)
    .set({
      status: done ? "done" : "failed",
      error: done ? null : firstError,
      // In the batch's order (they were stored in the order they finished).
      imageIds: outcome.imageIds,
      failures: outcome.failed,
      events: sql`${generationJobs.events} || ${JSON.stringify([event])}::jsonb`,
      finishedAt: sql`now()`,
      heartbeatAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(generationJobs.id, jobId), notInArray(generationJobs.status, FINISHED)))
    .returning({ length: sql<number>`jsonb_array_length(${generationJobs.events})` });
  return rows[0] ? Number(rows[0].length) : null;
}

const INTERRUPTED: ApiErrorBody = {
  code: "INTERNAL_ERROR",
  message: "The generation stopped before it finished. Your quota was given back.",
};

/**
 * Fails jobs whose process died (no heartbeat for `staleMs`) and refunds the units they held.
 * Each job is taken by one conditional UPDATE (unfinished, still stale) that zeroes what it
 * held and returns the old amount — Postgres evaluates SET against the old row — and the
 * refund runs in the same transaction: two reapers racing refund once. Images a dead job had
 * stored stay, and make it `done`. Returns how many jobs were reaped.
 */
export async function reapStaleJobs({
  db,
  now = Date.now(),
  staleMs = STALE_JOB_MS,
  limit = 50,
}: {
  db: Database;
  now?: number;
  staleMs?: number;
  limit?: number;
}): Promise<number> {
  const cutoff = new Date(now - staleMs);
  const candidates = await db
    .select({ id: generationJobs.id })
    .from(generationJobs)
    .where(and(inArray(generationJobs.status, RUNNING), lt(generationJobs.heartbeatAt, cutoff)))
    .orderBy(generationJobs.heartbeatAt)
    .limit(limit);
  let reaped = 0;
  for (const { id } of candidates) {
    try {
      if (await reapJob(db, id, cutoff)) reaped++;
    } catch (error) {
      logger.error("generation job reap failed", { jobId: id, error });
    }
  }
  return reaped;
}

async function reapJob(db: Database, id: string, cutoff: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    // The CTE locks the row and keeps its old values: a second reaper waits, then finds the
    // job finished and takes nothing.
    const taken = rowsOf<{
      held: number;
      user_id: string;
      quota_day: string | null;
      quota_month: string | null;
      image_ids: string[];
      failures: JobFailure[];
    }>(
      await tx.execute(sql`
        with old as (
          select id, quota_held from public.generation_jobs
          where id = ${id} and status in ('queued', 'generating', 'storing')
            and heartbeat_at < ${cutoff.toISOString()}::timestamptz
          for update
        )
        update public.generation_jobs j
        set quota_held = 0, status = 'failed', finished_at = now(), updated_at = now()
        from old where j.id = old.id
        returning old.quota_held as held, j.user_id, j.quota_day::text as quota_day,
          j.quota_month::text as quota_month, to_jsonb(j.image_ids) as image_ids, j.failures
      `),
    );
    const row = taken[0];
    if (!row) return false;
    const held = Number(row.held);
    const failed: JobFailure[] = [
      ...(row.failures ?? []),
      ...Array.from({ length: held }, () => ({ index: -1, error: INTERRUPTED })),
    ];
    const imageIds = row.image_ids ?? [];
    const done = imageIds.length > 0;
    const event: JobEvent = done
      ? { type: "done", imageIds, failed }
      : { type: "error", error: INTERRUPTED };
    await tx
      .update(generationJobs)
      .set({
        status: done ? "done" : "failed",
        error: done ? null : INTERRUPTED,
        failures: failed,
        events: sql`${generationJobs.events} || ${JSON.stringify([event])}::jsonb`,
      })
      .where(eq(generationJobs.id, id));
    if (row.quota_day && row.quota_month) {
      const ticket = { userId: row.user_id, day: row.quota_day, month: row.quota_month };
      for (let unit = 0; unit < held; unit++) await refundQuota({ db: tx, ticket });
    }
    return true;
  });
}

/** The caller's own job, or null (someone else's is as unknown as a missing one). */
export async function loadOwnJob(
  db: Database,
  { userId, id }: { userId: string; id: string },
): Promise<GenerationJobRow | null> {
  const [row] = await db
    .select()
    .from(generationJobs)
    .where(and(eq(generationJobs.id, id), eq(generationJobs.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** The caller's latest jobs, newest first. */
export async function listOwnJobs(
  db: Database,
  { userId, limit }: { userId: string; limit: number },
): Promise<GenerationJobRow[]> {
  return db
    .select()
    .from(generationJobs)
    .where(eq(generationJobs.userId, userId))
    .orderBy(desc(generationJobs.createdAt))
    .limit(limit);
}

export function isFinished(status: GenerationJobStatus): boolean {
  return FINISHED.includes(status);
}
