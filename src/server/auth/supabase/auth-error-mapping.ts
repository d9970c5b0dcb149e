import "server-only";
import {
  isAuthRetryableFetchError,
  isAuthWeakPasswordError,
  type AuthError,
} from "@supabase/supabase-js";
import { AppError } from "@/server/http/app-error";

/** GoTrue error codes (`error.code`) this app answers with a specific AppError. */
const RATE_LIMIT_CODES = new Set([
  "over_request_rate_limit",
  "over_email_send_rate_limit",
  "over_sms_send_rate_limit",
]);
const SIGNUP_CLOSED_CODES = new Set(["signup_disabled", "email_provider_disabled"]);

export function authServiceUnavailable(cause: unknown): AppError {
  return new AppError(
    "SERVICE_UNAVAILABLE",
    "The sign-in service is unavailable. Try again shortly.",
    undefined,
    { cause },
  );
}

/**
 * The AppError for a Supabase Auth error that the calling operation did not handle itself.
 * Messages are fixed: GoTrue's own text stays in `cause`, which is logged, never sent.
 */
export function toAppError(error: AuthError): AppError {
  const options = { cause: error };
  if (isAuthRetryableFetchError(error)) return authServiceUnavailable(error);
  if (isAuthWeakPasswordError(error)) {
    return new AppError(
      "VALIDATION_ERROR",
      "Choose a stronger password.",
      { password: error.reasons },
      options,
    );
  }
  if ((error.code !== undefined && RATE_LIMIT_CODES.has(error.code)) || error.status === 429) {
    return new AppError("RATE_LIMITED", "Too many attempts. Try again later.", undefined, options);
  }
  if (error.code !== undefined && SIGNUP_CLOSED_CODES.has(error.code)) {
    return new AppError("FORBIDDEN", "Sign-ups are closed.", undefined, options);
  }
  if (error.code === "email_address_invalid" || error.code === "validation_failed") {
    return new AppError(
      "VALIDATION_ERROR",
      "The email address or password is not valid.",
      undefined,
      options,
    );
  }
  if (error.code === "user_banned") {
    return new AppError("FORBIDDEN", "This account is suspended.", undefined, options);
  }
  return new AppError("INTERNAL_ERROR", "Authentication failed unexpectedly.", undefined, options);
}
