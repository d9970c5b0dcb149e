import "server-only";
import { after, type NextRequest } from "next/server";
import { API_ERROR_STATUS, type ApiErrorBody } from "@/shared/api-errors";
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
import type { JobEvent } from "./generation-jobs";
import type { GenerationRequest, GenerationResult, StartedGeneration } from "./generation-service";
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

/**
 * The quota headers of a generation endpoint's refusals that happen before the generation is
 * asked for (a body that fails its schema, a bad Idempotency-Key, an unknown input image, an
 * API key without images:write): the contract puts them on every answer of these endpoints.
 */
export async function generationErrorHeaders({
  services,
  identity,
}: {
  services: Services;
  identity: AuthIdentity;
}): Promise<Record<string, string>> {
  const quota = await services.generation.quota({ userId: identity.userId });
  return quotaHeaders(quota);
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
 * Notes stored images for the batched "your images are ready" mail when the person was not
 * there to see them: the outbox sent the request, or the client had gone before the answer (a
 * closed tab). A replay is the first request's generation, already noted or not by that
 * request. Never fails the answer: the images are stored whatever happens to the note.
 */
async function noteIfUnattended(
  { services, request, userId }: { services: Services; request: NextRequest; userId: string },
  result: { images: Image[]; replayed: boolean },
  clientGone: boolean,
): Promise<{ mailed: Promise<void> }> {
  const none = { mailed: Promise.resolve() };
  if (result.replayed || result.images.length === 0) return none;
  const fromOutbox = request.headers.get(ORIGIN_HEADER)?.trim().toLowerCase() === "outbox";
  if (!fromOutbox && !clientGone) return none;
  // Web Push to the person's devices (a no-op without VAPID keys or subscriptions; never rejects).
  const pushed = services.push.notifyGenerationFinished({
    userId,
    imageIds: result.images.map((image) => image.id),
  });
  try {
    let dueAt: Date | number | null = null;
    for (const image of result.images) {
      dueAt = await services.notifications.noteFinished({
        userId,
        imageId: image.id,
        reason: fromOutbox ? "outbox" : "away",
      });
    }
    // The mail is due in a minute: the caller keeps its request alive until it is out.
    const mailed = dueAt === null ? Promise.resolve() : services.mail.wakeAt(dueAt);
    return { mailed: Promise.all([mailed, pushed]).then(() => undefined) };
  } catch (error) {
    logger.error("finished generation not noted for mail", {
      imageIds: result.images.map((image) => image.id),
      error,
    });
    return { mailed: pushed.then(() => undefined) };
  }
}

/** The headers of a generation's answer: quota, rate limit, replay, and the job's id. */
function outcomeHeaders(started: StartedGeneration, quota: Quota | null): Record<string, string> {
  return {
    ...(quota ? quotaHeaders(quota) : {}),
    ...(started.rateLimit ? rateLimitHeaders(started.rateLimit) : {}),
    ...(started.replayed ? { "Idempotent-Replayed": "true" } : {}),
    ...(started.generationId ? { [GENERATION_ID_HEADER]: started.generationId } : {}),
  };
}

export const GENERATION_ID_HEADER = "X-Generation-Id";

/** The error a finished generation answers with when it made nothing (its first failure). */
function errorOfResult(result: GenerationResult): unknown {
  const first = result.firstError;
  if (first instanceof Error) return first;
  const body = (first ?? result.failed[0]?.error) as ApiErrorBody | undefined;
  if (
    body &&
    typeof body === "object" &&
    typeof body.code === "string" &&
    body.code in API_ERROR_STATUS
  )
    return new AppError(body.code, body.message, body.details);
  return new AppError("INTERNAL_ERROR", "The generation failed.");
}

/**
 * The SSE payload of one logged event: `progress` {stage, percent, index?}, `image` {index,
 * image}, `done` {image, images, failed: [{error}], quota, replayed} or `error` {error, quota}.
 * Null for an image event whose image is gone (deleted since).
 */
async function payloadOf(
  event: JobEvent,
  {
    images,
    quota,
    replayed,
  }: {
    images: (ids: string[]) => Promise<Image[]>;
    quota: () => Promise<Quota | null>;
    replayed: boolean;
  },
): Promise<{ name: string; data: unknown } | null> {
  switch (event.type) {
    case "progress":
      return {
        name: "progress",
        data: {
          stage: event.stage,
          percent: event.percent,
          ...(event.index === undefined ? {} : { index: event.index }),
        },
      };
    case "image": {
      const [image] = await images([event.imageId]);
      return image ? { name: "image", data: { index: event.index, image } } : null;
    }
    case "done": {
      const made = await images(event.imageIds);
      return {
        name: "done",
        data: {
          image: made[0] ?? null,
          images: made,
          failed: event.failed.map(({ error }) => ({ error })),
          quota: await quota(),
          replayed,
        },
      };
    }
    case "error":
      return { name: "error", data: { error: event.error, quota: await quota() } };
  }
}

/**
 * Starts a generation (a job that runs on, detached, whatever the client does) and answers the
 * way the client asked: server-sent events (`progress`…, one `image` per stored image, then one
 * `done` or `error`, each with its `id:` for Last-Event-ID) for `Accept: text/event-stream`,
 * else 201 JSON `{image, images, failed}` once the job is finished. Both carry X-Quota-* and
 * X-Generation-Id.
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
  run: (extra: Pick<GenerationRequest, "requestId">) => Promise<StartedGeneration>,
): Promise<
  | Response
  | ReturnType<typeof reply<{ image: Image; images: Image[]; failed: { error: ApiErrorBody }[] }>>
> {
  const { request, services, identity, requestId, responseHeaders } = context;
  const userId = identity.userId;
  const wantsStream = (request.headers.get("accept") ?? "").includes("text/event-stream");
  // Before any stream opens, so the refusal is a plain 403 whatever the client accepts.
  await assertMayGenerate(services, userId);
  const quotaNow = () => services.generation.quota({ userId }).catch(() => null);
  // The stream's headers tell the quota as the request found it.
  const quotaBefore = wantsStream ? await quotaNow() : null;

  // A refusal thrown here gets its quota headers from the route's `errorHeaders`.
  const started = await run({ requestId });
  responseHeaders.set(GENERATION_ID_HEADER, started.generationId);
  // The job is not the request's: whatever becomes of the answer, it runs to its end.
  finishAfterResponse(started.finished);

  if (!wantsStream) {
    const result = await started.finished;
    const { mailed } = await noteIfUnattended(
      { services, request, userId },
      { images: result.images, replayed: started.replayed },
      request.signal.aborted,
    );
    finishAfterResponse(mailed);
    const quota = await quotaNow();
    if (result.images.length === 0) {
      for (const [name, value] of Object.entries(outcomeHeaders(started, quota)))
        responseHeaders.set(name, value);
      throw errorOfResult(result);
    }
    return reply(
      {
        image: result.images[0]!,
        images: result.images,
        failed: result.failed.map(({ error }) => ({ error })),
      },
      { status: 201, headers: outcomeHeaders(started, quota) },
    );
  }

  const events = createEventStream();
  for (const [name, value] of Object.entries(outcomeHeaders(started, quotaBefore)))
    events.response.headers.set(name, value);
  const sources = {
    images: async (ids: string[]) => {
      const known = ids.map((id) => started.images.get(id));
      if (known.every((image) => image !== undefined)) return known as Image[];
      return services.generation.ownImages({ userId, ids });
    },
    quota: quotaNow,
    replayed: started.replayed,
  };
  let sending: Promise<unknown> = Promise.resolve();
  const unsubscribe = started.subscribe(({ id, event }) => {
    sending = sending.then(async () => {
      const payload = await payloadOf(event, sources);
      if (payload) events.send(payload.name, payload.data, id);
    });
  });
  let mailed: Promise<void> = Promise.resolve();
  const work = started.finished
    .then(async (result) => {
      await sending;
      unsubscribe();
      const gone = !events.isOpen || request.signal.aborted;
      ({ mailed } = await noteIfUnattended(
        { services, request, userId },
        { images: result.images, replayed: started.replayed },
        gone,
      ));
      if (started.replayed) {
        // A repeat attaches to the first request's generation: its outcome, at once.
        const final: JobEvent =
          result.images.length > 0
            ? {
                type: "done",
                imageIds: result.images.map((image) => image.id),
                failed: result.failed,
              }
            : { type: "error", error: errorBodyOf(errorOfResult(result), requestId) };
        const payload = await payloadOf(final, sources);
        if (payload) events.send(payload.name, payload.data);
      }
      if (!events.isOpen) logger.info("generation ended after the client left", { requestId });
    })
    .catch((error: unknown) => {
      logger.error("generation stream failed", { requestId, error });
    })
    .finally(() => events.close())
    // After the stream is closed: the work is over when the mail it may have asked for is.
    .then(() => mailed);
  finishAfterResponse(work);
  return events.response;
}

/** How often a follower reads a job it does not run, and how long one stream follows at most. */
const FOLLOW_POLL_MS = 500;
const FOLLOW_MAX_MS = 270 * 1000;

/**
 * GET /generations/:id with `Accept: text/event-stream`: the job's events after Last-Event-ID
 * (all of them without it), then the ones to come until the final `done` or `error`. Works from
 * any instance: it reads the job's log every half second. A stream that reaches the function's
 * time limit ends without a final event; the client reconnects with its Last-Event-ID.
 */
export async function streamGenerationJob(context: {
  request: NextRequest;
  services: Services;
  userId: string;
  id: string;
}): Promise<Response> {
  const { request, services, userId, id } = context;
  const header = request.headers.get("last-event-id") ?? "";
  const lastEventId = /^\d{1,9}$/.test(header.trim()) ? Number(header.trim()) : 0;
  // Unknown or someone else's: a plain 404 before any stream opens.
  let batch = await services.generation.jobEvents({ userId, id, after: lastEventId });
  const events = createEventStream();
  events.response.headers.set(GENERATION_ID_HEADER, id);
  const sources = {
    images: (ids: string[]) => services.generation.ownImages({ userId, ids }),
    quota: () => services.generation.quota({ userId }).catch(() => null),
    replayed: false,
  };
  const started = Date.now();
  const follow = (async () => {
    let after = lastEventId;
    for (;;) {
      for (const { id: eventId, event } of batch.events) {
        const payload = await payloadOf(event, sources);
        if (payload) events.send(payload.name, payload.data, eventId);
        after = eventId;
      }
      if (batch.finished || !events.isOpen || request.signal.aborted) break;
      if (Date.now() - started > FOLLOW_MAX_MS) break;
      await new Promise((resolve) => setTimeout(resolve, FOLLOW_POLL_MS));
      batch = await services.generation.jobEvents({ userId, id, after });
    }
  })()
    .catch((error: unknown) => logger.error("generation follow failed", { id, error }))
    .finally(() => events.close());
  finishAfterResponse(follow);
  return events.response;
}
