import { imageFileParamsSchema } from "@/shared/schemas/images";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { fileCacheControl, fileEtagOf, matchesEtag } from "@/server/images/image-files";

// GET /api/v1/images/:id/files/:variant — the image file (original or a thumbnail) for <img>
const readImageFile = defineRoute(
  { access: "optional", scope: "images:read", params: imageFileParamsSchema },
  async ({ request, services, identity, params }) => {
    const viewerId = identity?.userId ?? null;
    const etag = fileEtagOf(params.id, params.variant);
    const baseHeaders = { etag, "cross-origin-resource-policy": "same-origin" };
    // Every cache asks again on use (see fileCacheControl), so a kept copy is confirmed here:
    // only to a viewer who may still see the image, and without reading the file.
    if (request.headers.has("if-none-match")) {
      const row = await services.images.getImageRow({ id: params.id, viewerId });
      if (matchesEtag(request.headers.get("if-none-match"), etag)) {
        return new Response(null, {
          status: 304,
          headers: { ...baseHeaders, "cache-control": fileCacheControl(row) },
        });
      }
    }
    const file = await services.images.readFile({
      id: params.id,
      viewerId,
      variant: params.variant,
    });
    return new Response(new Blob([file.body as Uint8Array<ArrayBuffer>]), {
      headers: {
        ...baseHeaders,
        "cache-control": fileCacheControl(file.row),
        "content-type": file.contentType,
        "content-length": String(file.body.byteLength),
      },
    });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: readImageFile,
});
