import "server-only";
import type {
  ChangeEmailInput,
  ConfirmEmailChangeInput,
  VerifyEmailInput,
} from "@/shared/schemas/auth";
import { AppError } from "@/server/http/app-error";
import { enforceRateLimits } from "@/server/http/rate-limit";
import type { Services } from "@/server/services";
import type { AuthIdentity, EmailCall, RequestMeta } from "./auth-port";
import { findEmailState } from "./email-state";

interface Call {
  services: Services;
  meta: RequestMeta;
  requestId: string;
  responseHeaders: Headers;
}

/** Verification mails one account may ask for per hour ("Resend"). */
export const VERIFY_MAILS_PER_HOUR = 5;
/** Change-of-email requests (each mails two addresses) one account may make per hour. */
export const EMAIL_CHANGES_PER_HOUR = 5;

function emailCall({ services, requestId, meta }: Call): EmailCall {
  return { audit: { requestId, meta }, mail: services.mail, db: services.database.db };
}

/** Tokens are not guessable; the per-IP limit keeps a flood of attempts off the database. */
async function limitTokenUse({ services, meta, responseHeaders }: Call) {
  await enforceRateLimits({
    kv: services.kv,
    keys: [`emailtoken:ip:${meta.ip ?? "unknown"}`],
    rule: { limit: services.config.limits.authPerMinute, windowSeconds: 60 },
    headers: responseHeaders,
    message: "Too many attempts. Wait a minute and try again.",
  });
}

/** "Resend" on the banner → a fresh link (the earlier one stops working), rate limited per account. */
export async function resendVerification(
  call: Call,
  identity: AuthIdentity,
): Promise<{ sent: boolean }> {
  const { services, responseHeaders } = call;
  await enforceRateLimits({
    kv: services.kv,
    keys: [`verifymail:user:${identity.userId}`],
    rule: { limit: VERIFY_MAILS_PER_HOUR, windowSeconds: 3600 },
    headers: responseHeaders,
    message: "We sent several links already. Check your inbox and spam folder, or try later.",
  });
  return services.auth.resendVerification(identity, emailCall(call));
}

/** The mailed link's page → the address is confirmed. */
export async function verifyEmail(
  call: Call,
  input: VerifyEmailInput,
): Promise<{ verified: true }> {
  await limitTokenUse(call);
  await call.services.auth.verifyEmail(input.token, emailCall(call));
  return { verified: true };
}

/** Settings → Email: new address + password → a link to the new address, a notice to the old. */
export async function requestEmailChange(
  call: Call,
  identity: AuthIdentity,
  input: ChangeEmailInput,
): Promise<{ pendingEmail: string }> {
  const { services, responseHeaders } = call;
  // Guessing the password from a stolen session is an attack on the password.
  await enforceRateLimits({
    kv: services.kv,
    keys: [`emailchange:user:${identity.userId}`],
    rule: { limit: services.config.limits.authPerMinute, windowSeconds: 60 },
    headers: responseHeaders,
    message: "Too many attempts. Wait a minute and try again.",
  });
  await enforceRateLimits({
    kv: services.kv,
    keys: [`emailchange:hour:${identity.userId}`],
    rule: { limit: EMAIL_CHANGES_PER_HOUR, windowSeconds: 3600 },
    headers: responseHeaders,
    message: "You asked for several changes already. Check the new address's inbox, or try later.",
  });
  return services.auth.requestEmailChange(identity, input, emailCall(call));
}

/** The link at the new address → the account moves to it. */
export async function confirmEmailChange(
  call: Call,
  input: ConfirmEmailChangeInput,
): Promise<{ email: string }> {
  await limitTokenUse(call);
  return call.services.auth.confirmEmailChange(input.token, emailCall(call));
}

/**
 * The operator's switch (system setting requireEmailVerification, by default
 * REQUIRE_EMAIL_VERIFICATION): no generation until the account's
 * address is confirmed. 403 FORBIDDEN with `details.reason: "EMAIL_NOT_VERIFIED"`.
 */
export async function assertMayGenerate(services: Services, userId: string): Promise<void> {
  if (!(await services.systemSettings.get()).requireEmailVerification) return;
  const state = await findEmailState({ db: services.database.db, userId });
  if (state?.verified) return;
  throw new AppError(
    "FORBIDDEN",
    "Confirm your email address before generating: use the link we mailed you, or send a new one from the banner.",
    { reason: "EMAIL_NOT_VERIFIED" },
  );
}
