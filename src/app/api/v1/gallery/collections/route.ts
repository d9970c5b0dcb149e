import { collectionInputSchema } from "@/shared/schemas/gallery";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { reply } from "@/server/http/reply";

// GET /api/v1/gallery/collections — own collections with counts and covers
const listOwnCollections = defineRoute(
  { access: "user", scope: "images:read" },
  async ({ services, identity }) => services.gallery.listCollections({ userId: identity.userId }),
);

// POST /api/v1/gallery/collections — create a collection
const addCollection = defineRoute(
  { access: "user", scope: "images:write", body: collectionInputSchema },
  async (ctx) =>
    reply(
      await ctx.services.gallery.createCollection({ userId: ctx.identity.userId, input: ctx.body }),
      { status: 201 },
    ),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: listOwnCollections,
  POST: addCollection,
});
