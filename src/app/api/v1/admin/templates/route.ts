import { adminTemplateCreateSchema } from "@/shared/schemas/admin-templates";
import { TEMPLATE_BODY_KINDS, uploadedPreview } from "@/server/admin/templates-admin-http";
import { defineRoute } from "@/server/http/define-route";
import { reply } from "@/server/http/reply";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/admin/templates — every style template, hidden ones too (admins only)
const listTemplates = defineRoute({ access: "admin" }, async ({ services }) =>
  services.adminTemplates.list(),
);

// POST /api/v1/admin/templates — create a template (JSON, or multipart with a `preview` file); audited
const createTemplate = defineRoute(
  { access: "admin", body: adminTemplateCreateSchema, bodyKinds: TEMPLATE_BODY_KINDS },
  async ({ services, identity, body, files, requestId, meta }) =>
    reply(
      {
        template: await services.adminTemplates.create({
          actorId: identity.userId,
          fields: body,
          preview: uploadedPreview(files),
          audit: { requestId, meta },
        }),
      },
      { status: 201 },
    ),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods(
  { GET: listTemplates, POST: createTemplate },
  { access: "admin" },
);
