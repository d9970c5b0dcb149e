import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiEnvelope, ApiErrorCode } from "@/shared/api-errors";
import { API_ERROR_STATUS } from "@/shared/api-errors";
import { HTTP_METHODS } from "./http-methods";
import { REQUEST_ID_HEADER, resolveRequestId } from "./request-id";

/**
 * Requests under /api/v1 that Next answers itself, before any route handler runs, with an HTML
 * page or an empty body: these answers put them in the envelope instead.
 */

const API_PREFIX = "/api/v1";

function errorEnvelope(code: ApiErrorCode, message: string, requestId: string) {
  const body: ApiEnvelope<never> = {
    success: false,
    error: {
      code,
      message,
      ...(code === "VALIDATION_ERROR" ? { details: { issues: [{ path: "", message }] } } : {}),
    },
    meta: { requestId, timestamp: new Date().toISOString() },
  };
  return body;
}

/**
 * Edge-safe (middleware, whose matcher sends it only /api/v1 itself and /api/v1 paths with a
 * `%` or a `..`).
 * - A path Next cannot percent-decode (`/api/v1/%FF`) gets Next's HTML 400 page: here, the
 *   envelope's 400.
 * - A path whose `..` climbs out of /api/v1 (`/api/v1/../health`) gets Next's HTML 404 page:
 *   here, the envelope's 404.
 * - /api/v1 itself (the catch-all route needs a segment) gets the HTML 404 page: here, the
 *   envelope's 404.
 * Any other path is left to its route (null).
 */
export function answerOddApiPath(request: {
  nextUrl: { pathname: string };
  headers: Headers;
}): Response | null {
  // nextUrl is the path with `..` already resolved.
  const { pathname } = request.nextUrl;
  let answer: [ApiErrorCode, string] | null = null;
  if (!pathname.startsWith(`${API_PREFIX}/`) || pathname === `${API_PREFIX}/`) {
    answer = ["NOT_FOUND", "No such endpoint."];
  } else {
    try {
      decodeURIComponent(pathname);
    } catch {
      answer = ["VALIDATION_ERROR", "The path is not valid percent-encoded UTF-8."];
    }
  }
  if (!answer) return null;
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  return Response.json(errorEnvelope(answer[0], answer[1], requestId), {
    status: API_ERROR_STATUS[answer[0]],
    headers: { [REQUEST_ID_HEADER]: requestId, "cache-control": "no-store" },
  });
}

const KNOWN_METHODS = new Set<string>(HTTP_METHODS);

/**
 * Node's HTTP server (the request guard). A method Next does not route (PROPFIND, PURGE…) gets
 * its bare 400, and TRACE its HTML 500: under /api/ the answer is 405 METHOD_NOT_ALLOWED in the
 * envelope. Returns true when it answered.
 */
export function answerUnroutableApiMethod(
  request: IncomingMessage,
  response: ServerResponse,
): boolean {
  if (KNOWN_METHODS.has(request.method ?? "") || !request.url?.startsWith("/api/")) return false;
  const header = request.headers[REQUEST_ID_HEADER];
  const requestId = resolveRequestId(typeof header === "string" ? header : null);
  const body = errorEnvelope(
    "METHOD_NOT_ALLOWED",
    `${request.method} is not a method this API takes.`,
    requestId,
  );
  response.writeHead(405, {
    "content-type": "application/json",
    allow: HTTP_METHODS.join(", "),
    [REQUEST_ID_HEADER]: requestId,
    "cache-control": "no-store",
  });
  response.end(JSON.stringify(body));
  return true;
}

/**
 * Node's HTTP server (the request guard). Next answers an /api/ path with a trailing slash or an
 * empty segment (`/api/v1/images/`, `/api/v1//images`) with a bare 308 to the tidy path: no
 * envelope, no X-Request-Id, and one more round trip (a client that does not follow redirects
 * gets nothing). The request is handed on as its tidy path instead, so it gets the answer that
 * path gives. Returns the path and query to use, or null to leave the request as it is.
 */
export function tidyApiPath(url: string | undefined): string | null {
  if (!url?.startsWith("/api/")) return null;
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const tidy = path.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1");
  if (tidy === path) return null;
  return tidy + (queryAt === -1 ? "" : url.slice(queryAt));
}
