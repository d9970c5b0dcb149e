import type { ApiErrorCode, ApiMeta } from "@/shared/api-errors";
import { ApiClientError, NETWORK_ERROR_MESSAGE, isRecord } from "./errors";

export interface ApiRequestInit extends Omit<RequestInit, "body"> {
  /** Serialised as JSON. */
  json?: unknown;
  body?: BodyInit | null;
  /**
   * Receives an unread copy of a successful answer before it is parsed (the offline copies
   * keep API pages whole in Cache Storage, where the service worker looks them up).
   */
  onResponse?: (copy: Response) => Promise<void> | void;
}

export interface ApiResult<T> {
  data: T;
  meta: ApiMeta;
}

/**
 * The one way the browser calls /api/v1: unwraps the envelope into `{ data, meta }` or throws
 * ApiClientError (NETWORK_ERROR when the server cannot be reached, UNEXPECTED_RESPONSE when
 * the answer is not an envelope). An abort is rethrown as it is. A 401 outside the sign-in
 * endpoints is reported once to the session-end handler (see onUnauthorized).
 */
export async function apiRequest<T>(
  path: string,
  init: ApiRequestInit = {},
): Promise<ApiResult<T>> {
  const { json, onResponse, headers: initHeaders, ...rest } = init;
  const headers = new Headers(initHeaders);
  headers.set("Accept", "application/json");
  let body = rest.body;
  if (json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(json);
  }

  const response = await send(path, { ...rest, headers, body });
  if (response.ok && onResponse) await onResponse(response.clone());
  return readEnvelope<T>(path, response);
}

/**
 * A same-origin file or page that is not an API answer (an image file, a page's HTML), whole,
 * for the offline copies to keep. Throws ApiClientError like apiRequest when it cannot be had.
 */
export async function fetchSameOriginFile(
  path: string,
  init: Omit<RequestInit, "credentials"> = {},
): Promise<Response> {
  const response = await send(path, init);
  if (response.ok) return response;
  throw new ApiClientError({
    code: "UNEXPECTED_RESPONSE",
    message: `The studio answered ${response.status} for ${path}.`,
    status: response.status,
  });
}

/** The one fetch of the client's data layer: a failure to reach the server is NETWORK_ERROR. */
async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: "same-origin", ...init });
  } catch (cause) {
    if (isAbort(cause) || init.signal?.aborted) throw cause;
    throw new ApiClientError({ code: "NETWORK_ERROR", message: NETWORK_ERROR_MESSAGE, status: 0 });
  }
}

/** `apiRequest` for callers that need only `data`. */
export async function apiFetch<T>(path: string, init: ApiRequestInit = {}): Promise<T> {
  return (await apiRequest<T>(path, init)).data;
}

/** Reads an /api/v1 answer: `{ data, meta }` from a success envelope, ApiClientError otherwise. */
export async function readEnvelope<T>(path: string, response: Response): Promise<ApiResult<T>> {
  const payload = await readJson(response);
  if (response.status === 401) noteUnauthorized(path, unauthorizedReason(payload));
  if (isRecord(payload) && payload.success === true && "data" in payload) {
    const meta = (isRecord(payload.meta) ? payload.meta : {}) as unknown as ApiMeta;
    return { data: payload.data as T, meta };
  }
  if (isRecord(payload) && payload.success === false && isRecord(payload.error)) {
    const error = payload.error;
    throw new ApiClientError({
      code: (typeof error.code === "string" ? error.code : "INTERNAL_ERROR") as ApiErrorCode,
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

/** Why the session ended, when the answer says: "SUSPENDED" for a suspended account. */
export type UnauthorizedReason = "SUSPENDED" | null;
let unauthorizedHandler: ((reason: UnauthorizedReason) => void) | null = null;

/**
 * Who acts when the API says the session is gone (src/lib/offline/session-end.ts installs the
 * wipe of private data and the way back to /login). One handler; a later call replaces it.
 */
export function onUnauthorized(handler: ((reason: UnauthorizedReason) => void) | null): void {
  unauthorizedHandler = handler;
}

/** A 401 from the API, outside the sign-in endpoints, means the session has ended. */
export function noteUnauthorized(path: string, reason: UnauthorizedReason = null): void {
  const pathname = new URL(path, "http://studio.invalid").pathname;
  if (SIGN_IN_PATHS.some((prefix) => pathname.startsWith(prefix))) return;
  unauthorizedHandler?.(reason);
}

function unauthorizedReason(payload: unknown): UnauthorizedReason {
  if (!isRecord(payload) || !isRecord(payload.error)) return null;
  const details = payload.error.details;
  return isRecord(details) && details.reason === "SUSPENDED" ? "SUSPENDED" : null;
}

function isAbort(cause: unknown): boolean {
  return (cause instanceof DOMException || cause instanceof Error) && cause.name === "AbortError";
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

export function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
