import { apiFetch } from "@/lib/api/request";
import type { BulkAction } from "@/shared/schemas/gallery";

/** POST /images/bulk and /images/archive take at most this many ids at once. */
export const BULK_LIMIT = 200;

type WithoutIds<T> = T extends unknown ? Omit<T, "imageIds"> : never;
export type BulkRequest = WithoutIds<BulkAction>;

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Runs one bulk action over any number of images, in requests of BULK_LIMIT; resolves with the affected ids. */
export async function runBulkAction(
  request: BulkRequest,
  imageIds: readonly string[],
  init: { keepalive?: boolean } = {},
): Promise<string[]> {
  const results = await Promise.all(
    chunksOf(imageIds, BULK_LIMIT).map((chunk) =>
      apiFetch<{ affected: number; imageIds: string[] }>("/api/v1/images/bulk", {
        method: "POST",
        json: { ...request, imageIds: chunk },
        keepalive: init.keepalive,
      }),
    ),
  );
  return results.flatMap((result) => result.imageIds);
}
