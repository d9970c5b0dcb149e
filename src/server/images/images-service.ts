import "server-only";
import type { Image, ImageLineage, ImageVariant } from "@/shared/api-types";
import type { ImagePatch } from "@/shared/schemas/images";
import { writeAudit, type AuditContext } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import { notFound } from "@/server/http/app-error";
import type { KvPort } from "@/server/kv/kv-port";
import { logger } from "@/server/observability/logger";
import { queueFileRemovals, removeQueuedFiles } from "@/server/storage/file-removals";
import type { ObjectStorePort } from "@/server/storage/object-store-port";
import { allFileKeysOf, fileKeyOf, reshapeImageFor, variantsOf } from "./image-files";
import {
  deleteOwnImageRows,
  getImageRow,
  getVisibleImageRow,
  incrementDownloadCount,
  LINEAGE_DEPTH,
  listLineageRows,
  setOwnImagesVisibility,
  updateOwnImageRow,
  type ImageRow,
} from "./images-queries";

export interface ImageFile {
  row: ImageRow;
  body: Uint8Array;
  contentType: string;
}

/** Who is downloading: the signed-in user, else the client's address. */
export interface Downloader {
  userId: string | null;
  ip: string | null;
}

export interface ImagesService {
  /** Own image, or anyone's public one (as others may see it); NOT_FOUND otherwise. */
  getImage(input: { id: string; viewerId: string | null }): Promise<Image>;
  getImageRow(input: { id: string; viewerId: string | null }): Promise<ImageRow>;
  updateImage(input: { id: string; userId: string; patch: ImagePatch }): Promise<Image>;
  /** Makes own images public or private; returns the ids it changed (others' are skipped). */
  setVisibility(input: { userId: string; ids: string[]; isPublic: boolean }): Promise<string[]>;
  /** Deletes one own image with its files; NOT_FOUND when it is not the user's. */
  deleteImage(input: { id: string; userId: string; audit: AuditContext }): Promise<void>;
  /** Deletes own images with their files; returns the ids it deleted (others' are skipped). */
  deleteImages(input: { ids: string[]; userId: string; audit: AuditContext }): Promise<string[]>;
  /** The chain of edits an image came from (visible ancestors) and the edits made from it. */
  lineage(input: { id: string; viewerId: string | null }): Promise<ImageLineage>;
  readFile(input: {
    id: string;
    viewerId: string | null;
    variant: ImageVariant;
  }): Promise<ImageFile>;
  /**
   * Where the viewer may fetch the file from without the studio passing the bytes on: a short-
   * lived signed URL at the object store, after the same check as readFile (NOT_FOUND for what
   * the viewer may not see, or a file that is missing). null when the store hands out no such
   * URLs (embedded mode, STORAGE_REDIRECTS=off): stream readFile instead.
   */
  fileRedirect(input: {
    id: string;
    viewerId: string | null;
    variant: ImageVariant;
  }): Promise<string | null>;
  /** readFile, counting the download once per downloader, image and day (never the owner's). */
  downloadFile(input: {
    id: string;
    viewer: Downloader;
    variant: ImageVariant;
  }): Promise<ImageFile>;
}

const DAY_SECONDS = 24 * 60 * 60;

/** One file of one image, asked for by a viewer (null: signed out). */
type FileRequest = { id: string; viewerId: string | null; variant: ImageVariant };

/** A size the image does not have (1920 of a small image) falls back to the original. */
function chosenVariant(row: ImageRow, variant: ImageVariant): ImageVariant {
  return variantsOf(row).includes(variant) ? variant : "original";
}

