import "server-only";
import {
  ApiError,
  GoogleGenAI,
  Modality,
  type GenerateContentParameters,
  type GenerateContentResponse,
  type Part,
} from "@google/genai";
import { AppError } from "@/server/http/app-error";
import { buildInstruction } from "./build-instruction";
import {
  classifyGenerateFailure,
  exhaustedRetries,
  keyProblemOf,
  withoutKey,
  type TransientFailure,
} from "./gemini-failures";
import { readGeneratedImage } from "./gemini-response";
import { readGoogleRpcError } from "./google-rpc-error";
import type { ImageProviderPort, ImageRequest, ProviderImage } from "./image-provider-port";
import { abortErrorFrom, fullJitterDelay, isAbortError, sleepUnlessAborted } from "./retry-policy";

export interface GeminiProviderOptions {
  apiKey: string;
  /** e.g. "gemini-3.1-flash-image" */
  model: string;
  /** A gateway or a local test server in place of generativelanguage.googleapis.com. */
  baseUrl?: string;
  /** Per attempt. Default 120 s. */
  timeoutMs?: number;
  /** Attempts in all, the first included. Default 4. */
  maxAttempts?: number;
  /** For all attempts and the waits between them. Default 180 s. */
  maxTotalMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  /** [0, 1), for the backoff's jitter. */
  random?: () => number;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_ATTEMPTS = 4;
const DEFAULT_MAX_TOTAL_MS = 180_000;
const KEY_CHECK_TIMEOUT_MS = 15_000;
const INT32_SPAN = 2 ** 31;

function createClient(apiKey: string, baseUrl: string | undefined, timeoutMs: number): GoogleGenAI {
  return new GoogleGenAI({
    apiKey,
    // Explicit, so GOOGLE_GENAI_USE_VERTEXAI in the environment cannot switch the backend.
    vertexai: false,
    apiVersion: "v1beta",
    // No retryOptions: the SDK then makes one attempt per call and the retries are ours.
    httpOptions: { baseUrl, timeout: timeoutMs },
  });
}

export function createGeminiProvider(options: GeminiProviderOptions): ImageProviderPort {
  const {
    apiKey,
    model,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    maxAttempts = DEFAULT_MAX_ATTEMPTS,
    maxTotalMs = DEFAULT_MAX_TOTAL_MS,
    sleep = sleepUnlessAborted,
    now = Date.now,
    random = Math.random,
  } = options;
  if (apiKey.trim() === "") throw new Error("createGeminiProvider needs an API key.");
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new Error("createGeminiProvider: maxAttempts must be a positive integer.");
  }
  const ai = createClient(apiKey, options.baseUrl, timeoutMs);

  /** One call, bounded by its own deadline and by the caller's signal. */
  async function attempt(
    parameters: GenerateContentParameters,
    deadlineMs: number,
    signal: AbortSignal | undefined,
  ): Promise<GenerateContentResponse> {
    // The SDK's httpOptions.timeout is fixed per client; this deadline can also be shorter,
    // so that the last attempt ends within maxTotalMs.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), deadlineMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      return await ai.models.generateContent({
        ...parameters,
        config: { ...parameters.config, abortSignal: controller.signal },
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  async function generate(request: ImageRequest): Promise<ProviderImage> {
    const { signal } = request;
    if (signal?.aborted) throw abortErrorFrom(signal);
    const parameters = toGenerateContentParameters(request, model);
    const startedAt = now();
    let lastFailure: TransientFailure | null = null;
    let attempts = 0;

    while (attempts < maxAttempts) {
      const remainingMs = maxTotalMs - (now() - startedAt);
      if (remainingMs <= 0) break;
      attempts += 1;
      try {
        const response = await attempt(parameters, Math.min(timeoutMs, remainingMs), signal);
        return readGeneratedImage(response, model);
      } catch (error) {
        if (signal?.aborted) throw abortErrorFrom(signal);
        const failure = classifyGenerateFailure(error, { model, apiKey });
        if (failure.kind === "final") throw failure.error;
        lastFailure = failure;
      }
      if (attempts >= maxAttempts) break;
      const delayMs = lastFailure.retryDelayMs ?? fullJitterDelay(attempts, random);
      if (now() - startedAt + delayMs >= maxTotalMs) break;
      await sleep(delayMs, signal);
      if (signal?.aborted) throw abortErrorFrom(signal);
    }

    if (!lastFailure) {
      lastFailure = {
        kind: "transient",
        providerStatus: null,
        reason: "TIMEOUT",
        retryDelayMs: null,
        cause: new Error("No time was left for an attempt."),
      };
    }
    throw exhaustedRetries(lastFailure, attempts);
  }

  return { id: "gemini", model, generate };
}

/** The generateContent call for one image, as @google/genai takes it (abortSignal added per attempt). */
export function toGenerateContentParameters(
  request: ImageRequest,
  model: string,
): GenerateContentParameters {
  const { inputImages } = request;
  // One inline image per input. With several, a short text label goes before each, so the
  // instruction's "image 1", "image 2" point at the right picture.
  const imageParts: Part[] = inputImages.flatMap((image, index) => {
    const inline: Part = {
      inlineData: {
        mimeType: image.mimeType,
        data: Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength).toString(
          "base64",
        ),
      },
    };
    return inputImages.length > 1 ? [{ text: `Image ${index + 1}:` }, inline] : [inline];
  });
  return {
    model,
    contents: [{ role: "user", parts: [...imageParts, { text: buildInstruction(request) }] }],
    config: {
      // TEXT too, so that a model which declines can say why (shown to the user).
      responseModalities: [Modality.TEXT, Modality.IMAGE],
      imageConfig: { aspectRatio: request.aspectRatio },
      seed: toInt32Seed(request.seed),
    },
  };
}

