import { publicGalleryQuerySchema } from "@/shared/schemas/gallery";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { reply } from "@/server/http/reply";

// GET /api/v1/gallery/public — everyone's public images, newest or popular, searchable; no sign-in needed
const listPublicGallery = defineRoute(
  { access: "public", query: publicGalleryQuerySchema },
  async ({ services, query }) => {
    const page = await services.gallery.listPublicImages(query);
    return reply(page.items, { pagination: page.pagination });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: listPublicGallery,
});
