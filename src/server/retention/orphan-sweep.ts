import "server-only";
import { asc, gt, isNotNull } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { accountExports, images, pendingFileRemovals, styleTemplates } from "@/server/db/schema";
import { allFileKeysOf } from "@/server/images/image-files";
import type { ObjectStorePort } from "@/server/storage/object-store-port";

export interface SweepReport {
  /** Files in the store. */
  listed: number;
  /** Files no row owns (and that the removal queue does not already hold). */
  orphans: string[];
  /** How many were removed (0 on a dry run). */
  removed: number;
}

/** Every key a row owns: images' files, template previews, export parts; and the queued ones. */
async function ownedKeys(db: Database): Promise<Set<string>> {
  const owned = new Set<string>();
  // Images in keyset pages, so a large studio is not read in one answer.
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db
      .select({
        id: images.id,
        storageKey: images.storageKey,
        thumbnailSizes: images.thumbnailSizes,
      })
      .from(images)
      .where(gt(images.id, after))
      .orderBy(asc(images.id))
      .limit(5000);
    for (const row of rows) for (const key of allFileKeysOf(row)) owned.add(key);
    if (rows.length < 5000) break;
    after = rows[rows.length - 1]!.id;
  }
  for (const row of await db
    .select({ key: styleTemplates.previewKey })
    .from(styleTemplates)
    .where(isNotNull(styleTemplates.previewKey)))
    if (row.key) owned.add(row.key);
  for (const row of await db.select({ parts: accountExports.parts }).from(accountExports))
    for (const part of row.parts) {
      owned.add(part.key);
      if (part.directoryKey) owned.add(part.directoryKey);
    }
  // Files in flight (a generation writing them) or already queued: the queue decides.
  for (const row of await db.select({ key: pendingFileRemovals.key }).from(pendingFileRemovals))
    owned.add(row.key);
  return owned;
}

/**
 * The one-off orphan sweep (`npm run storage:sweep`): lists the files in the store that no row
 * owns; with `apply`, removes them, 500 at a time. Read the store first, then the rows: a file
 * written meanwhile is always claimed by a row or the removal queue by the time rows are read.
 */
export async function sweepOrphanFiles({
  db,
  objectStore,
  apply,
}: {
  db: Database;
  objectStore: ObjectStorePort;
  apply: boolean;
}): Promise<SweepReport> {
  if (!objectStore.list) throw new Error("This object store cannot list its files.");
  const listed = await objectStore.list();
  const owned = await ownedKeys(db);
  const orphans = listed.filter((key) => !owned.has(key));
  let removed = 0;
  if (apply)
    for (let i = 0; i < orphans.length; i += 500) {
      const batch = orphans.slice(i, i + 500);
      await objectStore.remove(batch);
      removed += batch.length;
    }
  return { listed: listed.length, orphans, removed };
}
