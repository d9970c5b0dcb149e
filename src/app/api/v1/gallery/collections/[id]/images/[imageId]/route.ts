import { collectionImageParamsSchema } from "@/shared/schemas/gallery";
import { defineRoute } from "@/server/http/define-route";

// DELETE /api/v1/gallery/collections/:id/images/:imageId — take an image out of a collection
export const DELETE = defineRoute(
  { access: "user", scope: "images:write", params: collectionImageParamsSchema },
  async ({ services, identity, params }) => {
    await services.gallery.removeImage({
      collectionId: params.id,
      imageId: params.imageId,
      userId: identity.userId,
    });
    return { removed: true };
  },
);
