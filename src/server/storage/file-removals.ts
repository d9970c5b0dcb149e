import "server-only";
import { asc, inArray, sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { pendingFileRemovals } from "@/server/db/schema";
import { logger } from "@/server/observability/logger";
import type { ObjectStorePort } from "./object-store-port";

/**
 * Removing an image's files, without ever leaving one behind. The delete that drops the row
 * records the file keys in the same transaction (queueFileRemovals); removeQueuedFiles then
 * removes them and clears the record only once the store confirms. Whatever failed (an outage,
 * a timeout, a crash in between) stays recorded and retryPendingFileRemovals, run daily,
 * finishes it.
 */
export async function queueFileRemovals(db: Database, keys: string[], reason: string) {
  if (keys.length === 0) return;
  await db
    .insert(pendingFileRemovals)
    .values(keys.map((key) => ({ key, reason })))
    .onConflictDoNothing();
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
      })
      .where(inArray(pendingFileRemovals.key, keys))
      .catch((updateError: unknown) =>
        logger.error("could not record a failed file removal", { error: updateError }),
      );
    return false;
  }
  await db.delete(pendingFileRemovals).where(inArray(pendingFileRemovals.key, keys));
  return true;
}

export interface FileRemovalReport {
  filesRemoved: number;
  fileRemovalsPending: number;
}

/** The daily retry: the oldest queued files first, in batches. */
export async function retryPendingFileRemovals({
  db,
  objectStore,
  batchSize = 100,
  maxBatches = 50,
}: {
  db: Database;
  objectStore: ObjectStorePort;
  batchSize?: number;
  maxBatches?: number;
}): Promise<FileRemovalReport> {
  let filesRemoved = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    // A removed batch leaves the table, so each round reads the next oldest.
    const rows = await db
      .select({ key: pendingFileRemovals.key })
      .from(pendingFileRemovals)
      .orderBy(asc(pendingFileRemovals.createdAt), asc(pendingFileRemovals.key))
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
