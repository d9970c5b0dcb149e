import type { ApiErrorCode } from "@/shared/api-errors";

/** The API's codes, and what the client itself can tell went wrong. */
export type ApiClientErrorCode =
  | ApiErrorCode
  | "NETWORK_ERROR"
  | "UNEXPECTED_RESPONSE"
  /** A streamed answer (a generation) ended before its last event. */
  | "STREAM_INTERRUPTED";

interface ApiClientErrorInit {
  code: ApiClientErrorCode;
  message: string;
  status: number;
  details?: unknown;
  retryAfterSeconds?: number | null;
}

interface FieldIssue {
  path: string;
  message: string;
}

/** An error envelope from /api/v1, or a failure to reach it: the one error the client raises. */
export class ApiClientError extends Error {
  readonly code: ApiClientErrorCode;
  readonly status: number;
  readonly details: unknown;
  /** From the Retry-After header of a 429, when the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(init: ApiClientErrorInit) {
    super(init.message);
    this.name = "ApiClientError";
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** VALIDATION_ERROR issues keyed by their first path segment; the first message per field wins. */
  fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const issue of readIssues(this.details)) {
      if (issue.path && !(issue.path in result)) result[issue.path] = issue.message;
    }
    return result;
  }
}

/** Anything thrown while loading or saving, as the one client error (a bug becomes INTERNAL_ERROR). */
export function toApiClientError(error: unknown): ApiClientError {
  if (error instanceof ApiClientError) return error;
  return new ApiClientError({
    code: "INTERNAL_ERROR",
    message: "Something went wrong.",
    status: 0,
  });
}

/** The message to show for a failed load or save. */
export function errorMessage(error: unknown, fallback = "Please try again."): string {
  return error instanceof ApiClientError ? error.message : fallback;
}

export const NETWORK_ERROR_MESSAGE =
  "We couldn't reach the studio. Check your connection and try again.";

function readIssues(details: unknown): FieldIssue[] {
  if (!isRecord(details) || !Array.isArray(details.issues)) return [];
  const issues: FieldIssue[] = [];
  for (const raw of details.issues) {
    if (!isRecord(raw) || typeof raw.message !== "string") continue;
    issues.push({ path: readIssuePath(raw.path), message: raw.message });
  }
  return issues;
}

function readIssuePath(path: unknown): string {
  if (typeof path === "string") return path.split(".")[0] ?? "";
  if (Array.isArray(path)) {
    const first: unknown = path[0];
    return typeof first === "string" || typeof first === "number" ? String(first) : "";
  }
  return "";
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** "45 seconds", "2 minutes", "1 hour" — for rate-limit messages. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? "1 hour" : `${hours} hours`;
}
