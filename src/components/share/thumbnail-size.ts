import type { Image } from "@/shared/api-types";

type ThumbnailSize = "300" | "800";

/** A thumbnail's pixel size: its long side is `size`, and it is never larger than the original. */
export function thumbnailDimensions(image: Pick<Image, "width" | "height">, size: number) {
  const scale = Math.min(1, size / Math.max(image.width, image.height, 1));
  return {
    width: Math.max(1, Math.round(image.width * scale)),
    height: Math.max(1, Math.round(image.height * scale)),
  };
}

/** The thumbnail's URL, or the original's when the image has no thumbnail of that size. */
export function thumbnailUrl(image: Pick<Image, "urls">, size: ThumbnailSize): string {
  return image.urls.thumbnails[size] ?? image.urls.original;
}

/**
 * A srcset for a square tile that crops with object-cover: what fills the tile is the
 * thumbnail's short side, so that is the width each candidate is described with.
 */
export function squareTileSrcSet(image: Pick<Image, "width" | "height" | "urls">): string {
  const candidates: string[] = [];
  for (const size of ["300", "800"] as const) {
    const url = image.urls.thumbnails[size];
    if (!url) continue;
    const { width, height } = thumbnailDimensions(image, Number(size));
    candidates.push(`${url} ${Math.min(width, height)}w`);
  }
  return candidates.join(", ");
}
