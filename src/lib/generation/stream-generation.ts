import { ApiClientError, isRecord, type ApiClientErrorCode } from "@/lib/api/errors";
import { readEnvelope } from "@/lib/api/request";
import type { GenerationProgress, Image, Quota } from "@/shared/api-types";
import { readGenerationEvent, readImage } from "./generation-events";
import { createSseParser } from "./sse-parser";

/** The API's codes, plus the stream ending before its `done` or `error` event. */
export type GenerationErrorCode = ApiClientErrorCode;

interface GenerationErrorInit {
  code: GenerationErrorCode;
  message: string;
  status?: number;
  details?: unknown;
  retryAfterSeconds?: number | null;
  quota?: Quota | null;
}

/** A generation that failed: an error envelope, an `error` event, or a broken connection. */
export class GenerationError extends ApiClientError {
  /** The quota after the failure, when the server sent it. */
  readonly quota: Quota | null;

  constructor(init: GenerationErrorInit) {
    super({ ...init, status: init.status ?? 0 });
    this.name = "GenerationError";
    this.quota = init.quota ?? null;
  }
}

export interface GenerationSuccess {
  image: Image;
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
  const { url, body, idempotencyKey, signal, onProgress } = options;
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

  const contentType = response.headers.get("content-type") ?? "";
  if (!response.ok || !contentType.includes("text/event-stream")) {
    return readJsonAnswer(url, response);
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
        } else if (event.type === "done") {
          return { image: event.image, quota: event.quota, replayed: event.replayed };
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
async function readJsonAnswer(url: string, response: Response): Promise<GenerationSuccess> {
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
  const image = isRecord(data) ? readImage(data.image) : null;
  if (image) {
    return {
      image,
      quota: null,
      replayed: response.headers.get("Idempotent-Replayed") === "true",
    };
  }
  throw new GenerationError({
    code: "UNEXPECTED_RESPONSE",
    message: "The studio sent an answer we couldn't read. Please try again.",
    status: response.status,
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
