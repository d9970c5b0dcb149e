import { archiveInputSchema } from "@/shared/schemas/gallery";
import { streamZipArchive } from "@/server/gallery/zip-archive";
import { AppError } from "@/server/http/app-error";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/images/archive — many own images as one ZIP, streamed. JSON, or a plain form post
// (`imageIds` comma-separated) so that the browser downloads the stream itself instead of buffering it.
const archiveImages = defineRoute(
  {
    access: "user",
    scope: "images:read",
    body: archiveInputSchema,
    bodyKinds: { json: {}, form: {} },
  },
  async (ctx) => {
    const rows = await ctx.services.gallery.archiveRows({
      userId: ctx.identity.userId,
      ids: ctx.body.imageIds,
    });
    if (rows.length === 0) throw new AppError("NOT_FOUND", "None of those images were found.");
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(
      streamZipArchive({ rows, variant: ctx.body.size, objectStore: ctx.services.objectStore }),
      {
        headers: {
          "content-type": "application/zip",
          "content-disposition": `attachment; filename="ai-image-studio-${stamp}-${rows.length}-images.zip"`,
          "cache-control": "private, no-store",
        },
      },
    );
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: archiveImages,
});

export const maxDuration = 300;
