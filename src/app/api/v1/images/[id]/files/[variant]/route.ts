import { imageFileParamsSchema } from "@/shared/schemas/images";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { fileCacheControl, fileEtagOf, matchesEtag } from "@/server/images/image-files";

/**
 * What a redirect to a signed URL may be kept for: nothing. It is worth nothing once the URL
 * expires, and must not outlive the image turning private or being deleted; asking again costs an
 * invocation, no bytes.
 */
const REDIRECT_CACHE_CONTROL = "no-store";

// GET /api/v1/images/:id/files/:variant — the image file (original or a thumbnail) for <img>.
// Where the object store hands out signed URLs (Supabase mode), the bytes come from there: a 307
// to a short-lived URL, after the same check, so the URL pages and the service worker use stays
// this one. 307, not 302: it says "the same request, elsewhere, this time" in so many words (302
// lets a client turn the method into GET); no status of the two is cached without being told.
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
    const signedUrl = await services.images.fileRedirect({
      id: params.id,
      viewerId,
      variant: params.variant,
    });
    if (signedUrl) {
      return new Response(null, {
        status: 307,
        headers: {
          location: signedUrl,
          "cache-control": REDIRECT_CACHE_CONTROL,
          // Applies to the followed request: Storage is not told which studio page showed it.
          "referrer-policy": "no-referrer",
        },
      });
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
