import "server-only";
import { cache } from "react";
import { imageIdParamsSchema } from "@/shared/schemas/images";
import { getCurrentIdentity } from "@/server/auth/current-user";
import { AppError } from "@/server/http/app-error";
import { getServices } from "@/server/services";

/**
 * The image of /images/[id] when the viewer may see it (own, or public), or null; once per
 * request, so the segment's layout (which answers 404 before anything streams) and the page
 * share one query.
 */
export const loadVisibleImage = cache(async (id: string) => {
  if (!imageIdParamsSchema.safeParse({ id }).success) return null;
  const identity = await getCurrentIdentity();
  if (!identity) return null;
  const services = await getServices();
  try {
    const image = await services.images.getImage({ id, viewerId: identity.userId });
    return { image, viewerId: identity.userId, services };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
});
