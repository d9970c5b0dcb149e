import "server-only";
import type {
  ChangePasswordInput,
  ForgotPasswordInput,
  ResetPasswordInput,
} from "@/shared/schemas/auth";
import { enforceRateLimits } from "@/server/http/rate-limit";
import type { Services } from "@/server/services";
import type { AuthIdentity, CookieJar, RequestMeta } from "./auth-port";

interface Call {
  services: Services;
  meta: RequestMeta;
  requestId: string;
  responseHeaders: Headers;
  /** The request's cookies (the route's `ctx.cookies`): Supabase keeps flow state in them. */
  cookies?: CookieJar;
}

/** Reset mails one address may be sent per hour, whatever the IP asking. */
export const RESET_MAILS_PER_EMAIL_PER_HOUR = 5;

function passwordCall({ services, requestId, meta, cookies }: Call) {
  return { audit: { requestId, meta }, mail: services.mail, jar: cookies };
}

/**
 * "Forgot password?" → rate limit (per IP per minute, per email per hour) → a reset link by
 * mail if the account exists. The answer is the same whether or not it does.
 */
export async function forgotPassword(
  call: Call,
  input: ForgotPasswordInput,
): Promise<{ sent: true }> {
  const { services, meta, responseHeaders } = call;
  const message = "Too many reset requests. Wait a while and try again.";
  await enforceRateLimits({
    kv: services.kv,
    keys: [`pwreset:ip:${meta.ip ?? "unknown"}`],
    rule: { limit: services.config.limits.authPerMinute, windowSeconds: 60 },
    headers: responseHeaders,
    message,
  });
  await enforceRateLimits({
    kv: services.kv,
    keys: [`pwreset:email:${input.email}`],
    rule: { limit: RESET_MAILS_PER_EMAIL_PER_HOUR, windowSeconds: 3600 },
    headers: responseHeaders,
    message,
  });
  await services.auth.requestPasswordReset(input.email, passwordCall(call));
  return { sent: true };
}

/** Reset with a mailed token → new password, every session ended (this browser's too). */
export async function resetPassword(
  call: Call & { jar: CookieJar },
  input: ResetPasswordInput,
): Promise<{ reset: true }> {
  const { services, meta, responseHeaders } = call;
  await enforceRateLimits({
    kv: services.kv,
    keys: [`pwreset:ip:${meta.ip ?? "unknown"}`],
    rule: { limit: services.config.limits.authPerMinute, windowSeconds: 60 },
    headers: responseHeaders,
    message: "Too many attempts. Wait a minute and try again.",
  });
  await services.auth.resetPassword(input, call.jar, passwordCall(call));
  return { reset: true };
}

/** Change with the current password → every other session ended, this one kept. */
export async function changePassword(
  call: Call,
  identity: AuthIdentity,
  input: ChangePasswordInput,
): Promise<{ changed: true }> {
  const { services, responseHeaders } = call;
  // Guessing the current password from a stolen session is an attack on the password.
  await enforceRateLimits({
    kv: services.kv,
    keys: [`pwchange:user:${identity.userId}`],
    rule: { limit: services.config.limits.authPerMinute, windowSeconds: 60 },
    headers: responseHeaders,
    message: "Too many attempts. Wait a minute and try again.",
  });
  await services.auth.changePassword(identity, input, passwordCall(call));
  return { changed: true };
}
