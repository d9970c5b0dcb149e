import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Collection, Image, ImageLineage, PublicImage } from "@/shared/api-types";
import type { ApiMeta } from "@/shared/api-errors";
import type {
  BulkAction,
  CollectionInput,
  CollectionPatch,
  ImageListQuery,
  PublicGalleryQuery,
} from "@/shared/schemas/gallery";
import type { Database } from "@/server/db/database";
import { collectionImages, collections, images, profiles } from "@/server/db/schema";
import { AppError, notFound } from "@/server/http/app-error";
import { allFileKeysOf, fileUrlOf, reshapeImage } from "@/server/images/image-files";
import { imageColumns, type ImageRow } from "@/server/images/images-queries";
import { newShareId } from "@/server/sharing/share-id";
import { queueFileRemovals, removeQueuedFiles } from "@/server/storage/file-removals";
import type { ObjectStorePort } from "@/server/storage/object-store-port";
import {
  getCollectionRow,
  getCollectionRowByShareId,
  listOwnCollectionRows,
  summariseCollection,
  type CollectionRow,
  type CollectionSummaryRow,
} from "./collections-queries";
import type { CursorCodec } from "./cursor";
import { listOwnImageRows, listPublicImageRows } from "./image-list-queries";

export interface Page<T> {
  items: T[];
  pagination: NonNullable<ApiMeta["pagination"]>;
}

export function reshapeCollection(row: CollectionSummaryRow): Collection {
  const cover = row.coverImage;
  const coverSize = cover?.thumbnailSizes.includes(300) ? "300" : "original";
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    description: row.description,
    isPublic: row.isPublic,
    coverImageId: row.coverImageId,
    coverUrl: cover ? fileUrlOf(cover.id, coverSize) : null,
    imageCount: row.imageCount,
    shareUrl: row.isPublic && row.shareId ? `/s/c/${row.shareId}` : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function paginate<Row extends { id: string }, Item>(
  rows: Row[],
  limit: number,
  scope: string,
  sortOf: (row: Row) => string | number,
  reshape: (row: Row) => Item,
  cursors: CursorCodec,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(reshape),
    pagination: {
      limit,
      hasMore,
      nextCursor:
        hasMore && last ? cursors.encode({ scope, sort: sortOf(last), id: last.id }) : null,
    },
  };
}

