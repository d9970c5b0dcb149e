import "server-only";
import { after, type NextRequest } from "next/server";
import type { Image, Quota } from "@/shared/api-types";
import { IDEMPOTENCY_KEY } from "@/shared/schemas/images";
import type { AuthIdentity } from "@/server/auth/auth-port";
import { assertMayGenerate } from "@/server/auth/email-service";
import { AppError } from "@/server/http/app-error";
import { errorBodyOf } from "@/server/http/define-route";
import { createEventStream } from "@/server/http/event-stream";
import { rateLimitHeaders } from "@/server/http/rate-limit";
import { reply } from "@/server/http/reply";
import type { BodyKinds, UploadedFiles } from "@/server/http/request-body";
import { MAX_UPLOAD_BYTES } from "@/server/images/image-processing";
import { INPUT_IMAGES_MAX } from "@/shared/limits";
import { logger } from "@/server/observability/logger";
import type { Services } from "@/server/services";
import type { GenerationOutcome, GenerationRequest } from "./generation-service";
import { assertInputImageCount } from "./source-images";

/**
 * POST /images/generate takes JSON, or multipart/form-data with the same fields and up to
 * INPUT_IMAGES_MAX `image` files: each file's limit (10 MB, checked per file when it is read)
 * times four, plus room for the other fields and the multipart framing.
 */
export const GENERATE_BODY_KINDS: BodyKinds = {
  json: {},
  multipart: {
    maxBytes: INPUT_IMAGES_MAX * MAX_UPLOAD_BYTES + 64 * 1024,
    files: ["image"],
    tooLargeMessage: `The images are over ${INPUT_IMAGES_MAX * 10} MB together. Each may be up to 10 MB.`,
  },
};

/** The input images of a multipart generate request, in the order sent (none for JSON). */
export function uploadedInputImages(files: UploadedFiles): Uint8Array[] {
  const uploads = files.image ?? [];
  assertInputImageCount(uploads.length, 0);
  return uploads.map((upload) => upload.bytes);
}

export function readIdempotencyKey(request: NextRequest): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new AppError(
      "VALIDATION_ERROR",
      "Idempotency-Key must be 1 to 128 visible ASCII characters.",
      {
        issues: [{ path: "Idempotency-Key", message: "1 to 128 visible ASCII characters" }],
      },
    );
  }
  return key;
}

export function quotaHeaders(quota: Quota): Record<string, string> {
  return {
    "X-Quota-Limit": quota.dailyLimit === null ? "unlimited" : String(quota.dailyLimit),
    "X-Quota-Remaining": quota.remainingToday === null ? "unlimited" : String(quota.remainingToday),
    "X-Quota-Reset": quota.resetsAt,
  };
}

/** Keeps the work alive after the response ends (Vercel); outside a request scope it runs anyway. */
function finishAfterResponse(work: Promise<unknown>) {
  try {
    after(() => work);
  } catch {
    /* not inside a Next request (tests, scripts): the promise still runs to completion */
  }
}

/**
 * Sent by the offline outbox's replay (src/lib/offline/outbox-flush.ts): the person wrote the
 * prompt earlier and may not be looking now. Any other value means nothing.
 */
export const ORIGIN_HEADER = "x-studio-origin";

/**
 * Notes a stored image for the batched "your images are ready" mail when the person was not
 * there to see it: the outbox sent it, or the client had gone before the answer (a closed tab).
 * A replay is the first request's image, already noted or not by that request. Never fails the
 * answer: the image is stored whatever happens to the note.
 */
