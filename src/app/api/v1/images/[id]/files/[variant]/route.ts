import { imageFileParamsSchema } from "@/shared/schemas/images";
import { defineRoute } from "@/server/http/define-route";

// GET /api/v1/images/:id/files/:variant — the image file (original or a thumbnail) for <img>
export const GET = defineRoute(
  { access: "optional", scope: "images:read", params: imageFileParamsSchema },
  async ({ request, services, identity, params }) => {
    const file = await services.images.readFile({
      id: params.id,
      viewerId: identity?.userId ?? null,
      variant: params.variant,
    });
    const etag = `"${params.id}-${params.variant}"`;
    // The bytes behind a URL never change, so browsers keep them for a year. `private`: shared
    // caches must not keep an image that may become private again.
    const headers = {
      "content-type": file.contentType,
      "cache-control": "private, max-age=31536000, immutable",
      etag,
      "cross-origin-resource-policy": "same-origin",
    };
    if (request.headers.get("if-none-match") === etag)
      return new Response(null, { status: 304, headers });
    return new Response(new Blob([file.body as Uint8Array<ArrayBuffer>]), {
      headers: { ...headers, "content-length": String(file.body.byteLength) },
    });
  },
);
