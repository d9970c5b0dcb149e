import "server-only";
import type { ApiErrorBody, ApiMeta } from "@/shared/api-errors";

export function metaFor(requestId: string, pagination?: ApiMeta["pagination"]): ApiMeta {
  return { requestId, timestamp: new Date().toISOString(), ...(pagination ? { pagination } : {}) };
}

export function successBody<T>(data: T, meta: ApiMeta) {
  return { success: true as const, data, meta };
}

export function errorBody(error: ApiErrorBody, meta: ApiMeta) {
  return { success: false as const, error, meta };
}