export function createImagesService({
  db,
  objectStore,
  kv,
}: {
  db: Database;
  objectStore: ObjectStorePort;
  kv: KvPort;
}): ImagesService {
  async function visibleRow(id: string, viewerId: string | null): Promise<ImageRow> {
    const row = await getVisibleImageRow({ db, id, viewerId });
    if (!row) throw notFound("Image");
    return row;
  }

  async function deleteImages({
    ids,
    userId,
    audit,
  }: {
    ids: string[];
    userId: string;
    audit: AuditContext;
  }): Promise<string[]> {
    // The rows, the record of their files and the audit entry go together; the files follow.
    // If removing them fails, the record stays and the daily cron finishes the job (never a
    // file without a row left for good, never a row without its file).
    const { deleted, keys } = await db.transaction(async (tx) => {
      const rows = await deleteOwnImageRows({ db: tx, userId, ids });
      if (rows.length === 0) return { deleted: [], keys: [] };
      const fileKeys = rows.flatMap((row) => allFileKeysOf(row));
      await queueFileRemovals(tx, fileKeys, "image deleted");
      const one = rows.length === 1 ? rows[0] : undefined;
      await writeAudit(
        tx,
        one
          ? { action: "image.delete", actorId: userId, targetType: "image", targetId: one.id }
          : {
              action: "image.delete",
              actorId: userId,
              targetType: "images",
              targetId: rows
                .map((row) => row.id)
                .join(",")
                .slice(0, 2000),
              metadata: { count: rows.length },
            },
        audit,
      );
      return { deleted: rows.map((row) => row.id), keys: fileKeys };
    });
    await removeQueuedFiles({ db, objectStore, keys });
    return deleted;
  }

  /** The row and the object-store key of the file a viewer may see (NOT_FOUND otherwise). */
  async function visibleFile({ id, viewerId, variant }: FileRequest) {
    const row = await visibleRow(id, viewerId);
    const chosen = chosenVariant(row, variant);
    const missing = () => {
      logger.error("image row without its file", { imageId: id, variant: chosen });
      return notFound("Image file");
    };
    return { row, key: fileKeyOf(row, chosen), missing };
  }

  async function fileRedirect(request: FileRequest): Promise<string | null> {
    if (!objectStore.signedUrl) return null;
    const { key, missing } = await visibleFile(request);
    const url = await objectStore.signedUrl(key);
    if (!url) throw missing();
    return url;
  }

  async function readFile(request: FileRequest): Promise<ImageFile> {
    const { row, key, missing } = await visibleFile(request);
    const file = await objectStore.get(key);
    if (!file) throw missing();
    return { row, body: file.body, contentType: row.mimeType };
  }

  /**
   * True the first time this downloader fetches this image today (UTC). Downloads order the
   * "popular" gallery, so a script fetching one image again and again must not move it.
   */
  async function firstDownloadToday(imageId: string, viewer: Downloader): Promise<boolean> {
    const who = viewer.userId ? `user:${viewer.userId}` : `ip:${viewer.ip ?? "unknown"}`;
    try {
      const hit = await kv.limit(`download:${imageId}:${who}`, {
        limit: 1,
        windowSeconds: DAY_SECONDS,
      });
      return hit.success;
    } catch (error) {
      // The download itself goes on; only its count is skipped while the store is down.
      logger.warn("download not counted: kv unavailable", { imageId, error });
      return false;
    }
  }

  return {
    async getImage({ id, viewerId }) {
      return reshapeImageFor(await visibleRow(id, viewerId), viewerId);
    },
    getImageRow: ({ id, viewerId }) => visibleRow(id, viewerId),

    async updateImage({ id, userId, patch }) {
      const row = await db.transaction(async (tx) => {
        const { isPublic, ...rest } = patch;
        if (isPublic !== undefined) {
          const changed = await setOwnImagesVisibility({ db: tx, userId, ids: [id], isPublic });
          if (changed.length === 0) throw notFound("Image");
        }
        if (Object.keys(rest).length > 0)
          return updateOwnImageRow({ db: tx, id, userId, patch: rest });
        const current = await getImageRow({ db: tx, id });
        return current?.userId === userId ? current : null;
      });
      if (!row) throw notFound("Image");
      return reshapeImageFor(row, userId);
    },

    setVisibility: ({ userId, ids, isPublic }) =>
      db.transaction((tx) => setOwnImagesVisibility({ db: tx, userId, ids, isPublic })),

    async deleteImage({ id, userId, audit }) {
      const deleted = await deleteImages({ ids: [id], userId, audit });
      if (deleted.length === 0) throw notFound("Image");
    },
    deleteImages,

    async lineage({ id, viewerId }) {
      const rows = await listLineageRows({ db, id, viewerId });
      const byId = new Map(rows.map((row) => [row.id, row]));
      const self = byId.get(id);
      if (!self) throw notFound("Image");
      const ancestors: Image[] = [];
      let parentId = self.parentId;
      for (let depth = 0; parentId && depth < LINEAGE_DEPTH; depth++) {
        const parent = byId.get(parentId);
        if (!parent) break;
        ancestors.unshift(reshapeImageFor(parent, viewerId));
        parentId = parent.parentId;
      }
      const sources = self.sourceImageIds.flatMap((sourceId) => {
        const source = byId.get(sourceId);
        return source ? [reshapeImageFor(source, viewerId)] : [];
      });
      // Already newest first, as the query ordered them.
      const descendants = rows
        .filter((row) => row.id !== id && (row.parentId === id || row.sourceImageIds.includes(id)))
        .map((row) => reshapeImageFor(row, viewerId));
      return { ancestors, sources, descendants };
    },

    readFile,
    fileRedirect,

    async downloadFile({ id, viewer, variant }) {
      const file = await readFile({ id, viewerId: viewer.userId, variant });
      if (file.row.userId !== viewer.userId && (await firstDownloadToday(id, viewer))) {
        await incrementDownloadCount({ db, id });
      }
      return file;
    },
  };
}
