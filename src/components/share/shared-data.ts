import "server-only";
import { cache } from "react";
import type { Image } from "@/shared/api-types";
import { getServices } from "@/server/services";

/** Share ids are 10 base62 characters; anything far from that is not worth a query. */
const SHARE_ID_PATTERN = /^[A-Za-z0-9]{6,32}$/;

export const SHARED_COLLECTION_PAGE_SIZE = 24;

/**
 * The public image behind a share id as anyone may see it, with its owner's id for the server
 * alone, or null (unknown, or private again). Once per request.
 */
export const loadSharedImage = cache(async (shareId: string) => {
  if (!SHARE_ID_PATTERN.test(shareId)) return null;
  const services = await getServices();
  return services.gallery.getSharedImage({ shareId });
});

/** The public collection behind a share id with its first page of public images, or null. */
export const loadSharedCollection = cache(async (shareId: string) => {
  if (!SHARE_ID_PATTERN.test(shareId)) return null;
  const services = await getServices();
  const shared = await services.gallery.getSharedCollection({ shareId });
  if (!shared) return null;
  const firstPage = await services.gallery.listCollectionImages({
    id: shared.collection.id,
    viewerId: null,
    limit: SHARED_COLLECTION_PAGE_SIZE,
  });
  let cover: Image | null = null;
  if (shared.collection.coverImageId) {
    // A chosen cover that is private (or gone) is skipped, as the collection's card does.
    cover = await services.images
      .getImage({ id: shared.collection.coverImageId, viewerId: null })
      .catch(() => null);
  }
  return { ...shared, firstPage, cover: cover ?? firstPage.items[0] ?? null };
});
