import "server-only";
import type { Image, ImageVariant } from "@/shared/api-types";
import type { ImagePatch } from "@/shared/schemas/images";
import type { Database } from "@/server/db/database";
import { notFound } from "@/server/http/app-error";
import { logger } from "@/server/observability/logger";
import { newShareId } from "@/server/sharing/share-id";
import { queueFileRemovals, removeQueuedFiles } from "@/server/storage/file-removals";
import type { ObjectStorePort } from "@/server/storage/object-store-port";
import { allFileKeysOf, fileKeyOf, reshapeImage, variantsOf } from "./image-files";
import {
  deleteOwnImageRow,
  getVisibleImageRow,
  incrementDownloadCount,
  updateOwnImageRow,
  type ImageRow,
} from "./images-queries";

export interface ImageFile {
  row: ImageRow;
  body: Uint8Array;
  contentType: string;
}

export interface ImagesService {
  /** Own image, or anyone's public one; NOT_FOUND otherwise. */
  getImage(input: { id: string; viewerId: string | null }): Promise<Image>;
  getImageRow(input: { id: string; viewerId: string | null }): Promise<ImageRow>;
  updateImage(input: { id: string; userId: string; patch: ImagePatch }): Promise<Image>;
  deleteImage(input: { id: string; userId: string }): Promise<void>;
  readFile(input: {
    id: string;
    viewerId: string | null;
    variant: ImageVariant;
    countDownload?: boolean;
  }): Promise<ImageFile>;
}

export function createImagesService({
  db,
  objectStore,
}: {
  db: Database;
  objectStore: ObjectStorePort;
}): ImagesService {
  async function visibleRow(id: string, viewerId: string | null): Promise<ImageRow> {
    const row = await getVisibleImageRow({ db, id, viewerId });
    if (!row) throw notFound("Image");
    return row;
  }

  return {
    async getImage({ id, viewerId }) {
      return reshapeImage(await visibleRow(id, viewerId));
    },
    getImageRow: ({ id, viewerId }) => visibleRow(id, viewerId),
    async updateImage({ id, userId, patch }) {
      const current = await getVisibleImageRow({ db, id, viewerId: userId });
      if (!current || current.userId !== userId) throw notFound("Image");
      const publishedAt =
        patch.isPublic === true && !current.isPublic
          ? new Date()
          : patch.isPublic === false
            ? null
            : current.publishedAt;
      const shareId = patch.isPublic && !current.shareId ? newShareId() : current.shareId;
      const row = await updateOwnImageRow({
        db,
        id,
        userId,
        patch: { ...patch, publishedAt, shareId },
      });
      if (!row) throw notFound("Image");
      return reshapeImage(row);
    },
    async deleteImage({ id, userId }) {
      // The row and the record of its files go together; the files follow. If removing them
      // fails, the record stays and the daily cron finishes the job (never a file without a row
      // left for good, never a row without its file).
      const keys = await db.transaction(async (tx) => {
        const row = await deleteOwnImageRow({ db: tx, id, userId });
        if (!row) throw notFound("Image");
        const fileKeys = allFileKeysOf(row);
        await queueFileRemovals(tx, fileKeys, "image deleted");
        return fileKeys;
      });
      await removeQueuedFiles({ db, objectStore, keys });
    },
    async readFile({ id, viewerId, variant, countDownload }) {
      const row = await visibleRow(id, viewerId);
      const available = variantsOf(row);
      // A size the image does not have (1920 of a small image) falls back to the original.
      const chosen = available.includes(variant) ? variant : "original";
      const file = await objectStore.get(fileKeyOf(row, chosen));
      if (!file) {
        logger.error("image row without its file", { imageId: id, variant: chosen });
        throw notFound("Image file");
      }
      if (countDownload) await incrementDownloadCount({ db, id });
      return { row, body: file.body, contentType: row.mimeType };
    },
  };
}