async function noteIfUnattended(
  { services, request, userId }: { services: Services; request: NextRequest; userId: string },
  outcome: GenerationOutcome,
  clientGone: boolean,
): Promise<{ mailed: Promise<void> }> {
  const none = { mailed: Promise.resolve() };
  if (outcome.replayed) return none;
  const fromOutbox = request.headers.get(ORIGIN_HEADER)?.trim().toLowerCase() === "outbox";
  if (!fromOutbox && !clientGone) return none;
  // Web Push to the person's devices (a no-op without VAPID keys or subscriptions; never rejects).
  const pushed = services.push.notifyGenerationFinished({ userId, imageIds: [outcome.image.id] });
  try {
    const dueAt = await services.notifications.noteFinished({
      userId,
      imageId: outcome.image.id,
      reason: fromOutbox ? "outbox" : "away",
    });
    // The mail is due in a minute: the caller keeps its request alive until it is out.
    return { mailed: Promise.all([services.mail.wakeAt(dueAt), pushed]).then(() => undefined) };
  } catch (error) {
    logger.error("finished generation not noted for mail", { imageId: outcome.image.id, error });
    return { mailed: pushed.then(() => undefined) };
  }
}

/** The headers of a generation's answer: what the service says of quota and rate limit. */
function outcomeHeaders(outcome: GenerationOutcome): Record<string, string> {
  return {
    ...quotaHeaders(outcome.quota),
    ...(outcome.rateLimit ? rateLimitHeaders(outcome.rateLimit) : {}),
    ...(outcome.replayed ? { "Idempotent-Replayed": "true" } : {}),
  };
}

/**
 * Runs a generation and answers the way the client asked: server-sent events
 * (`progress`…, then one `done` or `error`) for `Accept: text/event-stream`, else 201 JSON.
 * Both carry X-Quota-* headers; the work finishes and stores the image even if the client leaves.
 */
export async function respondWithGeneration(
  context: {
    request: NextRequest;
    services: Services;
    identity: AuthIdentity;
    requestId: string;
    /** Headers of the route's answer, error included. */
    responseHeaders: Headers;
  },
  run: (extra: Pick<GenerationRequest, "onProgress" | "requestId">) => Promise<GenerationOutcome>,
): Promise<Response | ReturnType<typeof reply<{ image: Image }>>> {
  const { request, services, identity, requestId, responseHeaders } = context;
  const userId = identity.userId;
  const wantsStream = (request.headers.get("accept") ?? "").includes("text/event-stream");
  // Before any stream opens, so the refusal is a plain 403 whatever the client accepts.
  await assertMayGenerate(services, userId);

  if (!wantsStream) {
    let outcome: GenerationOutcome;
    try {
      outcome = await run({ requestId });
    } catch (error) {
      // Every answer of these endpoints tells the quota, a refusal too.
      const quota = await services.generation.quota({ userId }).catch(() => null);
      if (quota) {
        for (const [name, value] of Object.entries(quotaHeaders(quota)))
          responseHeaders.set(name, value);
      }
      throw error;
    }
    const { mailed } = await noteIfUnattended(
      { services, request, userId },
      outcome,
      request.signal.aborted,
    );
    finishAfterResponse(mailed);
    return reply({ image: outcome.image }, { status: 201, headers: outcomeHeaders(outcome) });
  }

  const events = createEventStream();
  for (const [name, value] of Object.entries(
    quotaHeaders(await services.generation.quota({ userId })),
  )) {
    events.response.headers.set(name, value);
  }
  let mailed: Promise<void> = Promise.resolve();
  const work = run({
    requestId,
    onProgress: (progress) => events.send("progress", progress),
  })
    .then(async (outcome) => {
      const gone = !events.isOpen || request.signal.aborted;
      ({ mailed } = await noteIfUnattended({ services, request, userId }, outcome, gone));
      events.send("done", {
        image: outcome.image,
        quota: outcome.quota,
        replayed: outcome.replayed,
      });
    })
    .catch(async (error: unknown) => {
      const quota = await services.generation.quota({ userId }).catch(() => null);
      events.send("error", { error: errorBodyOf(error, requestId), quota });
      if (!events.isOpen) logger.info("generation ended after the client left", { requestId });
    })
    .finally(() => events.close())
    // After the stream is closed: the work is over when the mail it may have asked for is.
    .then(() => mailed);
  finishAfterResponse(work);
  return events.response;
}
