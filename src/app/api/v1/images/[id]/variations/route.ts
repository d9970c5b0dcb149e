import { imageIdParamsSchema, variationsInputSchema } from "@/shared/schemas/images";
import {
  generationErrorHeaders,
  readIdempotencyKey,
  respondWithGeneration,
} from "@/server/generation/generation-http";
import { variationRequest } from "@/server/generation/source-images";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/images/:id/variations — 1..4 new images from image :id (own or public) at a strength, parentId = :id
const makeVariations = defineRoute(
  {
    access: "user",
    scope: "images:write",
    params: imageIdParamsSchema,
    body: variationsInputSchema,
    errorHeaders: generationErrorHeaders,
  },
  async (ctx) => {
    const idempotencyKey = readIdempotencyKey(ctx.request);
    const request = await variationRequest(ctx.services.images, {
      userId: ctx.identity.userId,
      sourceId: ctx.params.id,
      input: ctx.body,
      idempotencyKey,
      requestId: ctx.requestId,
    });
    return respondWithGeneration(ctx, (extra) =>
      ctx.services.generation.generate({ ...request, ...extra }),
    );
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: makeVariations,
});

export const maxDuration = 300;
