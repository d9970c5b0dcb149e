import { adminTemplateReorderSchema } from "@/shared/schemas/admin-templates";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/admin/templates/reorder — these templates in this order (sortOrder 10, 20…); audited
const reorderTemplates = defineRoute(
  { access: "admin", body: adminTemplateReorderSchema },
  async ({ services, identity, body, requestId, meta }) =>
    services.adminTemplates.reorder({
      actorId: identity.userId,
      ids: body.ids,
      audit: { requestId, meta },
    }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods(
  { POST: reorderTemplates },
  { access: "admin" },
);
