import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Collection, Image, PublicImage } from "@/shared/api-types";
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
import type { AuditContext } from "@/server/audit/audit-log";
import { AppError, notFound } from "@/server/http/app-error";
import { fileUrlOf, reshapeImageFor } from "@/server/images/image-files";
import { imageColumns, type ImageRow } from "@/server/images/images-queries";
import type { ImagesService } from "@/server/images/images-service";
import { newShareId } from "@/server/sharing/share-id";
import {
  getCollectionRow,
  getCollectionRowByShareId,
  listOwnCollectionRows,
  summariseCollection,
  type CollectionRow,
  type CollectionSummaryRow,
} from "./collections-queries";
import type { CursorCodec } from "./cursor";
import { listOwnImageRows, listPublicImageRows, listedImageColumns } from "./image-list-queries";

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
  images: imagesService,
  cursors,
}: {
  db: Database;
  /** The owner of the rules for images (publishing, deleting with their files, lineage). */
  images: ImagesService;
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

  return {
    async listOwnImages({
      userId,
      query,
    }: {
      userId: string;
      query: ImageListQuery;
    }): Promise<Page<Image>> {
      if (query.collectionId) await ownCollection(query.collectionId, userId);
      // A cursor belongs to one order ("own" is newest first, as cursors issued before sort were).
      const scope = query.sort === "oldest" ? "own-oldest" : "own";
      const after = query.cursor ? cursors.decode(query.cursor, scope) : null;
      const rows = await listOwnImageRows({
        db,
        userId,
        filters: query,
        sort: query.sort,
        limit: query.limit,
        after: after ? { sort: String(after.sort), id: after.id } : null,
      });
      return paginate(
        rows,
        query.limit,
        scope,
        (row) => row.sortKey,
        (row) => reshapeImageFor(row, userId),
        cursors,
      );
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
        // Nobody is signed in here (the route is public), so every image is someone else's.
        (row) => ({ ...reshapeImageFor(row, null), author: { name: row.authorName } }),
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
        .select({ ...listedImageColumns, sortKey: addedAtText })
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
        rows,
        limit,
        scope,
        (entry) => entry.sortKey,
        (entry) => reshapeImageFor(entry, viewerId),
        cursors,
      );
    },

    async bulk({
      userId,
      action,
      audit,
    }: {
      userId: string;
      action: BulkAction;
      audit: AuditContext;
    }): Promise<{ affected: number; imageIds: string[] }> {
      const ids = await ownImageIds(userId, action.imageIds);
      if (ids.length === 0) return { affected: 0, imageIds: [] };
      switch (action.action) {
        case "delete": {
          const deleted = await imagesService.deleteImages({ ids, userId, audit });
          return { affected: deleted.length, imageIds: deleted };
        }
        case "setVisibility": {
          const changed = await imagesService.setVisibility({
            userId,
            ids,
            isPublic: action.isPublic,
          });
          return { affected: changed.length, imageIds: changed };
        }
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

    /**
     * The public image behind a share link, as anyone may see it, or null. `ownerId` is for the
     * server to tell its owner apart; it is not part of the image.
     */
    async getSharedImage({
      shareId,
    }: {
      shareId: string;
    }): Promise<{ image: PublicImage; ownerId: string } | null> {
      const [row] = await db
        .select({ image: imageColumns, authorName: profiles.name })
        .from(images)
        .innerJoin(profiles, eq(profiles.id, images.userId))
        .where(and(eq(images.shareId, shareId), eq(images.isPublic, true)))
        .limit(1);
      if (!row) return null;
      return {
        image: { ...reshapeImageFor(row.image, null), author: { name: row.authorName } },
        ownerId: row.image.userId,
      };
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
