import { ApiClientError, isRecord } from "@/lib/api/errors";
import { readEnvelope } from "@/lib/api/request";
import type { GenerationProgress, Image, Quota } from "@/shared/api-types";
import { GenerationError, type GenerationErrorCode } from "./generation-error";
import { readFailed, readGenerationEvent, readImages, type ErrorBody } from "./generation-events";
import { createSseParser } from "./sse-parser";

export { GenerationError, type GenerationErrorCode };
// Loaded together on the first request (see the generation store).
export { buildGenerateBody } from "./request-body";

export interface GenerationSuccess {
  /** The first image (the only one without a batch). */
  image: Image;
  /** Every stored image, in order. */
  images: Image[];
  /** What went wrong for the images of a batch that were not made (their quota was given back). */
  failed: ErrorBody[];
  /** The job's id (X-Generation-Id), when the server sent it. */
  generationId: string | null;
  /** Null when the answer was a replayed JSON response, which carries no quota. */
  quota: Quota | null;
  replayed: boolean;
}

export type GenerationBody = { kind: "json"; value: unknown } | { kind: "form"; value: FormData };

export interface StreamGenerationOptions {
  url: string;
  body: GenerationBody;
  /** Sent as Idempotency-Key: a retry with the same key is answered with the first result. */
  idempotencyKey: string;
  signal?: AbortSignal;
  onProgress?: (progress: GenerationProgress) => void;
  /** The server accepted the work as a job (its X-Generation-Id), before any event. */
  onAccepted?: (generationId: string) => void;
  /** One image of a batch, as soon as it is stored. */
  onImage?: (image: Image) => void;
  fetchImpl?: typeof fetch;
}

const NETWORK_MESSAGE = "We couldn't reach the studio. Check your connection and try again.";
const INTERRUPTED_MESSAGE = "The connection dropped before the image was ready.";

/**
 * POSTs a generation with `Accept: text/event-stream` and follows its events. Resolves on
 * `done`; rejects with GenerationError on an error envelope, an `error` event, a failed fetch
 * (NETWORK_ERROR) or a stream that ends early (STREAM_INTERRUPTED). An abort rejects with
 * the AbortError itself.
 */
export async function streamGeneration(
  options: StreamGenerationOptions,
): Promise<GenerationSuccess> {
  const { url, body, idempotencyKey, signal, onProgress, onAccepted, onImage } = options;
  const fetchImpl = options.fetchImpl ?? fetch;
  const headers = new Headers({
    Accept: "text/event-stream",
    "Idempotency-Key": idempotencyKey,
  });
  if (body.kind === "json") headers.set("Content-Type", "application/json");

  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: "POST",
      credentials: "same-origin",
      headers,
      body: body.kind === "json" ? JSON.stringify(body.value) : body.value,
      signal,
    });
  } catch (cause) {
    if (isAbort(cause, signal)) throw cause;
    throw new GenerationError({ code: "NETWORK_ERROR", message: NETWORK_MESSAGE });
  }

  const generationId = response.headers.get("X-Generation-Id");
  if (generationId && response.ok) onAccepted?.(generationId);
  const contentType = response.headers.get("content-type") ?? "";
  if (!response.ok || !contentType.includes("text/event-stream")) {
    return readJsonAnswer(url, response, generationId);
  }
  if (!response.body) {
    throw new GenerationError({ code: "STREAM_INTERRUPTED", message: INTERRUPTED_MESSAGE });
  }

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = createSseParser();
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        if (isAbort(cause, signal)) throw cause;
        throw new GenerationError({ code: "STREAM_INTERRUPTED", message: INTERRUPTED_MESSAGE });
      }
      if (chunk.done) break;
      for (const message of parser.push(chunk.value)) {
        const event = readGenerationEvent(message);
        if (!event) continue;
        if (event.type === "progress") {
          onProgress?.({ stage: event.stage, percent: event.percent });
        } else if (event.type === "image") {
          onImage?.(event.image);
        } else if (event.type === "done") {
          return successOf({ ...event, generationId });
        } else {
          throw new GenerationError({
            code: event.error.code as GenerationErrorCode,
            message: event.error.message,
            status: 200,
            details: event.error.details,
            retryAfterSeconds: readRetryAfterDetail(event.error.details),
            quota: event.quota,
          });
        }
      }
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  throw new GenerationError({ code: "STREAM_INTERRUPTED", message: INTERRUPTED_MESSAGE });
}

/**
 * A JSON envelope (an error before the stream began, or a replayed 201 `{image}`), read by the
 * data layer's one envelope reader, which also reports a 401.
 */
async function readJsonAnswer(
  url: string,
  response: Response,
  generationId: string | null,
): Promise<GenerationSuccess> {
  let data: unknown;
  try {
    ({ data } = await readEnvelope<unknown>(url, response));
  } catch (error) {
    if (!(error instanceof ApiClientError)) throw error;
    throw new GenerationError({
      code: error.code,
      message: error.message,
      status: error.status,
      details: error.details,
      retryAfterSeconds: error.retryAfterSeconds ?? readRetryAfterDetail(error.details),
    });
  }
  const images = isRecord(data) ? readImages(data) : null;
  const failed = isRecord(data) ? readFailed(data.failed) : null;
  if (images && failed && images.length + failed.length > 0) {
    return successOf({
      images,
      failed,
      quota: null,
      replayed: response.headers.get("Idempotent-Replayed") === "true",
      generationId,
    });
  }
  throw new GenerationError({
    code: "UNEXPECTED_RESPONSE",
    message: "The studio sent an answer we couldn't read. Please try again.",
    status: response.status,
  });
}

/**
 * A finished request: its images, or (when every image of it failed) the first failure as a
 * GenerationError, with the quota the failures gave back.
 */
function successOf(outcome: Omit<GenerationSuccess, "image">): GenerationSuccess {
  const [image] = outcome.images;
  if (image) return { ...outcome, image };
  const error = outcome.failed[0];
  throw new GenerationError({
    code: (error?.code ?? "INTERNAL_ERROR") as GenerationErrorCode,
    message: error?.message ?? "No image could be made.",
    status: 200,
    details: error?.details,
    retryAfterSeconds: readRetryAfterDetail(error?.details),
    quota: outcome.quota,
  });
}

function readRetryAfterDetail(details: unknown): number | null {
  if (!isRecord(details)) return null;
  const seconds = details.retryAfterSeconds;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0
    ? Math.ceil(seconds)
    : null;
}

function isAbort(cause: unknown, signal: AbortSignal | undefined): boolean {
  return (
    Boolean(signal?.aborted) ||
    (typeof cause === "object" &&
      cause !== null &&
      "name" in cause &&
      (cause as { name: unknown }).name === "AbortError")
  );
}
