import "server-only";
import { Zip, ZipPassThrough } from "fflate";
import type { ImageVariant } from "@/shared/api-types";
import { fileKeyOf, variantsOf } from "@/server/images/image-files";
import type { ImageRow } from "@/server/images/images-queries";
import { logger } from "@/server/observability/logger";
import type { ObjectStorePort } from "@/server/storage/object-store-port";

/** A readable file name for an image in an archive: the prompt's first words, the id, the size. */
export function archiveName(row: Pick<ImageRow, "id" | "prompt">, variant: ImageVariant): string {
  const words = row.prompt
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return `${words || "image"}-${row.id.slice(0, 8)}-${variant}.webp`;
}

/**
 * Streams a ZIP of the images, one file at a time: the stream pulls the next file only when
 * the client has taken the previous one, so memory holds one image, whatever the count.
 * WebP is already compressed, so entries are stored, not deflated.
 */
export function streamZipArchive({
  rows,
  variant,
  objectStore,
}: {
  rows: ImageRow[];
  variant: ImageVariant;
  objectStore: ObjectStorePort;
}): ReadableStream<Uint8Array> {
  let index = 0;
  let controller: ReadableStreamDefaultController<Uint8Array>;
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      controller.error(error);
      return;
    }
    controller.enqueue(chunk);
    if (final) controller.close();
  });

  return new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
      },
      async pull() {
        if (index >= rows.length) {
          zip.end();
          return;
        }
        const row = rows[index++]!;
        const chosen = variantsOf(row).includes(variant) ? variant : "original";
        const file = await objectStore.get(fileKeyOf(row, chosen));
        if (!file) {
          logger.error("image row without its file while zipping", {
            imageId: row.id,
            variant: chosen,
          });
          return;
        }
        const entry = new ZipPassThrough(archiveName(row, chosen));
        entry.mtime = row.createdAt;
        zip.add(entry);
        entry.push(file.body, true);
      },
      cancel() {
        index = rows.length;
      },
    },
    { highWaterMark: 1 },
  );
}
