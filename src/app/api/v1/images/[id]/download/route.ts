import { downloadQuerySchema, imageIdParamsSchema } from "@/shared/schemas/images";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/images/:id/download?size= — the file as an attachment; counts a download (once a day per viewer, never the owner's)
const downloadImage = defineRoute(
  {
    access: "optional",
    scope: "images:read",
    params: imageIdParamsSchema,
    query: downloadQuerySchema,
  },
  async ({ services, identity, params, query, meta }) => {
    const file = await services.images.downloadFile({
      id: params.id,
      viewer: { userId: identity?.userId ?? null, ip: meta.ip },
      variant: query.size,
    });
    const name = `ai-image-${params.id.slice(0, 8)}-${query.size}.webp`;
    return new Response(new Blob([file.body as Uint8Array<ArrayBuffer>]), {
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.body.byteLength),
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "private, no-store",
      },
    });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: downloadImage,
});
