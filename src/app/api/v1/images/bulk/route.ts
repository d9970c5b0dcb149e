import { bulkActionSchema } from "@/shared/schemas/gallery";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/images/bulk — delete, publish/unpublish, favorite, or (un)file many own images at once
const applyBulkAction = defineRoute(
  { access: "user", scope: "images:write", body: bulkActionSchema },
  async ({ services, identity, body, requestId, meta }) =>
    services.gallery.bulk({ userId: identity.userId, action: body, audit: { requestId, meta } }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: applyBulkAction,
});
