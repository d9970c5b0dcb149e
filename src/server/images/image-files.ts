import "server-only";
import type { Image, ImageVariant } from "@/shared/api-types";
import type { ImageRow } from "./images-queries";

/** Object-store key of one variant: {storage_key}/{variant}.webp */
export function fileKeyOf(
  row: Pick<ImageRow, "storageKey">,
  variant: ImageVariant,
  extension = "webp",
): string {
  return `${row.storageKey}/${variant}.${extension}`;
}

export function variantsOf(row: Pick<ImageRow, "thumbnailSizes">): ImageVariant[] {
  return ["original", ...row.thumbnailSizes.map((size) => String(size) as ImageVariant)];
}

export function allFileKeysOf(row: Pick<ImageRow, "storageKey" | "thumbnailSizes">): string[] {
  return variantsOf(row).map((variant) => fileKeyOf(row, variant));
}

/**
 * Stable per image and size: no tokens, so the service worker and browsers can key their copies
 * by it (how long they may use a copy without asking is fileCacheControl's business).
 */
export function fileUrlOf(id: string, variant: ImageVariant): string {
  return `/api/v1/images/${id}/files/${variant}`;
}

/** How long a shared cache (Vercel's CDN) may answer for a public file without asking us. */
export const PUBLIC_FILE_SHARED_CACHE_SECONDS = 60;

/**
 * Cache-Control of an image file. The bytes behind a URL never change, but who may see them
 * does: the owner can make a public image private, or delete it, at any moment, and no cache
 * in front of us is told. So no cache may keep answering for long without asking us again:
 * - a public file: a shared cache (Vercel's CDN, keyed by URL only, which is safe because the
 *   answer is the same for everyone) may answer for a minute, so a file made private or deleted
 *   is gone from it within a minute; browsers keep it but ask again (a 304 costs no bytes) on
 *   every use, so the next person at the same browser gets the studio's answer, not the copy.
 *   No stale-while-revalidate or stale-if-error: a stale copy is never served.
 * - a private file, which only its owner can fetch: never in a shared cache, and browsers ask
 *   again on every use too, so that after logout the browser's HTTP cache cannot hand it to
 *   the next person at that browser. The owner's fast and offline copies are the service
 *   worker's, which tells the two apart by the `private` directive (isOwnersCopy in
 *   src/lib/pwa/cache-rules.ts) and whose private caches go at logout.
 */
export function fileCacheControl(row: Pick<ImageRow, "isPublic">): string {
  return row.isPublic
    ? `public, max-age=0, must-revalidate, s-maxage=${PUBLIC_FILE_SHARED_CACHE_SECONDS}`
    : "private, no-cache";
}

/** The strong validator of a file: its URL's bytes never change (same rule as fileUrlOf). */
export function fileEtagOf(id: string, variant: ImageVariant): string {
  return `"${id}-${variant}"`;
}

/** Whether an If-None-Match header names this ETag (lists and weak forms included). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

/**
 * The columns an image's API shape is made of. Timestamps come as Dates (single rows) or as
 * the ISO text list queries have Postgres write (to_char … 'MS"Z"', byte for byte what
 * toISOString gives), so a list of thirty rows parses and re-prints no dates.
 */
export type ImageShapeRow = Pick<
  ImageRow,
  | "id"
  | "userId"
  | "prompt"
  | "negativePrompt"
  | "styleTemplateId"
  | "aspectRatio"
  | "quality"
  | "width"
  | "height"
  | "seed"
  | "model"
  | "provider"
  | "tags"
  | "isPublic"
  | "favorite"
  | "parentId"
  | "sourceImageIds"
  | "generationTimeMs"
  | "downloadCount"
  | "shareId"
  | "thumbnailSizes"
> & { createdAt: Date | string; updatedAt: Date | string };

function isoTextOf(value: Date | string): string {
  return typeof value === "string" ? value : value.toISOString();
}

/** An image as its owner sees it (see reshapeImageFor for everyone else). */
export function reshapeImage(row: ImageShapeRow): Image {
  return reshapeImageFor(row, row.userId);
}

/**
 * An image as this viewer may see it. Someone else's image never carries its author's id,
 * their favorite flag or the ids of the images it was made from (those may be private): the
 * keys stay (the shape is the same for everyone), the values are null, false and empty. What
 * of its lineage a viewer may see comes from GET /images/:id/lineage.
 */
export function reshapeImageFor(row: ImageShapeRow, viewerId: string | null): Image {
  const own = row.userId === viewerId;
  const thumbnails: Image["urls"]["thumbnails"] = {};
  for (const size of row.thumbnailSizes) {
    const key = String(size) as "150" | "300" | "800" | "1920";
    thumbnails[key] = fileUrlOf(row.id, key);
  }
  return {
    id: row.id,
    userId: own ? row.userId : null,
    prompt: row.prompt,
    negativePrompt: row.negativePrompt,
    styleTemplateId: row.styleTemplateId,
    aspectRatio: row.aspectRatio,
    quality: row.quality,
    width: row.width,
    height: row.height,
    seed: row.seed,
    model: row.model,
    provider: row.provider,
    tags: row.tags,
    isPublic: row.isPublic,
    favorite: own ? row.favorite : false,
    parentId: own ? row.parentId : null,
    sourceImageIds: own ? row.sourceImageIds : [],
    generationTimeMs: row.generationTimeMs,
    downloadCount: row.downloadCount,
    createdAt: isoTextOf(row.createdAt),
    updatedAt: isoTextOf(row.updatedAt),
    shareUrl: row.isPublic && row.shareId ? `/s/i/${row.shareId}` : null,
    urls: { original: fileUrlOf(row.id, "original"), thumbnails },
  };
}
