import "server-only";
import { asc, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { pendingFileRemovals } from "@/server/db/schema";
import { logger } from "@/server/observability/logger";
import type { ObjectStorePort } from "./object-store-port";

/**
 * Files that must go unless an image row claims them, so that no file outlives its row.
 *
 * - Deleting: the transaction that drops the row records its files (queueFileRemovals), then
 *   removeQueuedFiles removes them and clears the record once the store confirms.
 * - Generating: the files are recorded before they are written, with a grace period; the
 *   transaction that inserts the row claims them (claimQueuedFiles). A generation that fails
 *   removes them at once; one whose process dies leaves the record for the cron.
 *
 * Whatever was not confirmed (an outage, a timeout, a crash) is retried by the daily cron
 * (retryPendingFileRemovals) once it is due.
 */
export async function queueFileRemovals(
  db: Database,
  keys: string[],
  reason: string,
  { graceMs = 0 }: { graceMs?: number } = {},
) {
  if (keys.length === 0) return;
  const removeAfter = new Date(Date.now() + graceMs);
  await db
    .insert(pendingFileRemovals)
    .values(keys.map((key) => ({ key, reason, removeAfter })))
    .onConflictDoNothing();
}

/** An image row now owns these files: they are no longer to be removed. */
export async function claimQueuedFiles(db: Database, keys: string[]) {
  if (keys.length === 0) return;
  await db.delete(pendingFileRemovals).where(inArray(pendingFileRemovals.key, keys));
}

/** Removes the files now; true when the store confirmed, false when they stay queued. */
export async function removeQueuedFiles({
  db,
  objectStore,
  keys,
}: {
  db: Database;
  objectStore: ObjectStorePort;
  keys: string[];
}): Promise<boolean> {
  if (keys.length === 0) return true;
  try {
    await objectStore.remove(keys);
  } catch (error) {
    logger.error("files not removed yet; kept for the daily retry", { count: keys.length, error });
    await db
      .update(pendingFileRemovals)
      .set({
        attempts: sql`${pendingFileRemovals.attempts} + 1`,
        lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
        lastAttemptAt: new Date(),
        // Whatever grace they had is over: nothing will claim them now.
        removeAfter: new Date(),
      })
      .where(inArray(pendingFileRemovals.key, keys))
      .catch((updateError: unknown) =>
        logger.error("could not record a failed file removal", { error: updateError }),
      );
    return false;
  }
  await claimQueuedFiles(db, keys);
  return true;
}

export interface FileRemovalReport {
  filesRemoved: number;
  fileRemovalsPending: number;
}

/** The daily retry: the files that are due, oldest first, in batches. */
export async function retryPendingFileRemovals({
  db,
  objectStore,
  now = Date.now(),
  batchSize = 100,
  maxBatches = 50,
}: {
  db: Database;
  objectStore: ObjectStorePort;
  now?: number;
  batchSize?: number;
  maxBatches?: number;
}): Promise<FileRemovalReport> {
  let filesRemoved = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    // A removed batch leaves the table, so each round reads the next due ones.
    const rows = await db
      .select({ key: pendingFileRemovals.key })
      .from(pendingFileRemovals)
      .where(lte(pendingFileRemovals.removeAfter, new Date(now)))
      .orderBy(asc(pendingFileRemovals.removeAfter), asc(pendingFileRemovals.key))
      .limit(batchSize);
    const keys = rows.map((row) => row.key);
    if (keys.length === 0) break;
    // The store is failing: try again tomorrow rather than hammer it.
    if (!(await removeQueuedFiles({ db, objectStore, keys }))) break;
    filesRemoved += keys.length;
  }
  const [pending] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(pendingFileRemovals);
  return { filesRemoved, fileRemovalsPending: pending?.count ?? 0 };
}
