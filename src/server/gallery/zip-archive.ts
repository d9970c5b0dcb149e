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

/** A file for streamZip: its bytes arrive in chunks, read only as the client takes them. */
export interface ZipEntry {
  name: string;
  mtime: Date;
  chunks: AsyncIterable<Uint8Array>;
}

/**
 * Streams a ZIP of the entries, one chunk at a time: the stream pulls the next chunk (and the
 * next entry) only when the client has taken the previous one, so memory holds one chunk,
 * whatever the count. Entries are stored, not deflated (WebP is already compressed).
 */
export function streamZip(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  const entryIterator = entries[Symbol.asyncIterator]();
  let current: { entry: ZipPassThrough; chunks: AsyncIterator<Uint8Array> } | null = null;
  let done = false;
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
        if (done) return;
        if (!current) {
          const next = await entryIterator.next();
          if (next.done) {
            done = true;
            zip.end();
            return;
          }
          const entry = new ZipPassThrough(next.value.name);
          entry.mtime = next.value.mtime;
          zip.add(entry);
          current = { entry, chunks: next.value.chunks[Symbol.asyncIterator]() };
        }
        const chunk = await current.chunks.next();
        if (chunk.done) {
          current.entry.push(new Uint8Array(0), true);
          current = null;
        } else {
          current.entry.push(chunk.value);
        }
      },
      async cancel() {
        done = true;
        await current?.chunks.return?.();
        await entryIterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

/** Streams a ZIP of the images (the selection archive), one file at a time. */
export function streamZipArchive({
  rows,
  variant,
  objectStore,
}: {
  rows: ImageRow[];
  variant: ImageVariant;
  objectStore: ObjectStorePort;
}): ReadableStream<Uint8Array> {
  async function* entries(): AsyncGenerator<ZipEntry> {
    for (const row of rows) {
      const chosen = variantsOf(row).includes(variant) ? variant : "original";
      const file = await objectStore.get(fileKeyOf(row, chosen));
      if (!file) {
        logger.error("image row without its file while zipping", {
          imageId: row.id,
          variant: chosen,
        });
        continue;
      }
      yield { name: archiveName(row, chosen), mtime: row.createdAt, chunks: single(file.body) };
    }
  }
  return streamZip(entries());
}

async function* single(body: Uint8Array): AsyncGenerator<Uint8Array> {
  yield body;
}
