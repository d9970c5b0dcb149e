import { editInputSchema, imageIdParamsSchema } from "@/shared/schemas/images";
import {
  generationErrorHeaders,
  readIdempotencyKey,
  respondWithGeneration,
} from "@/server/generation/generation-http";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/images/:id/edit — a new image derived from image :id (own or public), parentId set
const editImage = defineRoute(
  {
    access: "user",
    scope: "images:write",
    params: imageIdParamsSchema,
    body: editInputSchema,
    errorHeaders: generationErrorHeaders,
  },
  async (ctx) => {
    const idempotencyKey = readIdempotencyKey(ctx.request);
    return respondWithGeneration(ctx, (extra) =>
      ctx.services.generation.edit({
        userId: ctx.identity.userId,
        sourceId: ctx.params.id,
        input: ctx.body,
        idempotencyKey,
        ...extra,
      }),
    );
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: editImage });

export const maxDuration = 300;