export function createGalleryService({
  db,
  objectStore,
  cursors,
}: {
  db: Database;
  objectStore: ObjectStorePort;
  cursors: CursorCodec;
}) {
  async function ownCollection(id: string, userId: string): Promise<CollectionRow> {
    const row = await getCollectionRow({ db, id });
    if (!row || row.userId !== userId) throw notFound("Collection");
    return row;
  }

  async function ownImageIds(userId: string, ids: string[]): Promise<string[]> {
    const rows = await db
      .select({ id: images.id })
      .from(images)
      .where(and(eq(images.userId, userId), inArray(images.id, ids)));
    return rows.map((row) => row.id);
  }

  /** Makes images public or private; a first publication gets a share id and a published_at. */
  async function setVisibility(userId: string, ids: string[], isPublic: boolean): Promise<number> {
    if (!isPublic) {
      const rows = await db
        .update(images)
        .set({ isPublic: false, publishedAt: null })
        .where(and(eq(images.userId, userId), inArray(images.id, ids)))
        .returning({ id: images.id });
      return rows.length;
    }
    return db.transaction(async (tx) => {
      const rows = await tx
        .update(images)
        .set({ isPublic: true, publishedAt: sql`coalesce(${images.publishedAt}, now())` })
        .where(and(eq(images.userId, userId), inArray(images.id, ids)))
        .returning({ id: images.id, shareId: images.shareId });
      for (const row of rows.filter((candidate) => !candidate.shareId)) {
        await tx
          .update(images)
          .set({ shareId: newShareId() })
          .where(and(eq(images.id, row.id), isNull(images.shareId)));
      }
      return rows.length;
    });
  }

  return {
    setVisibility,

    async listOwnImages({
      userId,
      query,
    }: {
      userId: string;
      query: ImageListQuery;
    }): Promise<Page<Image>> {
      if (query.collectionId) await ownCollection(query.collectionId, userId);
      const after = query.cursor ? cursors.decode(query.cursor, "own") : null;
      const rows = await listOwnImageRows({
        db,
        userId,
        filters: query,
        limit: query.limit,
        after: after ? { sort: String(after.sort), id: after.id } : null,
      });
      return paginate(rows, query.limit, "own", (row) => row.sortKey, reshapeImage, cursors);
    },

    async listPublicImages(query: PublicGalleryQuery): Promise<Page<PublicImage>> {
      const scope = `public-${query.sort}`;
      const after = query.cursor ? cursors.decode(query.cursor, scope) : null;
      const rows = await listPublicImageRows({
        db,
        q: query.q,
        tag: query.tag,
        sort: query.sort,
        limit: query.limit,
        after,
      });
      return paginate(
        rows,
        query.limit,
        scope,
        (row) => row.sortKey,
        (row) => ({ ...reshapeImage(row), author: { name: row.authorName } }),
        cursors,
      );
    },

    async listCollections({ userId }: { userId: string }): Promise<Collection[]> {
      return (await listOwnCollectionRows({ db, userId })).map(reshapeCollection);
    },

    async createCollection({
      userId,
      input,
    }: {
      userId: string;
      input: CollectionInput;
    }): Promise<Collection> {
      const [row] = await db
        .insert(collections)
        .values({
          userId,
          name: input.name,
          description: input.description ?? "",
          isPublic: input.isPublic ?? false,
          shareId: input.isPublic ? newShareId() : null,
        })
        .returning();
      return reshapeCollection(await summariseCollection(db, row!, false));
    },

    /** Own collection, or anyone's public one (whose private images others never see). */
    async getCollection({
      id,
      viewerId,
    }: {
      id: string;
      viewerId: string | null;
    }): Promise<Collection> {
      const row = await getCollectionRow({ db, id });
      if (!row || (!row.isPublic && row.userId !== viewerId)) throw notFound("Collection");
      return reshapeCollection(await summariseCollection(db, row, row.userId !== viewerId));
    },

    async updateCollection({
      id,
      userId,
      patch,
    }: {
      id: string;
      userId: string;
      patch: CollectionPatch;
    }): Promise<Collection> {
      const current = await ownCollection(id, userId);
      if (patch.coverImageId) {
        const [member] = await db
          .select({ imageId: collectionImages.imageId })
          .from(collectionImages)
          .where(
            and(
              eq(collectionImages.collectionId, id),
              eq(collectionImages.imageId, patch.coverImageId),
            ),
          )
          .limit(1);
        if (!member) {
          throw new AppError("VALIDATION_ERROR", "The cover must be an image in this collection.", {
            issues: [{ path: "coverImageId", message: "not an image in this collection" }],
          });
        }
      }
      const [row] = await db
        .update(collections)
        .set({
          ...patch,
          shareId: patch.isPublic && !current.shareId ? newShareId() : current.shareId,
        })
        .where(and(eq(collections.id, id), eq(collections.userId, userId)))
        .returning();
      return reshapeCollection(await summariseCollection(db, row!, false));
    },

    async deleteCollection({ id, userId }: { id: string; userId: string }): Promise<void> {
      await ownCollection(id, userId);
      await db
        .delete(collections)
        .where(and(eq(collections.id, id), eq(collections.userId, userId)));
    },

    async addImage({
      collectionId,
      imageId,
      userId,
    }: {
      collectionId: string;
      imageId: string;
      userId: string;
    }) {
      await ownCollection(collectionId, userId);
      if ((await ownImageIds(userId, [imageId])).length === 0) throw notFound("Image");
      await db.insert(collectionImages).values({ collectionId, imageId }).onConflictDoNothing();
      await db
        .update(collections)
        .set({ updatedAt: new Date() })
        .where(eq(collections.id, collectionId));
    },

    async removeImage({
      collectionId,
      imageId,
      userId,
    }: {
      collectionId: string;
      imageId: string;
      userId: string;
    }) {
      await ownCollection(collectionId, userId);
      const removed = await db
        .delete(collectionImages)
        .where(
          and(
            eq(collectionImages.collectionId, collectionId),
            eq(collectionImages.imageId, imageId),
          ),
        )
        .returning({ imageId: collectionImages.imageId });
      if (removed.length === 0) throw notFound("Image in this collection");
      await db
        .update(collections)
        .set({
          coverImageId: sql`case when ${collections.coverImageId} = ${imageId}::uuid then null else ${collections.coverImageId} end`,
        })
        .where(eq(collections.id, collectionId));
    },

    /** A collection's images by when they were added; visitors of a public collection see its public images only. */
    async listCollectionImages({
      id,
      viewerId,
      limit,
      cursor,
    }: {
      id: string;
      viewerId: string | null;
      limit: number;
      cursor?: string;
    }): Promise<Page<Image>> {
      const row = await getCollectionRow({ db, id });
      if (!row || (!row.isPublic && row.userId !== viewerId)) throw notFound("Collection");
      const scope = `collection:${id}`;
      const after = cursor ? cursors.decode(cursor, scope) : null;
      const addedAtText = sql<string>`to_char(${collectionImages.addedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
      const rows = await db
        .select({ image: imageColumns, sortKey: addedAtText })
        .from(collectionImages)
        .innerJoin(images, eq(images.id, collectionImages.imageId))
        .where(
          and(
            eq(collectionImages.collectionId, id),
            row.userId === viewerId ? undefined : eq(images.isPublic, true),
            after
              ? sql`(${collectionImages.addedAt}, ${collectionImages.imageId}) < (${after.sort}::timestamptz, ${after.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(desc(collectionImages.addedAt), desc(collectionImages.imageId))
        .limit(limit + 1);
      return paginate(
        rows.map((entry) => ({ ...entry.image, sortKey: entry.sortKey })),
        limit,
        scope,
        (entry) => entry.sortKey,
        reshapeImage,
        cursors,
      );
    },

    async bulk({
      userId,
      action,
    }: {
      userId: string;
      action: BulkAction;
    }): Promise<{ affected: number; imageIds: string[] }> {
      const ids = await ownImageIds(userId, action.imageIds);
      if (ids.length === 0) return { affected: 0, imageIds: [] };
      switch (action.action) {
        case "delete": {
          const { deleted, keys } = await db.transaction(async (tx) => {
            const rows = await tx
              .delete(images)
              .where(and(eq(images.userId, userId), inArray(images.id, ids)))
              .returning({
                id: images.id,
                storageKey: images.storageKey,
                thumbnailSizes: images.thumbnailSizes,
              });
            const fileKeys = rows.flatMap((row) => allFileKeysOf(row));
            await queueFileRemovals(tx, fileKeys, "image deleted");
            return { deleted: rows, keys: fileKeys };
          });
          await removeQueuedFiles({ db, objectStore, keys });
          return { affected: deleted.length, imageIds: deleted.map((row) => row.id) };
        }
        case "setVisibility":
          return { affected: await setVisibility(userId, ids, action.isPublic), imageIds: ids };
        case "setFavorite": {
          const rows = await db
            .update(images)
            .set({ favorite: action.favorite })
            .where(and(eq(images.userId, userId), inArray(images.id, ids)))
            .returning({ id: images.id });
          return { affected: rows.length, imageIds: rows.map((row) => row.id) };
        }
        case "addToCollection": {
          await ownCollection(action.collectionId, userId);
          const rows = await db
            .insert(collectionImages)
            .values(ids.map((imageId) => ({ collectionId: action.collectionId, imageId })))
            .onConflictDoNothing()
            .returning({ imageId: collectionImages.imageId });
          await db
            .update(collections)
            .set({ updatedAt: new Date() })
            .where(eq(collections.id, action.collectionId));
          return { affected: rows.length, imageIds: rows.map((row) => row.imageId) };
        }
        case "removeFromCollection": {
          await ownCollection(action.collectionId, userId);
          const rows = await db
            .delete(collectionImages)
            .where(
              and(
                eq(collectionImages.collectionId, action.collectionId),
                inArray(collectionImages.imageId, ids),
              ),
            )
            .returning({ imageId: collectionImages.imageId });
          return { affected: rows.length, imageIds: rows.map((row) => row.imageId) };
        }
      }
    },

    /** The chain of edits an image came from (visible ancestors) and the edits made from it. */
    async lineage({
      id,
      viewerId,
    }: {
      id: string;
      viewerId: string | null;
    }): Promise<ImageLineage> {
      const visible = (row: ImageRow) => row.isPublic || row.userId === viewerId;
      const [self] = await db.select().from(images).where(eq(images.id, id)).limit(1);
      if (!self || !visible(self)) throw notFound("Image");
      const ancestors: Image[] = [];
      let parentId = self.parentId;
      for (let depth = 0; parentId && depth < 50; depth++) {
        const [parent] = await db.select().from(images).where(eq(images.id, parentId)).limit(1);
        if (!parent || !visible(parent)) break;
        ancestors.unshift(reshapeImage(parent));
        parentId = parent.parentId;
      }
      const children = await db
        .select()
        .from(images)
        .where(eq(images.parentId, id))
        .orderBy(desc(images.createdAt))
        .limit(50);
      return { ancestors, descendants: children.filter(visible).map(reshapeImage) };
    },

    async getSharedImage({ shareId }: { shareId: string }): Promise<PublicImage | null> {
      const [row] = await db
        .select({ image: imageColumns, authorName: profiles.name })
        .from(images)
        .innerJoin(profiles, eq(profiles.id, images.userId))
        .where(and(eq(images.shareId, shareId), eq(images.isPublic, true)))
        .limit(1);
      return row ? { ...reshapeImage(row.image), author: { name: row.authorName } } : null;
    },

    async getSharedCollection({ shareId }: { shareId: string }) {
      const row = await getCollectionRowByShareId({ db, shareId });
      if (!row) return null;
      const [owner] = await db
        .select({ name: profiles.name })
        .from(profiles)
        .where(eq(profiles.id, row.userId))
        .limit(1);
      return {
        collection: reshapeCollection(await summariseCollection(db, row, true)),
        authorName: owner?.name ?? "",
      };
    },

    /** Own images for a ZIP, in the order asked. */
    async archiveRows({ userId, ids }: { userId: string; ids: string[] }): Promise<ImageRow[]> {
      const rows: ImageRow[] = await db
        .select(imageColumns)
        .from(images)
        .where(and(eq(images.userId, userId), inArray(images.id, ids)));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id)).filter((row): row is ImageRow => Boolean(row));
    },
  };
}

export type GalleryService = ReturnType<typeof createGalleryService>;
