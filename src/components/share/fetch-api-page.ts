import { ApiClientError, type ApiClientErrorCode } from "@/lib/api-client";

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  hasMore: boolean;
}

export type PageFetcher<T> = (cursor: string | null, signal: AbortSignal) => Promise<CursorPage<T>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * GETs one page of an /api/v1 list. apiFetch unwraps `data` and drops `meta.pagination`,
 * which a list needs for its next cursor.
 */
export async function fetchApiPage<T>(
  path: string,
  {
    signal,
    credentials = "same-origin",
  }: { signal?: AbortSignal; credentials?: RequestCredentials } = {},
): Promise<CursorPage<T>> {
  let response: Response;
  try {
    response = await fetch(path, { credentials, headers: { Accept: "application/json" }, signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiClientError({
      code: "NETWORK_ERROR",
      message: "We couldn't reach the studio. Check your connection and try again.",
      status: 0,
    });
  }
  const payload: unknown = await response.json().catch(() => null);
  if (isRecord(payload) && payload.success === true && Array.isArray(payload.data)) {
    const meta = isRecord(payload.meta) ? payload.meta : {};
    const pagination = isRecord(meta.pagination) ? meta.pagination : {};
    return {
      items: payload.data as T[],
      nextCursor: typeof pagination.nextCursor === "string" ? pagination.nextCursor : null,
      hasMore: pagination.hasMore === true,
    };
  }
  if (isRecord(payload) && payload.success === false && isRecord(payload.error)) {
    const error = payload.error;
    throw new ApiClientError({
      code: (typeof error.code === "string" ? error.code : "INTERNAL_ERROR") as ApiClientErrorCode,
      message: typeof error.message === "string" ? error.message : "Something went wrong.",
      status: response.status,
      details: error.details,
    });
  }
  throw new ApiClientError({
    code: "UNEXPECTED_RESPONSE",
    message: "The studio sent an answer we couldn't read. Please try again.",
    status: response.status,
  });
}

/** "/api/v1/x?limit=30" plus the cursor, when there is one. */
export function withCursor(path: string, cursor: string | null): string {
  if (!cursor) return path;
  return `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`;
}

/** A service's page (`{ items, pagination }`) as the client's CursorPage. */
export function toCursorPage<T>(page: {
  items: T[];
  pagination: { nextCursor: string | null; hasMore: boolean };
}): CursorPage<T> {
  return {
    items: page.items,
    nextCursor: page.pagination.nextCursor,
    hasMore: page.pagination.hasMore,
  };
}
