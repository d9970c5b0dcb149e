import { collectionImageParamsSchema } from "@/shared/schemas/gallery";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// DELETE /api/v1/gallery/collections/:id/images/:imageId — take an image out of a collection
const removeFromCollection = defineRoute(
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

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  DELETE: removeFromCollection,
});
