import { generateInputSchema } from "@/shared/schemas/images";
import {
  GENERATE_BODY_KINDS,
  readIdempotencyKey,
  respondWithGeneration,
  uploadedInputImage,
} from "@/server/generation/generation-http";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/images/generate — generate one image (JSON or multipart with an input image; SSE progress on request)
const generateImage = defineRoute(
  {
    access: "user",
    scope: "images:write",
    body: generateInputSchema,
    bodyKinds: GENERATE_BODY_KINDS,
  },
  async (ctx) => {
    const idempotencyKey = readIdempotencyKey(ctx.request);
    const inputImage = uploadedInputImage(ctx.files);
    return respondWithGeneration(ctx, (extra) =>
      ctx.services.generation.generate({
        userId: ctx.identity.userId,
        action: "image.generate",
        input: ctx.body,
        inputImages: inputImage ? [inputImage] : [],
        sourceImageIds: [],
        parentId: null,
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
