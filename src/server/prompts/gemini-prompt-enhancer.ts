import "server-only";
import { ApiError, GoogleGenAI, type GenerateContentResponse } from "@google/genai";
import { AppError } from "@/server/http/app-error";
import { keyProblemOf, withoutKey } from "@/server/generation/providers/gemini-failures";
import {
  isZeroQuota,
  readGoogleRpcError,
  retryDelayMs,
  type GoogleRpcError,
} from "@/server/generation/providers/google-rpc-error";
import {
  abortErrorFrom,
  fullJitterDelay,
  isAbortError,
  sleepUnlessAborted,
} from "@/server/generation/providers/retry-policy";
import { enhanceSystemInstruction } from "./enhance-instruction";
import type { EnhanceRequest, PromptEnhancerPort } from "./prompt-enhancer-port";

export interface GeminiPromptEnhancerOptions {
  apiKey: string;
  /** A text model with a free tier, e.g. "gemini-2.5-flash". */
  model: string;
  /** A gateway or a local test server in place of generativelanguage.googleapis.com. */
  baseUrl?: string;
  /** For the whole rewrite, first byte to last. Default 45 s. */
  timeoutMs?: number;
  /** Attempts for an overloaded or unreachable model, before any text came. Default 2. */
  maxAttempts?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

const DEFAULT_TIMEOUT_MS = 45_000;
const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);
const SAFETY_REASONS = new Set(["SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "OTHER"]);

/** Gemini 2.5 Flash models think by default; a rewrite needs no thinking, only a quick start. */
function thinksByDefault(model: string): boolean {
  return /^gemini-2\.5-flash/.test(model);
}

/**
 * Streams a rewritten prompt from a Gemini text model (models.generateContentStream, which
 * is `:streamGenerateContent?alt=sse`), on the same key and base URL handling as images.
 */
export function createGeminiPromptEnhancer(
  options: GeminiPromptEnhancerOptions,
): PromptEnhancerPort {
  const {
    apiKey,
    model,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    maxAttempts = 2,
    sleep = sleepUnlessAborted,
    random = Math.random,
  } = options;
  if (apiKey.trim() === "") throw new Error("createGeminiPromptEnhancer needs an API key.");
  const ai = new GoogleGenAI({
    apiKey,
    // Explicit, so GOOGLE_GENAI_USE_VERTEXAI in the environment cannot switch the backend.
    vertexai: false,
    apiVersion: "v1beta",
    // No retryOptions: one attempt per call, the retries are ours.
    httpOptions: { baseUrl: options.baseUrl, timeout: timeoutMs },
  });

  async function open(request: EnhanceRequest, signal: AbortSignal) {
    return ai.models.generateContentStream({
      model,
      contents: [{ role: "user", parts: [{ text: request.prompt }] }],
      config: {
        systemInstruction: enhanceSystemInstruction(request.style),
        temperature: 0.8,
        candidateCount: 1,
        ...(thinksByDefault(model)
          ? { thinkingConfig: { thinkingBudget: 0 }, maxOutputTokens: 1024 }
          : {}),
        abortSignal: signal,
      },
    });
  }

  async function* enhance(request: EnhanceRequest): AsyncGenerator<string> {
    const { signal } = request;
    if (signal?.aborted) throw abortErrorFrom(signal);
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException("timed out", "TimeoutError")),
      timeoutMs,
    );
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    const fail = (error: unknown): unknown => {
      if (signal?.aborted) return abortErrorFrom(signal);
      return classifyFailure(error, { model, apiKey, timedOut: controller.signal.aborted });
    };
    try {
      let stream: AsyncGenerator<GenerateContentResponse> | null = null;
      for (let attempt = 1; stream === null; attempt += 1) {
        try {
          stream = await open(request, controller.signal);
        } catch (error) {
          const failure = fail(error);
          const retry =
            attempt < maxAttempts &&
            failure instanceof AppError &&
            (failure.details as { retryable?: boolean } | undefined)?.retryable === true &&
            (failure.details as { providerStatus?: number | null }).providerStatus !== 429;
          if (!retry) throw failure;
          await sleep(fullJitterDelay(attempt, random), controller.signal).catch(() => {
            throw fail(error);
          });
        }
      }
      try {
        for await (const chunk of stream) {
          const text = readChunk(chunk);
          if (text) yield text;
        }
      } catch (error) {
        throw fail(error);
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      // A reader that stopped early (a refused suggestion, a client gone) frees the connection.
      controller.abort();
    }
  }

  return { id: "gemini", model, enhance };
}

/** The text of one streamed chunk, or the refusal it carries as an AppError. */
function readChunk(chunk: GenerateContentResponse): string {
  const blockReason = chunk.promptFeedback?.blockReason;
  if (blockReason) throw contentBlocked(blockReason);
  const candidate = chunk.candidates?.[0];
  const finishReason = candidate?.finishReason;
  if (finishReason && SAFETY_REASONS.has(finishReason)) throw contentBlocked(finishReason);
  return (candidate?.content?.parts ?? [])
    .filter((part) => part.thought !== true)
    .map((part) => part.text ?? "")
    .join("");
}

function contentBlocked(reason: string): AppError {
  return new AppError(
    "CONTENT_BLOCKED",
    "Gemini's safety filters declined to rewrite this prompt. Rephrase it, leaving out anything that could read as violent, sexual, hateful or about a real person, and try again.",
    { reason },
  );
}

/** An error mid-stream comes as "got status: 429. {json}"; before it, as the JSON body alone. */
function rpcErrorOf(error: ApiError): GoogleRpcError {
  const json = error.message.indexOf("{");
  return readGoogleRpcError(error.status, json > 0 ? error.message.slice(json) : error.message);
}

function classifyFailure(
  error: unknown,
  { model, apiKey, timedOut }: { model: string; apiKey: string; timedOut: boolean },
): unknown {
  if (error instanceof AppError) return error;
  const cause = withoutKey(error, apiKey);
  if (error instanceof ApiError) {
    const rpc = rpcErrorOf(error);
    const keyProblem = keyProblemOf(rpc, null, cause);
    if (keyProblem) return keyProblem;
    const details = (reason: string, retryable: boolean, extra: object = {}) => ({
      providerStatus: rpc.httpStatus,
      retryable,
      reason,
      ...extra,
    });
    if (rpc.httpStatus === 429) {
      if (isZeroQuota(rpc)) {
        return new AppError(
          "PROVIDER_ERROR",
          `Your Gemini key cannot enhance prompts: its Google project has no quota for the text model "${model}". Check the project's limits in Google AI Studio (aistudio.google.com). You can still write the prompt yourself.`,
          details("NO_TEXT_QUOTA", false),
          { cause },
        );
      }
      const delay = retryDelayMs(rpc);
      const seconds = delay === null ? null : Math.max(1, Math.ceil(delay / 1000));
      return new AppError(
        "PROVIDER_ERROR",
        `Your Gemini key cannot enhance prompts right now: its Google project has used its requests to the text model for the moment. Wait ${seconds === null ? "a minute" : `about ${seconds} seconds`} and try again.`,
        details(
          "PROVIDER_RATE_LIMITED",
          true,
          seconds === null ? {} : { retryAfterSeconds: seconds },
        ),
        { cause },
      );
    }
    if (rpc.httpStatus === 404) {
      return new AppError(
        "PROVIDER_ERROR",
        `This studio is set up to enhance prompts with the text model "${model}", which the Gemini API doesn't offer. Please tell the site's operator (GEMINI_TEXT_MODEL).`,
        details("MODEL_NOT_FOUND", false),
        { cause },
      );
    }
    if (RETRYABLE_STATUSES.has(rpc.httpStatus) || rpc.httpStatus === 408) {
      return new AppError(
        "PROVIDER_ERROR",
        "Gemini is overloaded or having trouble right now, so it couldn't enhance the prompt. Please try again in a minute.",
        details(rpc.rpcStatus ?? `HTTP_${rpc.httpStatus}`, true),
        { cause },
      );
    }
    return new AppError(
      "PROVIDER_ERROR",
      "Gemini couldn't rewrite this prompt. Try rewording it, then try again.",
      details(rpc.rpcStatus ?? `HTTP_${rpc.httpStatus}`, false),
      { cause },
    );
  }
  const unreachable = (reason: string, message: string) =>
    new AppError(
      "PROVIDER_ERROR",
      message,
      { providerStatus: null, retryable: true, reason },
      { cause },
    );
  if (timedOut || isAbortError(error))
    return unreachable(
      "TIMEOUT",
      "Gemini took too long to enhance the prompt. Please try again in a minute.",
    );
  if (error instanceof SyntaxError || /parsing stream chunk|Incomplete JSON/i.test(String(error)))
    return new AppError(
      "PROVIDER_ERROR",
      "Gemini sent an answer we couldn't read. Please try again.",
      { providerStatus: 200, retryable: true, reason: "MALFORMED_RESPONSE" },
      { cause },
    );
  if (
    error instanceof TypeError ||
    (error instanceof Error &&
      /fetch failed|ECONN|terminated|sending request/i.test(
        `${error.message} ${String(error.cause)}`,
      ))
  )
    return unreachable(
      "NETWORK",
      "We couldn't reach Gemini to enhance the prompt. Please try again in a minute.",
    );
  return cause;
}
