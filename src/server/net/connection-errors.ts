/**
 * Node's and undici's (fetch's) codes for a network peer that went away or was never there:
 * the one list the provider adapters and the database and HTTP layers read.
 */
export const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_CLOSED",
]);

/**
 * Whether an error says a connection to a service was lost or could not be made, not that the
 * request was wrong: postgres.js's own close errors (CONNECTION_CLOSED, CONNECTION_ENDED,
 * CONNECTION_DESTROYED), PostgreSQL's connection-exception class (08…) and shutdowns (57P01
 * terminated by an administrator or a pooler, 57P02 crash, 57P03 still starting), and the
 * network codes above; looked for through `cause`, since Drizzle wraps what the driver throws.
 */
export function isConnectionFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== "object") return false;
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (
      typeof code === "string" &&
      (/^(CONNECTION_|08|57P0)/.test(code) || NETWORK_ERROR_CODES.has(code))
    )
      return true;
    current = cause;
  }
  return false;
}
