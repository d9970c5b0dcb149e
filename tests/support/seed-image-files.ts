import sharp from "sharp";
import type { TestStudio } from "./test-services";
import { seedImageRows } from "./seed-images";

let tinyWebp: Promise<Uint8Array> | null = null;

/** A real 4×4 WebP, made once. */
function tinyWebpBytes(): Promise<Uint8Array> {
  tinyWebp ??= sharp({ create: { width: 4, height: 4, channels: 3, background: "#4f46e5" } })
    .webp()
    .toBuffer()
    .then((buffer) => new Uint8Array(buffer));
  return tinyWebp;
}

/**
 * Like seedImageRows, and also stores a small file for every variant of each image, so that the
 * file and download endpoints answer as they do for generated images (without the provider).
 */
export async function seedImagesWithFiles(
  studio: Pick<TestStudio, "database" | "services">,
  options: Parameters<typeof seedImageRows>[1],
): Promise<string[]> {
  const ids = await seedImageRows(studio.database, options);
  const bytes = await tinyWebpBytes();
  const rows = await studio.database.query<{ storage_key: string; thumbnail_sizes: number[] }>(
    "select storage_key, thumbnail_sizes from public.images where id = any($1::uuid[])",
    [ids],
  );
  for (const row of rows) {
    for (const variant of ["original", ...row.thumbnail_sizes.map(String)]) {
      await studio.services.objectStore.put(
        `${row.storage_key}/${variant}.webp`,
        bytes,
        "image/webp",
      );
    }
  }
  return ids;
}
