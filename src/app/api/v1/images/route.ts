import { imageListQuerySchema } from "@/shared/schemas/gallery";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { reply } from "@/server/http/reply";

// GET /api/v1/images — own images, newest or oldest first, with search and filters (keyset pages)
const listImages = defineRoute(
  { access: "user", scope: "images:read", query: imageListQuerySchema },
  async (ctx) => {
    const page = await ctx.services.gallery.listOwnImages({
      userId: ctx.identity.userId,
      query: ctx.query,
    });
    return reply(page.items, { pagination: page.pagination });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: listImages });
