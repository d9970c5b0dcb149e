import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Image } from "@/shared/api-types";
import type { Database } from "@/server/db/database";
import { collectionImages, collections, images, styleTemplates } from "@/server/db/schema";
import { reshapeSettings } from "@/server/users/users-service";
import { getProfileRow, getSettingsRow } from "@/server/users/users-queries";
import { archiveName, streamZip, type ZipEntry } from "@/server/gallery/zip-archive";
import { fileKeyOf } from "@/server/images/image-files";
import { imageColumns, type ImageRow } from "@/server/images/images-queries";
import { reshapeImage } from "@/server/images/image-files";
import { logger } from "@/server/observability/logger";
import type { ObjectStorePort } from "@/server/storage/object-store-port";

/** One image in manifest.json: the API's image object, its file in the ZIP and its template. */
export interface ManifestImage extends Image {
  file: string;
  template: { id: string; name: string } | null;
}

/** Rows read per query: memory holds one batch of rows and one file, whatever the count. */
const BATCH = 100;
const encoder = new TextEncoder();

// Keyset positions stay Postgres text with microseconds: a JavaScript Date rounds them to the
// millisecond, and the last image of a batch would then come round again in the next one.
const createdAtText = sql<string>`to_char(${images.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The user's images, oldest first, a batch at a time (keyset on created_at, id). Only images
 * made before the export began, so that both passes (manifest, files) see the same list.
 */
async function* ownImageRows(
  db: Database,
  userId: string,
  startedAt: Date,
): AsyncGenerator<ImageRow> {
  let after: { createdAt: string; id: string } | null = null;
  for (;;) {
    const batch: (ImageRow & { cursorAt: string })[] = await db
      .select({ ...imageColumns, cursorAt: createdAtText })
      .from(images)
      .where(
        and(
          eq(images.userId, userId),
          lte(images.createdAt, startedAt),
          after
            ? sql`(${images.createdAt}, ${images.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(images.createdAt), asc(images.id))
      .limit(BATCH);
    for (const { cursorAt: _cursorAt, ...row } of batch) yield row;
    const last = batch.at(-1);
    if (!last || batch.length < BATCH) return;
    after = { createdAt: last.cursorAt, id: last.id };
  }
}

/** The name of an image's original in the export (the same rule as the selection archive). */
export const exportFileName = (row: ImageRow) => `images/${archiveName(row, "original")}`;

export async function* manifestChunks(
  db: Database,
  userId: string,
  startedAt: Date,
): AsyncGenerator<Uint8Array> {
  const templates = new Map(
    (
      await db.select({ id: styleTemplates.id, name: styleTemplates.name }).from(styleTemplates)
    ).map((row) => [row.id, row.name]),
  );
  yield encoder.encode('{\n  "version": 1,\n  "images": [');
  let first = true;
  for await (const row of ownImageRows(db, userId, startedAt)) {
    const templateName = row.styleTemplateId ? templates.get(row.styleTemplateId) : undefined;
    const entry: ManifestImage = {
      ...reshapeImage(row),
      file: exportFileName(row),
      template:
        row.styleTemplateId && templateName
          ? { id: row.styleTemplateId, name: templateName }
          : null,
    };
    yield encoder.encode(`${first ? "" : ","}\n    ${JSON.stringify(entry)}`);
    first = false;
  }
  yield encoder.encode(`${first ? "" : "\n  "}]\n}\n`);
}

export async function collectionsJson(db: Database, userId: string): Promise<Uint8Array> {
  const rows = await db
    .select()
    .from(collections)
    .where(eq(collections.userId, userId))
    .orderBy(asc(collections.createdAt), asc(collections.id));
  const members = rows.length
    ? await db
        .select({ collectionId: collectionImages.collectionId, imageId: collectionImages.imageId })
        .from(collectionImages)
        .where(
          inArray(
            collectionImages.collectionId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(asc(collectionImages.addedAt), asc(collectionImages.imageId))
    : [];
  const body = {
    version: 1,
    collections: rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      isPublic: row.isPublic,
      coverImageId: row.coverImageId,
      shareUrl: row.isPublic && row.shareId ? `/s/c/${row.shareId}` : null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      imageIds: members.filter((m) => m.collectionId === row.id).map((m) => m.imageId),
    })),
  };
  return encoder.encode(`${JSON.stringify(body, null, 2)}\n`);
}

/** The account and its preferences; never the provider key, a password hash or any secret. */
export async function settingsJson(db: Database, userId: string): Promise<Uint8Array> {
  const [profile, settings] = await Promise.all([
    getProfileRow({ db, userId }),
    getSettingsRow({ db, userId }),
  ]);
  const body = {
    version: 1,
    account: profile
      ? {
          id: profile.id,
          email: profile.email,
          name: profile.name,
          tier: profile.tier,
          createdAt: profile.createdAt.toISOString(),
        }
      : null,
    // Provider keys stay out of the archive (not even their last four characters).
    settings: settings ? reshapeSettings(settings, []) : null,
  };
  return encoder.encode(`${JSON.stringify(body, null, 2)}\n`);
}

async function* once(load: () => Promise<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield await load();
}

/**
 * Everything of a user's as one streamed ZIP: manifest.json, collections.json, settings.json,
 * then every original under images/. Rows are read in batches and files one at a time as the
 * client takes them, so memory does not grow with the number of images.
 */
export function streamAccountExport({
  db,
  objectStore,
  userId,
  now = new Date(),
}: {
  db: Database;
  objectStore: ObjectStorePort;
  userId: string;
  now?: Date;
}): ReadableStream<Uint8Array> {
  async function* entries(): AsyncGenerator<ZipEntry> {
    yield { name: "manifest.json", mtime: now, chunks: manifestChunks(db, userId, now) };
    yield { name: "collections.json", mtime: now, chunks: once(() => collectionsJson(db, userId)) };
    yield { name: "settings.json", mtime: now, chunks: once(() => settingsJson(db, userId)) };
    for await (const row of ownImageRows(db, userId, now)) {
      const file = await objectStore.get(fileKeyOf(row, "original"));
      if (!file) {
        logger.error("image row without its file while exporting", { imageId: row.id });
        continue;
      }
      yield {
        name: exportFileName(row),
        mtime: row.createdAt,
        chunks: once(async () => file.body),
      };
    }
  }
  return streamZip(entries());
}
