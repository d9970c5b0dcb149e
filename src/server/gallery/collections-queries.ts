import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { collectionImages, collections, images } from "@/server/db/schema";

export type CollectionRow = typeof collections.$inferSelect;

export interface CollectionSummaryRow extends CollectionRow {
  imageCount: number;
  coverImage: { id: string; thumbnailSizes: number[] } | null;
}

/**
 * Collections with their image count and cover (the chosen cover, else the newest image).
 * `visibleImagesOnly` is for visitors of a public collection: only public images are counted
 * or shown, and a private chosen cover is neither shown nor named (coverImageId is null).
 */
async function summarise(
  db: Database,
  rows: CollectionRow[],
  visibleImagesOnly: boolean,
): Promise<CollectionSummaryRow[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const counts = await db
    .select({ collectionId: collectionImages.collectionId, count: sql<number>`count(*)::int` })
    .from(collectionImages)
    .innerJoin(images, eq(images.id, collectionImages.imageId))
    .where(
      and(
        inArray(collectionImages.collectionId, ids),
        visibleImagesOnly ? eq(images.isPublic, true) : undefined,
      ),
    )
    .groupBy(collectionImages.collectionId);
  const newest = await db
    .selectDistinctOn([collectionImages.collectionId], {
      collectionId: collectionImages.collectionId,
      id: images.id,
      thumbnailSizes: images.thumbnailSizes,
    })
    .from(collectionImages)
    .innerJoin(images, eq(images.id, collectionImages.imageId))
    .where(
      and(
        inArray(collectionImages.collectionId, ids),
        visibleImagesOnly ? eq(images.isPublic, true) : undefined,
      ),
    )
    .orderBy(collectionImages.collectionId, desc(collectionImages.addedAt));
  const covers = rows.map((row) => row.coverImageId).filter((id): id is string => Boolean(id));
  const chosen = covers.length
    ? await db
        .select({ id: images.id, thumbnailSizes: images.thumbnailSizes, isPublic: images.isPublic })
        .from(images)
        .where(inArray(images.id, covers))
    : [];
  const countBy = new Map(counts.map((row) => [row.collectionId, Number(row.count)]));
  const newestBy = new Map(
    newest.map((row) => [row.collectionId, { id: row.id, thumbnailSizes: row.thumbnailSizes }]),
  );
  const chosenBy = new Map(chosen.map((row) => [row.id, row]));
  return rows.map((row) => {
    const cover = row.coverImageId ? chosenBy.get(row.coverImageId) : undefined;
    const usableCover =
      cover && (!visibleImagesOnly || cover.isPublic)
        ? { id: cover.id, thumbnailSizes: cover.thumbnailSizes }
        : null;
    return {
      ...row,
      // A visitor never learns which private image the owner chose as the cover.
      coverImageId: usableCover ? row.coverImageId : visibleImagesOnly ? null : row.coverImageId,
      imageCount: countBy.get(row.id) ?? 0,
      coverImage: usableCover ?? newestBy.get(row.id) ?? null,
    };
  });
}

export async function listOwnCollectionRows({ db, userId }: { db: Database; userId: string }) {
  const rows = await db
    .select()
    .from(collections)
    .where(eq(collections.userId, userId))
    .orderBy(desc(collections.updatedAt), desc(collections.id))
    .limit(500);
  return summarise(db, rows, false);
}

export async function getCollectionRow({
  db,
  id,
}: {
  db: Database;
  id: string;
}): Promise<CollectionRow | null> {
  const [row] = await db.select().from(collections).where(eq(collections.id, id)).limit(1);
  return row ?? null;
}

export async function getCollectionRowByShareId({
  db,
  shareId,
}: {
  db: Database;
  shareId: string;
}) {
  const [row] = await db
    .select()
    .from(collections)
    .where(and(eq(collections.shareId, shareId), eq(collections.isPublic, true)))
    .limit(1);
  return row ?? null;
}

export async function summariseCollection(
  db: Database,
  row: CollectionRow,
  visibleImagesOnly: boolean,
) {
  const [summary] = await summarise(db, [row], visibleImagesOnly);
  return summary!;
}
