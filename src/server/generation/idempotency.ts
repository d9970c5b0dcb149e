import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { idempotencyRecords } from "@/server/db/schema";
import { AppError } from "@/server/http/app-error";

const RECORD_TTL_MS = 24 * 60 * 60 * 1000;
// Longer than the longest generation (provider retries + processing): past it, the owner is presumed dead.
const LOCK_MS = 5 * 60 * 1000;

export type IdempotencyClaim =
  | {
      kind: "owner";
      /** Stores the result; repeats from now on receive it. */
      complete(result: { status: number; body: unknown; imageId: string | null }): Promise<void>;
      /** Forgets the key after a failure: nothing was stored or charged, so a retry may run again. */
      release(): Promise<void>;
    }
  | { kind: "replay"; status: number; body: unknown; imageId: string | null };

/**
 * Claims (user, key) for one request. The first caller becomes the owner; concurrent repeats
 * wait for its result; later repeats get the stored result. A key reused with a different
 * request is a CONFLICT.
 */
export async function claimIdempotencyKey({
  db,
  userId,
  key,
  requestHash,
  waitMs = LOCK_MS,
  pollMs = 200,
  now = () => Date.now(),
}: {
  db: Database;
  userId: string;
  key: string;
  requestHash: string;
  waitMs?: number;
  pollMs?: number;
  now?: () => number;
}): Promise<IdempotencyClaim> {
  const started = now();
  const where = and(eq(idempotencyRecords.userId, userId), eq(idempotencyRecords.key, key));
  const owner = (): IdempotencyClaim => ({
    kind: "owner",
    async complete({ status, body, imageId }) {
      await db
        .update(idempotencyRecords)
        .set({ status: "completed", responseStatus: status, responseBody: body, imageId })
        .where(where);
    },
    async release() {
      await db.delete(idempotencyRecords).where(where);
    },
  });

  for (;;) {
    const inserted = await db
      .insert(idempotencyRecords)
      .values({
        userId,
        key,
        requestHash,
        status: "pending",
        lockedUntil: new Date(now() + LOCK_MS),
        expiresAt: new Date(now() + RECORD_TTL_MS),
      })
      .onConflictDoNothing()
      .returning({ key: idempotencyRecords.key });
    if (inserted.length > 0) return owner();

    const [record] = await db.select().from(idempotencyRecords).where(where).limit(1);
    if (!record) continue; // released between our insert and select: try again
    if (record.expiresAt.getTime() <= now()) {
      await db
        .delete(idempotencyRecords)
        .where(and(where, lt(idempotencyRecords.expiresAt, new Date(now()))));
      continue;
    }
    if (record.requestHash !== requestHash) {
      throw new AppError(
        "CONFLICT",
        "This Idempotency-Key was already used for a different request.",
      );
    }
    if (record.status === "completed") {
      return {
        kind: "replay",
        status: record.responseStatus ?? 200,
        body: record.responseBody,
        imageId: record.imageId,
      };
    }
    if (record.lockedUntil.getTime() <= now()) {
      const taken = await db
        .update(idempotencyRecords)
        .set({ lockedUntil: new Date(now() + LOCK_MS) })
        .where(
          and(
            where,
            eq(idempotencyRecords.status, "pending"),
            lt(idempotencyRecords.lockedUntil, new Date(now())),
          ),
        )
        .returning({ key: idempotencyRecords.key });
      if (taken.length > 0) return owner();
      continue;
    }
    if (now() - started > waitMs) {
      throw new AppError(
        "CONFLICT",
        "A request with this Idempotency-Key is still in progress. Try again shortly.",
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Deletes expired records. Idempotent. */
export async function deleteExpiredIdempotencyRecords({ db }: { db: Database }): Promise<number> {
  const rows = await db
    .delete(idempotencyRecords)
    .where(lt(idempotencyRecords.expiresAt, sql`now()`))
    .returning({ key: idempotencyRecords.key });
  return rows.length;
}
