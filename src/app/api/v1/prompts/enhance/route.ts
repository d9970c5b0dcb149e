import { enhancePromptInputSchema } from "@/shared/schemas/prompts";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { respondWithEnhancement } from "@/server/prompts/prompt-enhancement-http";

// POST /api/v1/prompts/enhance — rewrite a prompt with a text model (SSE deltas on request); no image quota
const enhancePrompt = defineRoute(
  { access: "user", scope: "images:write", body: enhancePromptInputSchema },
  async (ctx) => respondWithEnhancement(ctx),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: enhancePrompt,
});

export const maxDuration = 60;
