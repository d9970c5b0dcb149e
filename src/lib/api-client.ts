import type { ApiErrorCode } from "@/shared/api-errors";

export type ApiClientErrorCode = ApiErrorCode | "NETWORK_ERROR" | "UNEXPECTED_RESPONSE";

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

/** An error envelope from /api/v1, or a failure to reach it. */
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export interface ApiFetchInit extends Omit<RequestInit, "body"> {
  /** Serialised as JSON. */
  json?: unknown;
  body?: BodyInit | null;
}

/**
 * Calls /api/v1 on the same origin and unwraps the envelope: resolves with `data`,
 * rejects with ApiClientError (code NETWORK_ERROR when the server cannot be reached).
 */
export async function apiFetch<T>(path: string, init: ApiFetchInit = {}): Promise<T> {
  const { json, headers: initHeaders, ...rest } = init;
  const headers = new Headers(initHeaders);
  headers.set("Accept", "application/json");
  let body = rest.body;
  if (json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(json);
  }

  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin", ...rest, headers, body });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiClientError({
      code: "NETWORK_ERROR",
      message: "We couldn't reach the studio. Check your connection and try again.",
      status: 0,
    });
  }

  if (response.status === 401) noteUnauthorized(path);
  const payload = await readJson(response);
  if (isRecord(payload) && payload.success === true) {
    return payload.data as T;
  }
  if (isRecord(payload) && payload.success === false && isRecord(payload.error)) {
    const error = payload.error;
    throw new ApiClientError({
      code: (typeof error.code === "string" ? error.code : "INTERNAL_ERROR") as ApiClientErrorCode,
      message: typeof error.message === "string" ? error.message : "Something went wrong.",
      status: response.status,
      details: error.details,
      retryAfterSeconds: parseRetryAfter(response.headers.get("Retry-After")),
    });
  }
  throw new ApiClientError({
    code: "UNEXPECTED_RESPONSE",
    message: "The studio sent an answer we couldn't read. Please try again.",
    status: response.status,
  });
}

// Answers where 401 means "wrong credentials" or "already signed out", not "the session ended".
const SIGN_IN_PATHS = [
  "/api/v1/auth/login",
  "/api/v1/auth/register",
  "/api/v1/auth/logout",
  "/api/v1/auth/refresh",
];

/**
 * A 401 from the API means the session is gone: the device must not keep the user's offline
 * data (image metadata, queued prompts, cached files) for whoever uses it next.
 */
export function noteUnauthorized(path: string): void {
  if (typeof window === "undefined") return;
  const pathname = path.split("?")[0] ?? path;
  if (SIGN_IN_PATHS.some((prefix) => pathname.startsWith(prefix))) return;
  void import("@/lib/offline/private-data").then(({ clearPrivateData }) => clearPrivateData());
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

/** "45 seconds", "2 minutes", "1 hour" — for rate-limit messages. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? "1 hour" : `${hours} hours`;
}