/** The REST field is an int32; a seed outside it is folded in, the same way every time. */
function toInt32Seed(seed: number): number {
  if (Number.isInteger(seed) && seed >= -INT32_SPAN && seed < INT32_SPAN) return seed;
  const whole = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  return ((whole % INT32_SPAN) + INT32_SPAN) % INT32_SPAN;
}

export interface GeminiKeyCheckOptions {
  apiKey: string;
  baseUrl?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Asks Google whether a key works, with the cheapest authenticated call there is: the first
 * page (one model) of models.list. Resolves when the key is accepted.
 */
export async function checkGeminiKey(options: GeminiKeyCheckOptions): Promise<void> {
  const { apiKey, signal, timeoutMs = KEY_CHECK_TIMEOUT_MS } = options;
  if (apiKey.trim() === "") {
    throw new AppError(
      "PROVIDER_KEY_INVALID",
      "Enter a Gemini API key. You can create one at aistudio.google.com/apikey.",
    );
  }
  const ai = createClient(apiKey, options.baseUrl, timeoutMs);
  try {
    // The pager fetches its first page on creation; no further page is requested.
    await ai.models.list({ config: { pageSize: 1, abortSignal: signal } });
  } catch (error) {
    if (signal?.aborted) throw abortErrorFrom(signal);
    // Google authenticates the key before it counts quota: a 429 means the key was accepted.
    if (error instanceof ApiError && error.status === 429) return;
    throw keyCheckFailure(error, apiKey);
  }
}

function keyCheckFailure(error: unknown, apiKey: string): unknown {
  const cause = withoutKey(error, apiKey);
  const unreachable = (providerStatus: number | null, reason: string) =>
    new AppError(
      "PROVIDER_ERROR",
      "We couldn't reach Gemini to check this key. Please try again in a minute.",
      { providerStatus, retryable: true, reason },
      { cause },
    );
  if (error instanceof ApiError) {
    const rpc = readGoogleRpcError(error.status, error.message);
    const keyProblem = keyProblemOf(rpc, null, cause);
    if (keyProblem) return keyProblem;
    if (rpc.httpStatus === 408 || rpc.httpStatus >= 500) {
      return unreachable(rpc.httpStatus, rpc.rpcStatus ?? `HTTP_${rpc.httpStatus}`);
    }
    return new AppError(
      "PROVIDER_ERROR",
      "Gemini couldn't check this key just now. Please try again, or create a new key at aistudio.google.com/apikey.",
      {
        providerStatus: rpc.httpStatus,
        retryable: false,
        reason: rpc.rpcStatus ?? `HTTP_${rpc.httpStatus}`,
      },
      { cause },
    );
  }
  if (isAbortError(error)) return unreachable(null, "TIMEOUT");
  if (error instanceof SyntaxError) return unreachable(200, "MALFORMED_RESPONSE");
  if (error instanceof TypeError) return unreachable(null, "NETWORK");
  return cause;
}
