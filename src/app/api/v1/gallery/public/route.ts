import { publicGalleryQuerySchema } from "@/shared/schemas/gallery";
import { PUBLIC_LIST_CACHE_CONTROL } from "@/server/http/cache-control";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { reply } from "@/server/http/reply";

// GET /api/v1/gallery/public — everyone's public images, newest or popular, searchable; no sign-in needed
const listPublicGallery = defineRoute(
  { access: "public", query: publicGalleryQuerySchema },
  async ({ services, query }) => {
    const page = await services.gallery.listPublicImages(query);
    return reply(page.items, {
      pagination: page.pagination,
      headers: { "cache-control": PUBLIC_LIST_CACHE_CONTROL },
    });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: listPublicGallery,
});
