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

/** Stable per image and size: no tokens, so browsers and the service worker can cache them forever. */
export function fileUrlOf(id: string, variant: ImageVariant): string {
  return `/api/v1/images/${id}/files/${variant}`;
}

export function reshapeImage(row: ImageRow): Image {
  const thumbnails: Image["urls"]["thumbnails"] = {};
  for (const size of row.thumbnailSizes) {
    const key = String(size) as "150" | "300" | "800" | "1920";
    thumbnails[key] = fileUrlOf(row.id, key);
  }
  return {
    id: row.id,
    userId: row.userId,
    prompt: row.prompt,
    negativePrompt: row.negativePrompt,
    styleTemplateId: row.styleTemplateId,
    aspectRatio: row.aspectRatio,
    quality: row.quality,
    width: row.width,
    height: row.height,
    seed: row.seed,
    model: row.model,
    tags: row.tags,
    isPublic: row.isPublic,
    favorite: row.favorite,
    parentId: row.parentId,
    generationTimeMs: row.generationTimeMs,
    downloadCount: row.downloadCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    shareUrl: row.isPublic && row.shareId ? `/s/i/${row.shareId}` : null,
    urls: { original: fileUrlOf(row.id, "original"), thumbnails },
  };
}
