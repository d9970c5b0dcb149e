import "server-only";
import { and, desc, eq, getTableColumns, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { images } from "@/server/db/schema";
import { newShareId } from "@/server/sharing/share-id";

// The search vector is for Postgres alone: lists leave it out instead of shipping it to Node.
const { searchVector: _searchVector, ...listedColumns } = getTableColumns(images);
/** Every column of an image the app reads (all but the full-text search vector). */
export const imageColumns = listedColumns;

export type ImageRow = Omit<typeof images.$inferSelect, "searchVector">;
export type NewImageRow = typeof images.$inferInsert;

export async function getImageRow({
  db,
  id,
}: {
  db: Database;
  id: string;
}): Promise<ImageRow | null> {
  const [row] = await db.select().from(images).where(eq(images.id, id)).limit(1);
  return row ?? null;
}

/** The image if the viewer owns it or it is public; null otherwise (callers answer 404). */
export async function getVisibleImageRow({
  db,
  id,
  viewerId,
}: {
  db: Database;
  id: string;
  viewerId: string | null;
}): Promise<ImageRow | null> {
  const [row] = await db
    .select()
    .from(images)
    .where(
      and(
        eq(images.id, id),
        viewerId
          ? or(eq(images.isPublic, true), eq(images.userId, viewerId))
          : eq(images.isPublic, true),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function insertImageRow({
  db,
  row,
}: {
  db: Database;
  row: NewImageRow;
}): Promise<ImageRow> {
  const [inserted] = await db.insert(images).values(row).returning();
  if (!inserted) throw new Error("image insert returned no row");
  return inserted;
}

export async function updateOwnImageRow({
  db,
  id,
  userId,
  patch,
}: {
  db: Database;
  id: string;
  userId: string;
  patch: Partial<Pick<ImageRow, "tags" | "favorite">>;
}): Promise<ImageRow | null> {
  const [row] = await db
    .update(images)
    .set(patch)
    .where(and(eq(images.id, id), eq(images.userId, userId)))
    .returning();
  return row ?? null;
}

/** The publication columns of a new image row, by the rule setOwnImagesVisibility keeps. */
export function publicationOf(isPublic: boolean) {
  return {
    isPublic,
    publishedAt: isPublic ? new Date() : null,
    shareId: isPublic ? newShareId() : null,
  };
}

/**
 * The one rule for publishing: a public image has a published_at (kept when it already had
 * one) and a share id (made once, kept while it goes private and back, so old links work
 * again); a private one has no published_at. Returns the ids of the user's images it changed.
 */
export async function setOwnImagesVisibility({
  db,
  userId,
  ids,
  isPublic,
}: {
  db: Database;
  userId: string;
  ids: string[];
  isPublic: boolean;
}): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(images)
    .set(
      isPublic
        ? { isPublic: true, publishedAt: sql`coalesce(${images.publishedAt}, now())` }
        : { isPublic: false, publishedAt: null },
    )
    .where(and(eq(images.userId, userId), inArray(images.id, ids)))
    .returning({ id: images.id, shareId: images.shareId });
  if (isPublic) {
    for (const row of rows.filter((candidate) => !candidate.shareId)) {
      await db
        .update(images)
        .set({ shareId: newShareId() })
        .where(and(eq(images.id, row.id), isNull(images.shareId)));
    }
  }
  return rows.map((row) => row.id);
}

export async function deleteOwnImageRows({
  db,
  userId,
  ids,
}: {
  db: Database;
  userId: string;
  ids: string[];
}): Promise<Pick<ImageRow, "id" | "storageKey" | "thumbnailSizes">[]> {
  if (ids.length === 0) return [];
  return db
    .delete(images)
    .where(and(eq(images.userId, userId), inArray(images.id, ids)))
    .returning({
      id: images.id,
      storageKey: images.storageKey,
      thumbnailSizes: images.thumbnailSizes,
    });
}

/** How many ancestors a lineage shows at most. */
export const LINEAGE_DEPTH = 50;
/** How many direct edits of an image a lineage shows at most (the newest). */
export const LINEAGE_CHILDREN = 50;

/**
 * One query for an image's lineage: the image itself, its chain of visible ancestors (up to
 * LINEAGE_DEPTH, stopping at the first the viewer may not see), its visible sources (a
 * composition's every input image) and its newest visible direct edits, variations and
 * compositions (images with it as parent or among their sources). Visible = public, or the
 * viewer's own. Rows come newest first; the caller puts the chain in order.
 */
export async function listLineageRows({
  db,
  id,
  viewerId,
}: {
  db: Database;
  id: string;
  viewerId: string | null;
}): Promise<ImageRow[]> {
  const visible = (alias: string) =>
    sql`(${sql.raw(alias)}.is_public or ${sql.raw(alias)}.user_id = ${viewerId}::uuid)`;
  return (
    db
      .select(imageColumns)
      .from(images)
      .where(
        sql`${images.id} in (
        with recursive chain (id, parent_id, depth) as (
          select self.id, self.parent_id, 0 from ${images} as self
          where self.id = ${id}::uuid and ${visible("self")}
          union all
          select parent.id, parent.parent_id, chain.depth + 1
          from ${images} as parent join chain on parent.id = chain.parent_id
          where chain.depth < ${LINEAGE_DEPTH} and ${visible("parent")}
        )
        select chain.id from chain
        union all
        select source.id from ${images} as self
          join ${images} as source on source.id = any(self.source_image_ids)
         where self.id = ${id}::uuid and ${visible("self")} and ${visible("source")}
        union all
        (select child.id from ${images} as child
         where (child.parent_id = ${id}::uuid or child.source_image_ids @> array[${id}::uuid])
           and ${visible("child")}
         order by child.created_at desc, child.id desc
         limit ${LINEAGE_CHILDREN})
      )`,
      )
      // Newest first at the database's precision (microseconds): the edits come back in their
      // order, which a millisecond Date could no longer tell apart.
      .orderBy(desc(images.createdAt), desc(images.id))
  );
}

export async function incrementDownloadCount({
  db,
  id,
}: {
  db: Database;
  id: string;
}): Promise<void> {
  await db
    .update(images)
    .set({ downloadCount: sql`${images.downloadCount} + 1`, updatedAt: sql`${images.updatedAt}` })
    .where(eq(images.id, id));
}
