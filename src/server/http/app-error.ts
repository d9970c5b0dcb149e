import "server-only";
import { API_ERROR_STATUS, type ApiErrorCode } from "@/shared/api-errors";

// `instanceof` checks this brand, not the class object: in development, services kept on
// globalThis across hot reloads throw AppErrors from an older copy of this module, which a
// plain prototype check would not recognise (and every such error would become a 500).
const BRAND = Symbol.for("ai-image-studio.AppError");

/**
 * The one error type services throw. Its message is shown to the caller, so it must never
 * contain internals; put those in `cause`, which is logged and never sent.
 */
export class AppError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return (
      typeof value === "object" &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === true
    );
  }

  readonly [BRAND] = true;
  readonly status: number;
  /** Extra response headers, e.g. Retry-After for RATE_LIMITED / QUOTA_EXCEEDED. */
  headers: Record<string, string> = {};

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.status = API_ERROR_STATUS[code];
    if (options?.headers) this.headers = options.headers;
  }
}

export const notFound = (what = "Resource") => new AppError("NOT_FOUND", `${what} not found.`);
export const unauthorized = (message = "Sign in to continue.") =>
  new AppError("UNAUTHORIZED", message);
