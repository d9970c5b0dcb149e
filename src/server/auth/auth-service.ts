import "server-only";
import type { Locale } from "@/i18n/locales";
import type { Session, User } from "@/shared/api-types";
import type { LoginInput, RegisterInput } from "@/shared/schemas/auth";
import { recordAuditEvent, writeAudit } from "@/server/audit/audit-log";
import { AppError } from "@/server/http/app-error";
import { enforceRateLimits } from "@/server/http/rate-limit";
import type { Services } from "@/server/services";
import { promoteConfiguredAdmins } from "@/server/admin/admins";
import { ensureProfileRow } from "@/server/users/users-queries";
import type { AuthIdentity, CookieJar, RequestMeta } from "./auth-port";

interface Call {
  services: Services;
  jar: CookieJar;
  meta: RequestMeta;
  requestId: string;
  responseHeaders: Headers;
  /** The request's language (cookie, then Accept-Language): a new account starts with it. */
  locale?: Locale;
}

async function limitAuthAttempts({ services, meta, responseHeaders }: Call, email: string) {
  await enforceRateLimits({
    kv: services.kv,
    keys: [`auth:ip:${meta.ip ?? "unknown"}`, `auth:email:${email}`],
    rule: { limit: services.config.limits.authPerMinute, windowSeconds: 60 },
    headers: responseHeaders,
    message: "Too many sign-in attempts. Wait a minute and try again.",
  });
}

/**
 * The admins' registration setting: "closed" refuses everyone, "invite" everyone but the invited
 * addresses. 403 FORBIDDEN with `details.reason` REGISTRATION_CLOSED or INVITE_ONLY.
 */
async function assertMayRegister(services: Services, email: string): Promise<void> {
  const settings = await services.systemSettings.get();
  if (settings.registration === "open") return;
  if (settings.registration === "invite") {
    if (settings.invitedEmails.includes(email.toLowerCase())) return;
    throw new AppError(
      "FORBIDDEN",
      "Sign-up is by invitation only, and this address has not been invited. Ask the studio's admin for an invitation.",
      { reason: "INVITE_ONLY" },
    );
  }
  throw new AppError("FORBIDDEN", "This studio is not taking new sign-ups at the moment.", {
    reason: "REGISTRATION_CLOSED",
  });
}

/**
 * Register → rate limit (per IP and email) → registration setting → account (auth provider) →
 * profile, ADMIN_EMAILS promotion and audit entries (one transaction).
 */
export async function registerAccount(
  call: Call,
  input: RegisterInput,
): Promise<{ user: User; session: Session }> {
  const { services, jar, meta, requestId } = call;
  await limitAuthAttempts(call, input.email);
  await assertMayRegister(services, input.email);
  const result = await services.auth.register(input, jar, meta);
  await services.database.db.transaction(async (tx) => {
    await ensureProfileRow({
      db: tx,
      userId: result.userId,
      email: result.email,
      name: input.name,
      locale: call.locale,
    });
    await writeAudit(tx, { action: "auth.register", actorId: result.userId }, { requestId, meta });
    await promoteConfiguredAdmins({
      db: tx,
      adminEmails: services.config.adminEmails,
      userId: result.userId,
      audit: { requestId, meta },
    });
    await services.auth.queueSignUpVerification(
      tx,
      { userId: result.userId, email: result.email, name: input.name },
      services.mail,
    );
  });
  services.mail.flushAfterResponse();
  return { user: await services.users.getUser({ userId: result.userId }), session: result.session };
}

/**
 * Login → rate limit (per IP and email) → credentials → audit (failures too). The session is
 * the auth provider's change, outside our database's transactions: its entry is an event.
 */
export async function loginAccount(
  call: Call,
  input: LoginInput,
): Promise<{ user: User; session: Session }> {
  const { services, jar, meta, requestId } = call;
  await limitAuthAttempts(call, input.email);
  try {
    const result = await services.auth.login(input, jar, meta);
    await ensureProfileRow({
      db: services.database.db,
      userId: result.userId,
      email: result.email,
      name: result.email.split("@")[0] ?? "",
    });
    // Supabase mode: an account made outside our sign-up (or listed later) is promoted here.
    await promoteConfiguredAdmins({
      db: services.database.db,
      adminEmails: services.config.adminEmails,
      userId: result.userId,
      audit: { requestId, meta },
    });
    await recordAuditEvent(
      services.database.db,
      { action: "auth.login", actorId: result.userId },
      { requestId, meta },
    );
    return {
      user: await services.users.getUser({ userId: result.userId }),
      session: result.session,
    };
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAUTHORIZED") {
      await recordAuditEvent(
        services.database.db,
        {
          action: "auth.login_failed",
          actorId: null,
          metadata: { emailHash: await hashEmail(input.email) },
        },
        { requestId, meta },
      );
    }
    throw error;
  }
}

export async function logoutAccount(call: Call, identity: AuthIdentity): Promise<void> {
  const { services, jar, meta, requestId } = call;
  await services.auth.logout(identity, jar);
  await recordAuditEvent(
    services.database.db,
    { action: "auth.logout", actorId: identity.userId },
    { requestId, meta },
  );
}

export async function refreshSession(
  call: Omit<Call, "jar">,
  refreshToken: string,
): Promise<{ session: Session }> {
  const { services, meta, requestId } = call;
  try {
    return { session: await services.auth.refresh(refreshToken) };
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAUTHORIZED") {
      await recordAuditEvent(
        services.database.db,
        { action: "auth.refresh_rejected", actorId: null },
        { requestId, meta },
      );
    }
    throw error;
  }
}

async function hashEmail(email: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(email));
  return Buffer.from(digest).toString("hex").slice(0, 16);
}
