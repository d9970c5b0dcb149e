import "server-only";
import { ApiError } from "@google/genai";
import { AppError } from "@/server/http/app-error";
import { NETWORK_ERROR_CODES } from "@/server/net/connection-errors";
import {
  errorInfoReasons,
  isApiKeyRejection,
  isZeroQuota,
  readGoogleRpcError,
  retryDelayMs,
  type GoogleRpcError,
} from "./google-rpc-error";
import { malformedResponse } from "./gemini-response";
import { isAbortError } from "./retry-policy";

/** A failure worth another attempt. */
export interface TransientFailure {
  kind: "transient";
  /** The HTTP status Gemini answered, or null when no answer came (network, timeout). */
  providerStatus: number | null;
  reason: string;
  /** Google's google.rpc.RetryInfo.retryDelay, when it sent one. */
  retryDelayMs: number | null;
  cause: unknown;
}

/** A failure to give up with: an AppError, or an unrecognised error (a bug) to rethrow as it is. */
export interface FinalFailure {
  kind: "final";
  error: unknown;
}

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

const KEY_REJECTED_MESSAGE =
  "Google rejected this Gemini API key. Check it in Settings, or create a new one at aistudio.google.com/apikey.";

/**
 * Sorts what a generateContent attempt threw (a caller's abort is handled before this): a
 * transient failure to retry, or a final one to give up with.
 */
export function classifyGenerateFailure(
  error: unknown,
  context: { model: string; apiKey: string },
): TransientFailure | FinalFailure {
  const sorted = sortGenerateFailure(error, context);
  return sorted instanceof AppError ? { kind: "final", error: sorted } : sorted;
}

function sortGenerateFailure(
  error: unknown,
  { model, apiKey }: { model: string; apiKey: string },
): AppError | TransientFailure | FinalFailure {
  if (error instanceof AppError) return error;
  const cause = withoutKey(error, apiKey);
  if (error instanceof ApiError) {
    const rpc = readGoogleRpcError(error.status, error.message);
    const keyProblem = keyProblemOf(rpc, model, cause);
    if (keyProblem) return keyProblem;
    if (isZeroQuota(rpc)) {
      return new AppError(
        "PROVIDER_ERROR",
        "Your Google project has no quota for image generation — Gemini's image models are not part of the free tier. Enable billing on the project in Google AI Studio (aistudio.google.com), then try again.",
        { providerStatus: 429, retryable: false, reason: "NO_IMAGE_QUOTA" },
        { cause },
      );
    }
    if (RETRYABLE_STATUSES.has(rpc.httpStatus)) {
      return {
        kind: "transient",
        providerStatus: rpc.httpStatus,
        reason:
          rpc.httpStatus === 429 ? "RATE_LIMITED" : (rpc.rpcStatus ?? `HTTP_${rpc.httpStatus}`),
        retryDelayMs: retryDelayMs(rpc),
        cause,
      };
    }
    return rejectedRequest(rpc, model, cause);
  }
  if (error instanceof SyntaxError) return malformedResponse(cause);
  if (isAbortError(error)) {
    return {
      kind: "transient",
      providerStatus: null,
      reason: "TIMEOUT",
      retryDelayMs: null,
      cause,
    };
  }
  if (isNetworkError(error)) {
    return {
      kind: "transient",
      providerStatus: null,
      reason: "NETWORK",
      retryDelayMs: null,
      cause,
    };
  }
  return { kind: "final", error: cause };
}

