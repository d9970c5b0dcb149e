import { defineRoute } from "@/server/http/define-route";
import {
  readGenerateRequest,
  readIdempotencyKey,
  respondWithGeneration,
} from "@/server/generation/generation-http";

// POST /api/v1/images/generate — generate one image (JSON or multipart with an input image; SSE progress on request)
export const POST = defineRoute({ access: "user", scope: "images:write" }, async (ctx) => {
  const idempotencyKey = readIdempotencyKey(ctx.request);
  const { input, imageBytes } = await readGenerateRequest(ctx.request);
  return respondWithGeneration(ctx, (extra) =>
    ctx.services.generation.generate({
      userId: ctx.identity.userId,
      action: "image.generate",
      input,
      inputImageBytes: imageBytes,
      parentId: null,
      idempotencyKey,
      ...extra,
    }),
  );
});

export const maxDuration = 300;
