import "server-only";
import { and, eq, getTableColumns, or, sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { images } from "@/server/db/schema";

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
  patch: Partial<Pick<ImageRow, "tags" | "isPublic" | "favorite" | "publishedAt" | "shareId">>;
}): Promise<ImageRow | null> {
  const [row] = await db
    .update(images)
    .set(patch)
    .where(and(eq(images.id, id), eq(images.userId, userId)))
    .returning();
  return row ?? null;
}

export async function deleteOwnImageRow({
  db,
  id,
  userId,
}: {
  db: Database;
  id: string;
  userId: string;
}): Promise<ImageRow | null> {
  const [row] = await db
    .delete(images)
    .where(and(eq(images.id, id), eq(images.userId, userId)))
    .returning();
  return row ?? null;
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