/** PROVIDER_KEY_INVALID for an answer that says the key is wrong or lacks access. */
export function keyProblemOf(
  rpc: GoogleRpcError,
  model: string | null,
  cause: unknown,
): AppError | null {
  const details = {
    providerStatus: rpc.httpStatus,
    reason: errorInfoReasons(rpc)[0] ?? rpc.rpcStatus,
  };
  if (isApiKeyRejection(rpc) || rpc.httpStatus === 401) {
    return new AppError("PROVIDER_KEY_INVALID", KEY_REJECTED_MESSAGE, details, { cause });
  }
  if (rpc.httpStatus !== 403) return null;
  if (errorInfoReasons(rpc).includes("SERVICE_DISABLED")) {
    return new AppError(
      "PROVIDER_KEY_INVALID",
      "The Gemini API isn't enabled for this key's Google Cloud project. Enable the Generative Language API for that project, or create a new key at aistudio.google.com/apikey.",
      details,
      { cause },
    );
  }
  const what = model ? `the image model "${model}"` : "the Gemini API";
  return new AppError(
    "PROVIDER_KEY_INVALID",
    `This Gemini API key doesn't have access to ${what}. Check the key's restrictions and project in Google AI Studio, or create a new key at aistudio.google.com/apikey.`,
    details,
    { cause },
  );
}

function rejectedRequest(rpc: GoogleRpcError, model: string, cause: unknown): AppError {
  const details = {
    providerStatus: rpc.httpStatus,
    retryable: false,
    reason:
      rpc.httpStatus === 404 ? "MODEL_NOT_FOUND" : (rpc.rpcStatus ?? `HTTP_${rpc.httpStatus}`),
  };
  if (rpc.httpStatus === 404) {
    return new AppError(
      "PROVIDER_ERROR",
      `This studio is set up to use the image model "${model}", which the Gemini API doesn't offer. Please tell the site's operator so they can choose an available model.`,
      details,
      { cause },
    );
  }
  if (rpc.rpcStatus === "FAILED_PRECONDITION" && /location/i.test(rpc.message)) {
    return new AppError(
      "PROVIDER_ERROR",
      "Gemini isn't available in the region this studio runs from, so it can't make images here. Please tell the site's operator.",
      details,
      { cause },
    );
  }
  return new AppError(
    "PROVIDER_ERROR",
    "Gemini couldn't process this request. Try rewording the prompt or using a different image, then try again.",
    details,
    { cause },
  );
}

/** The AppError for a transient failure that kept failing until attempts or time ran out. */
export function exhaustedRetries(failure: TransientFailure, attempts: number): AppError {
  const details = {
    providerStatus: failure.providerStatus,
    retryable: true,
    attempts,
    reason: failure.reason,
  };
  const tries = attempts === 1 ? "once" : `${attempts} times`;
  let message: string;
  if (failure.reason === "TIMEOUT") {
    message = `Gemini took too long to answer (we tried ${tries}). Please try again in a minute; a simpler prompt can also help.`;
  } else if (failure.reason === "NETWORK") {
    message = `We couldn't reach Gemini (we tried ${tries}). Please try again in a minute.`;
  } else if (failure.providerStatus === 429) {
    const wait =
      failure.retryDelayMs !== null
        ? `about ${Math.max(1, Math.ceil(failure.retryDelayMs / 1000))} seconds`
        : "a minute";
    message = `Your Google project is sending Gemini more requests than its rate limit allows. Wait ${wait} and try again.`;
  } else {
    message = `Gemini is overloaded or having trouble right now (it answered ${failure.providerStatus ?? "nothing"}; we tried ${tries}). Please try again in a few minutes.`;
  }
  return new AppError("PROVIDER_ERROR", message, details, { cause: failure.cause });
}

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof TypeError && /fetch failed|terminated|network/i.test(error.message))
    return true;
  const code = errorCode(error) ?? errorCode(error.cause);
  return code !== null && NETWORK_ERROR_CODES.has(code);
}

function errorCode(value: unknown): string | null {
  if (typeof value !== "object" || value === null || !("code" in value)) return null;
  return typeof value.code === "string" ? value.code : null;
}

/**
 * The error to keep as a cause, with the API key cut out should anything ever have echoed it.
 * Causes are logged; the key must never reach a log line.
 */
export function withoutKey(error: unknown, apiKey: string): unknown {
  if (!(error instanceof Error) || apiKey === "") return error;
  const texts = [error.message, error.stack ?? "", String(error.cause ?? "")];
  if (!texts.some((text) => text.includes(apiKey))) return error;
  const redacted = new Error(error.message.replaceAll(apiKey, "[redacted]"));
  redacted.name = error.name;
  return redacted;
}
