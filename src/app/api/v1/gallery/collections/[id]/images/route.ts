import {
  addToCollectionSchema,
  collectionIdParamsSchema,
  collectionImagesQuerySchema,
} from "@/shared/schemas/gallery";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { reply } from "@/server/http/reply";

// GET /api/v1/gallery/collections/:id/images — the collection's images, newest added first (keyset pages)
const readCollectionImages = defineRoute(
  {
    access: "optional",
    scope: "images:read",
    params: collectionIdParamsSchema,
    query: collectionImagesQuerySchema,
  },
  async ({ services, identity, params, query }) => {
    const page = await services.gallery.listCollectionImages({
      id: params.id,
      viewerId: identity?.userId ?? null,
      limit: query.limit,
      cursor: query.cursor,
    });
    return reply(page.items, { pagination: page.pagination });
  },
);

// POST /api/v1/gallery/collections/:id/images — add an own image to an own collection
const addCollectionImage = defineRoute(
  {
    access: "user",
    scope: "images:write",
    params: collectionIdParamsSchema,
    body: addToCollectionSchema,
  },
  async ({ services, identity, params, body }) => {
    await services.gallery.addImage({
      collectionId: params.id,
      imageId: body.imageId,
      userId: identity.userId,
    });
    return reply({ added: true }, { status: 201 });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: readCollectionImages,
  POST: addCollectionImage,
});
