import "server-only";
import type { NextRequest } from "next/server";
import type { EnhancePromptInput } from "@/shared/schemas/prompts";
import type { AuthIdentity } from "@/server/auth/auth-port";
import { assertMayGenerate } from "@/server/auth/email-service";
import { errorBodyOf } from "@/server/http/define-route";
import { createEventStream } from "@/server/http/event-stream";
import { rateLimitHeaders } from "@/server/http/rate-limit";
import { reply } from "@/server/http/reply";
import { logger } from "@/server/observability/logger";
import type { Services } from "@/server/services";

/**
 * Answers POST /prompts/enhance the way the client asked: `delta` events then one `done`
 * (or `error`) for `Accept: text/event-stream`, else 200 `{prompt}`. Refusals that come before
 * the model's first words (validation, moderation, rate limit, missing or rejected key,
 * provider quota, safety) are plain error answers in both modes, with their HTTP status.
 */
export async function respondWithEnhancement(context: {
  request: NextRequest;
  services: Services;
  identity: AuthIdentity;
  requestId: string;
  body: EnhancePromptInput;
  responseHeaders: Headers;
}) {
  const { request, services, identity, requestId, body, responseHeaders } = context;
  await assertMayGenerate(services, identity.userId);
  const wantsStream = (request.headers.get("accept") ?? "").includes("text/event-stream");
  // The model stops when the client goes away: nothing is kept of an unread suggestion.
  const run = await services.prompts.start({
    userId: identity.userId,
    input: body,
    requestId,
    signal: request.signal,
  });
  const limitHeaders = rateLimitHeaders(run.rateLimit);

  if (!wantsStream) {
    for (const [name, value] of Object.entries(limitHeaders)) responseHeaders.set(name, value);
    return reply({ prompt: await run.finish() });
  }

  const events = createEventStream();
  for (const [name, value] of Object.entries(limitHeaders))
    events.response.headers.set(name, value);
  void run
    .finish((text) => events.send("delta", { text }))
    .then((prompt) => events.send("done", { prompt }))
    .catch((error: unknown) => {
      if (!events.isOpen || request.signal.aborted) {
        logger.info("prompt enhancement ended after the client left", { requestId });
        return;
      }
      events.send("error", { error: errorBodyOf(error, requestId) });
    })
    .finally(() => events.close());
  return events.response;
}
