import {
  adminTemplateParamsSchema,
  adminTemplatePatchSchema,
} from "@/shared/schemas/admin-templates";
import { TEMPLATE_BODY_KINDS, uploadedPreview } from "@/server/admin/templates-admin-http";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/admin/templates/:id — one template, hidden or not (admins only)
const readTemplate = defineRoute(
  { access: "admin", params: adminTemplateParamsSchema },
  async ({ services, params }) => ({ template: await services.adminTemplates.get(params) }),
);

// PATCH /api/v1/admin/templates/:id — change any field, hide or show, replace the preview; audited
const updateTemplate = defineRoute(
  {
    access: "admin",
    params: adminTemplateParamsSchema,
    body: adminTemplatePatchSchema,
    bodyKinds: TEMPLATE_BODY_KINDS,
  },
  async ({ services, identity, params, body, files, requestId, meta }) => ({
    template: await services.adminTemplates.update({
      actorId: identity.userId,
      id: params.id,
      patch: body,
      preview: uploadedPreview(files),
      audit: { requestId, meta },
    }),
  }),
);

// DELETE /api/v1/admin/templates/:id — delete it; images made with it keep their files; audited
const deleteTemplate = defineRoute(
  { access: "admin", params: adminTemplateParamsSchema },
  async ({ services, identity, params, requestId, meta }) =>
    services.adminTemplates.remove({
      actorId: identity.userId,
      id: params.id,
      audit: { requestId, meta },
    }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods(
  { GET: readTemplate, PATCH: updateTemplate, DELETE: deleteTemplate },
  { access: "admin" },
);
