import { generationIdParamsSchema } from "@/shared/schemas/images";
import { streamGenerationJob } from "@/server/generation/generation-http";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/generations/:id — one of the caller's generations (a job): status, images, what
// failed; with Accept: text/event-stream its events from Last-Event-ID until it ends. Anyone
// else's, or an unknown id, is 404.
const getGeneration = defineRoute(
  { access: "user", scope: "images:read", params: generationIdParamsSchema },
  async (ctx) => {
    const userId = ctx.identity.userId;
    if ((ctx.request.headers.get("accept") ?? "").includes("text/event-stream"))
      return streamGenerationJob({
        request: ctx.request,
        services: ctx.services,
        userId,
        id: ctx.params.id,
      });
    return ctx.services.generation.getJob({ userId, id: ctx.params.id });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: getGeneration,
});

export const maxDuration = 300;
