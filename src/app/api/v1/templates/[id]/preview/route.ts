import { templatePreviewQuerySchema } from "@/shared/schemas/admin-templates";
import { uuidParamSchema } from "@/shared/schemas/templates";
import { previewTokenOf } from "@/server/admin/templates-admin-preview";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/templates/:id/preview — an uploaded template preview (WebP); shipped ones live under /templates/
const readTemplatePreview = defineRoute(
  { access: "public", params: uuidParamSchema, query: templatePreviewQuerySchema },
  async ({ services, params, query }) => {
    const file = await services.adminTemplates.readPreview({ id: params.id });
    // A new file gets a new `v`, so the address of one file never shows another: it may be
    // kept for a year. Without the current `v`, caches must ask again.
    const current = query.v === previewTokenOf(file.key);
    return new Response(new Blob([file.body as Uint8Array<ArrayBuffer>]), {
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.body.byteLength),
        "cache-control": current
          ? "public, max-age=31536000, immutable"
          : "public, max-age=0, must-revalidate",
        "cross-origin-resource-policy": "same-origin",
      },
    });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: readTemplatePreview,
});
