import { editInputSchema, imageIdParamsSchema } from "@/shared/schemas/images";
import { defineRoute } from "@/server/http/define-route";
import { readIdempotencyKey, respondWithGeneration } from "@/server/generation/generation-http";

// POST /api/v1/images/:id/edit — a new image derived from image :id (own or public), parentId set
export const POST = defineRoute(
  { access: "user", scope: "images:write", params: imageIdParamsSchema, body: editInputSchema },
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

export const maxDuration = 300;
