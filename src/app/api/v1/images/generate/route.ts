import { generateInputSchema } from "@/shared/schemas/images";
import {
  GENERATE_BODY_KINDS,
  generationErrorHeaders,
  readIdempotencyKey,
  respondWithGeneration,
  uploadedInputImages,
} from "@/server/generation/generation-http";
import {
  assertInputImageCount,
  combineInputs,
  loadSourceImages,
} from "@/server/generation/source-images";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/images/generate — generate 1..4 images (JSON with inputImageIds, or multipart with up to four `image` files; SSE progress on request)
const generateImage = defineRoute(
  {
    access: "user",
    scope: "images:write",
    body: generateInputSchema,
    bodyKinds: GENERATE_BODY_KINDS,
    errorHeaders: generationErrorHeaders,
  },
  async (ctx) => {
    const idempotencyKey = readIdempotencyKey(ctx.request);
    const uploads = uploadedInputImages(ctx.files);
    const galleryIds = ctx.body.inputImageIds ?? [];
    assertInputImageCount(uploads.length, galleryIds.length);
    // Loaded before anything is spent: another's private or an unknown id is a plain 404.
    const sources = await loadSourceImages(ctx.services.images, {
      userId: ctx.identity.userId,
      ids: galleryIds,
    });
    const inputs = combineInputs(uploads, sources);
    return respondWithGeneration(ctx, (extra) =>
      ctx.services.generation.generate({
        userId: ctx.identity.userId,
        action: "image.generate",
        input: ctx.body,
        ...inputs,
        idempotencyKey,
        ...extra,
      }),
    );
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: generateImage,
});

export const maxDuration = 300;
