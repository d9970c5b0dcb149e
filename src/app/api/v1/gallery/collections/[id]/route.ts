import { collectionIdParamsSchema, collectionPatchSchema } from "@/shared/schemas/gallery";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/gallery/collections/:id — own collection, or anyone's public one
const readCollection = defineRoute(
  { access: "optional", scope: "images:read", params: collectionIdParamsSchema },
  async ({ services, identity, params }) =>
    services.gallery.getCollection({ id: params.id, viewerId: identity?.userId ?? null }),
);

// PATCH /api/v1/gallery/collections/:id — rename, describe, set the cover, publish (owner only)
const changeCollection = defineRoute(
  {
    access: "user",
    scope: "images:write",
    params: collectionIdParamsSchema,
    body: collectionPatchSchema,
  },
  async ({ services, identity, params, body }) =>
    services.gallery.updateCollection({ id: params.id, userId: identity.userId, patch: body }),
);

// DELETE /api/v1/gallery/collections/:id — delete the collection (its images stay in the gallery)
const removeCollection = defineRoute(
  { access: "user", scope: "images:write", params: collectionIdParamsSchema },
  async ({ services, identity, params }) => {
    await services.gallery.deleteCollection({ id: params.id, userId: identity.userId });
    return { deleted: true };
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: readCollection,
  PATCH: changeCollection,
  DELETE: removeCollection,
});
