/*
 * The client data layer lives in src/lib/api (request.ts: the one request function and its
 * 401 handling; errors.ts: the one error type). This module only re-exports it for imports
 * that have not moved yet.
 */
export { ApiClientError, formatWait, type ApiClientErrorCode } from "@/lib/api/errors";
export { apiFetch, noteUnauthorized, type ApiRequestInit as ApiFetchInit } from "@/lib/api/request";
