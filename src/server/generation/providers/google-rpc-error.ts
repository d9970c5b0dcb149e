import "server-only";
import { z } from "zod";
import { parseDurationMs } from "./retry-policy";

/**
 * Google's JSON error body, `{ error: { code, message, status, details: [{ "@type": … }] } }`,
 * as the SDK's ApiError carries it: @google/genai puts the whole body, stringified, in
 * `ApiError.message` (or, for a non-JSON body, `{ error: { message: <text> } }`).
 */
export interface GoogleRpcError {
  httpStatus: number;
  /** google.rpc.Code name: INVALID_ARGUMENT, PERMISSION_DENIED, RESOURCE_EXHAUSTED, … */
  rpcStatus: string | null;
  message: string;
  details: Array<Record<string, unknown>>;
}

const ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";
const RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";
const QUOTA_FAILURE = "type.googleapis.com/google.rpc.QuotaFailure";

const errorBodySchema = z.object({
  error: z.object({
    message: z.string().optional().catch(undefined),
    status: z.string().optional().catch(undefined),
    details: z.array(z.record(z.string(), z.unknown())).optional().catch(undefined),
  }),
});

const quotaViolationSchema = z.object({
  quotaMetric: z.string().optional(),
  quotaId: z.string().optional(),
  // Not always sent; when it is, it is the limit that was hit (int64, so often a string).
  quotaValue: z.union([z.string(), z.number()]).optional(),
});

export function readGoogleRpcError(httpStatus: number, sdkMessage: string): GoogleRpcError {
  let parsed: z.infer<typeof errorBodySchema> | null = null;
  try {
    const result = errorBodySchema.safeParse(JSON.parse(sdkMessage));
    parsed = result.success ? result.data : null;
  } catch {
    parsed = null;
  }
  return {
    httpStatus,
    rpcStatus: parsed?.error.status ?? null,
    message: parsed?.error.message ?? sdkMessage,
    details: parsed?.error.details ?? [],
  };
}

function detailsOfType(error: GoogleRpcError, type: string): Array<Record<string, unknown>> {
  return error.details.filter((detail) => detail["@type"] === type);
}

/** The google.rpc.ErrorInfo reasons, e.g. API_KEY_INVALID, SERVICE_DISABLED. */
export function errorInfoReasons(error: GoogleRpcError): string[] {
  return detailsOfType(error, ERROR_INFO)
    .map((detail) => detail.reason)
    .filter((reason): reason is string => typeof reason === "string");
}

export function isApiKeyRejection(error: GoogleRpcError): boolean {
  return (
    error.httpStatus === 400 &&
    (errorInfoReasons(error).includes("API_KEY_INVALID") ||
      /API key not valid/i.test(error.message))
  );
}

/** google.rpc.RetryInfo.retryDelay, in milliseconds. */
export function retryDelayMs(error: GoogleRpcError): number | null {
  for (const detail of detailsOfType(error, RETRY_INFO)) {
    const delay = parseDurationMs(detail.retryDelay);
    if (delay !== null) return delay;
  }
  return null;
}

/**
 * A project with no quota at all for the model — image models have no free tier, so this is
 * what a key from a project without billing gets. Google words the limit into the message
 * ("Quota exceeded for metric: …, limit: 0, model: …") next to a QuotaFailure detail; waiting
 * never helps, even though the same body carries a RetryInfo.
 */
export function isZeroQuota(error: GoogleRpcError): boolean {
  if (error.httpStatus !== 429) return false;
  if (/\blimit:\s*0(?![\d.])/.test(error.message)) return true;
  return detailsOfType(error, QUOTA_FAILURE).some((detail) => {
    const violations = Array.isArray(detail.violations) ? detail.violations : [];
    return violations.some((violation) => {
      const parsed = quotaViolationSchema.safeParse(violation);
      return (
        parsed.success &&
        parsed.data.quotaValue !== undefined &&
        Number(parsed.data.quotaValue) === 0
      );
    });
  });
}
