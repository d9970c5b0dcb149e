import "server-only";
import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { collectionImages, images, profiles } from "@/server/db/schema";
import type { ImageShapeRow } from "@/server/images/image-files";
import type { ImageRow } from "@/server/images/images-queries";

// Postgres renders the timestamp with its microseconds; cursors carry this text, not a JS Date.
const createdAtText = sql<string>`to_char(${images.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const publishedAtText = sql<string>`to_char(${images.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * A timestamp as the API writes it, made by Postgres: what Date#toISOString gives for the
 * value the drivers hand back. 'MS' cuts the microseconds off (it does not round), as the
 * drivers' Date does, so .123999 is ".123Z" either way.
 */
function isoMillisText(column: typeof images.createdAt | typeof images.updatedAt) {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * What a list item is made of (ImageShapeRow) and nothing more: no storage key, sizes,
 * retention dates or search vector, and the timestamps as text, so thirty rows cost no Date
 * parsing or printing in Node.
 */
export const listedImageColumns = {
  id: images.id,
  userId: images.userId,
  prompt: images.prompt,
  negativePrompt: images.negativePrompt,
  styleTemplateId: images.styleTemplateId,
  aspectRatio: images.aspectRatio,
  quality: images.quality,
  width: images.width,
  height: images.height,
  seed: images.seed,
  model: images.model,
  provider: images.provider,
  tags: images.tags,
  isPublic: images.isPublic,
  favorite: images.favorite,
  parentId: images.parentId,
  sourceImageIds: images.sourceImageIds,
  generationTimeMs: images.generationTimeMs,
  downloadCount: images.downloadCount,
  shareId: images.shareId,
  thumbnailSizes: images.thumbnailSizes,
  createdAt: isoMillisText(images.createdAt),
  updatedAt: isoMillisText(images.updatedAt),
};

export type ListedImageRow = ImageShapeRow & { createdAt: string; updatedAt: string };

export function searchCondition(q: string): SQL {
  // English stemming for prompts, plain words for tags: either may match.
  return sql`${images.searchVector} @@ (websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;
}

export function tagCondition(tag: string): SQL {
  return sql`${images.tags} @> array[${tag}]::text[]`;
}

export interface OwnListFilters {
  q?: string;
  tag?: string;
  collectionId?: string;
  favorite?: boolean;
  from?: string;
  to?: string;
  aspectRatio?: ImageRow["aspectRatio"];
  templateId?: string;
}

/**
 * Own images, newest (or oldest) first, keyset on (created_at, id) in that direction, so images
 * made in the same microsecond keep one order across pages; one row more than `limit` tells
 * hasMore.
 */
export async function listOwnImageRows({
  db,
  userId,
  filters,
  sort = "newest",
  limit,
  after,
}: {
  db: Database;
  userId: string;
  filters: OwnListFilters;
  sort?: "newest" | "oldest";
  limit: number;
  after: { sort: string; id: string } | null;
}): Promise<(ListedImageRow & { sortKey: string })[]> {
  const direction = sort === "newest" ? desc : asc;
  const conditions: (SQL | undefined)[] = [
    eq(images.userId, userId),
    filters.q ? searchCondition(filters.q) : undefined,
    filters.tag ? tagCondition(filters.tag) : undefined,
    filters.favorite === undefined ? undefined : eq(images.favorite, filters.favorite),
    filters.aspectRatio ? eq(images.aspectRatio, filters.aspectRatio) : undefined,
    filters.templateId ? eq(images.styleTemplateId, filters.templateId) : undefined,
    filters.from ? gte(images.createdAt, new Date(filters.from)) : undefined,
    filters.to ? lt(images.createdAt, endOfDay(filters.to)) : undefined,
    filters.collectionId
      ? sql`exists (select 1 from ${collectionImages} where ${collectionImages.collectionId} = ${filters.collectionId} and ${collectionImages.imageId} = ${images.id})`
      : undefined,
    after
      ? sort === "newest"
        ? sql`(${images.createdAt}, ${images.id}) < (${after.sort}::timestamptz, ${after.id}::uuid)`
        : sql`(${images.createdAt}, ${images.id}) > (${after.sort}::timestamptz, ${after.id}::uuid)`
      : undefined,
  ];
  return db
    .select({ ...listedImageColumns, sortKey: createdAtText })
    .from(images)
    .where(and(...conditions))
    .orderBy(direction(images.createdAt), direction(images.id))
    .limit(limit + 1);
}

/** Public images of everyone: newest published, or most downloaded; keyset on (sort, id). */
export async function listPublicImageRows({
  db,
  q,
  tag,
  sort,
  limit,
  after,
}: {
  db: Database;
  q?: string;
  tag?: string;
  sort: "newest" | "popular";
  limit: number;
  after: { sort: string | number; id: string } | null;
}): Promise<(ListedImageRow & { sortKey: string | number; authorName: string })[]> {
  const keyset =
    after === null
      ? undefined
      : sort === "newest"
        ? sql`(${images.publishedAt}, ${images.id}) < (${after.sort}::timestamptz, ${after.id}::uuid)`
        : sql`(${images.downloadCount}, ${images.id}) < (${Number(after.sort)}, ${after.id}::uuid)`;
  return db
    .select({
      ...listedImageColumns,
      sortKey: sort === "newest" ? publishedAtText : sql<number>`${images.downloadCount}`,
      authorName: profiles.name,
    })
    .from(images)
    .innerJoin(profiles, eq(profiles.id, images.userId))
    .where(
      and(
        eq(images.isPublic, true),
        q ? searchCondition(q) : undefined,
        tag ? tagCondition(tag) : undefined,
        keyset,
      ),
    )
    .orderBy(
      ...(sort === "newest"
        ? [desc(images.publishedAt), desc(images.id)]
        : [desc(images.downloadCount), desc(images.id)]),
    )
    .limit(limit + 1);
}

function endOfDay(value: string): Date {
  // A bare date means "through the end of that day"; a full timestamp is taken as given.
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(Date.parse(`${value}T00:00:00Z`) + 24 * 60 * 60 * 1000)
    : new Date(value);
}
