import "server-only";
import { cache } from "react";
import type { Collection } from "@/shared/api-types";
import { collectionIdParamsSchema } from "@/shared/schemas/gallery";
import { getCurrentUser } from "@/server/auth/current-user";
import { AppError } from "@/server/http/app-error";
import { getServices } from "@/server/services";

export type CollectionPageAccess =
  | { kind: "own"; collection: Collection; viewerId: string }
  /** Someone else's public collection: its share page is the way to see it. */
  | { kind: "someone-else's"; shareUrl: string | null }
  | { kind: "signed-out" }
  | { kind: "not-found" };

/**
 * What /collections/[id] may show this viewer; once per request, so the segment's layout
 * (which answers 404 or redirects before anything streams) and the page share one query.
 */
export const loadCollectionPageAccess = cache(async (id: string): Promise<CollectionPageAccess> => {
  const user = await getCurrentUser();
  if (!user) return { kind: "signed-out" };
  if (!collectionIdParamsSchema.safeParse({ id }).success) return { kind: "not-found" };
  const services = await getServices();
  try {
    const collection = await services.gallery.getCollection({ id, viewerId: user.id });
    return collection.userId === user.id
      ? { kind: "own", collection, viewerId: user.id }
      : { kind: "someone-else's", shareUrl: collection.shareUrl };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return { kind: "not-found" };
    throw error;
  }
});
