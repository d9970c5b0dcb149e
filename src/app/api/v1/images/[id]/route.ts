import { imageIdParamsSchema, imagePatchSchema } from "@/shared/schemas/images";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/images/:id — own image, or anyone's public image
const readImage = defineRoute(
  { access: "optional", scope: "images:read", params: imageIdParamsSchema },
  async ({ services, identity, params }) => ({
    image: await services.images.getImage({ id: params.id, viewerId: identity?.userId ?? null }),
  }),
);

// PATCH /api/v1/images/:id — change tags, visibility or favorite (owner only)
const changeImage = defineRoute(
  { access: "user", scope: "images:write", params: imageIdParamsSchema, body: imagePatchSchema },
  async ({ services, identity, params, body }) => ({
    image: await services.images.updateImage({
      id: params.id,
      userId: identity.userId,
      patch: body,
    }),
  }),
);

// DELETE /api/v1/images/:id — delete the image and its files (owner only)
const removeImage = defineRoute(
  { access: "user", scope: "images:write", params: imageIdParamsSchema },
  async ({ services, identity, params, requestId, meta }) => {
    await services.images.deleteImage({
      id: params.id,
      userId: identity.userId,
      audit: { requestId, meta },
    });
    return { deleted: true };
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: readImage,
  PATCH: changeImage,
  DELETE: removeImage,
});
