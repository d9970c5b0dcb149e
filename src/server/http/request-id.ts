/** Edge-safe: used by middleware and route handlers alike. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

export const REQUEST_ID_HEADER = "x-request-id";

/** Echoes a well-formed incoming request id, or makes a new one. */
export function resolveRequestId(incoming: string | null | undefined): string {
  if (incoming && WELL_FORMED.test(incoming)) return incoming;
  return crypto.randomUUID();
}
