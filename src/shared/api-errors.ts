/** The closed set of error codes of the HTTP API (see shared/API.md). Isomorphic. */
export const API_ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  INVALID_JSON: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CONTENT_BLOCKED: 422,
  PROVIDER_KEY_MISSING: 412,
  PROVIDER_KEY_INVALID: 400,
  RATE_LIMITED: 429,
  QUOTA_EXCEEDED: 429,
  PROVIDER_ERROR: 502,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  details?: unknown;
}

export interface ApiMeta {
  requestId: string;
  timestamp: string;
  pagination?: { limit: number; nextCursor: string | null; hasMore: boolean };
}

export type ApiEnvelope<T> =
  | { success: true; data: T; meta: ApiMeta }
  | { success: false; error: ApiErrorBody; meta: ApiMeta };
