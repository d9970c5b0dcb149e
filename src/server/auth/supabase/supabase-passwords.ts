import "server-only";
import {
  AuthApiError,
  AuthRetryableFetchError,
  isAuthApiError,
  isAuthRetryableFetchError,
  type AuthError,
  type JwtPayload,
} from "@supabase/supabase-js";
import { AppError } from "@/server/http/app-error";
import { logger } from "@/server/observability/logger";
import type { AuthIdentity, CookieJar, MailedLink, PasswordCall } from "../auth-port";
import { createSupabaseAdminClient } from "./admin-client";
import { toAppError } from "./auth-error-mapping";
import { createSupabaseServerClient, createSupabaseTokenClient } from "./server-client";

/** Where a recovery mail's link lands: /auth/confirm opens it, then the reset page. */
export const RECOVERY_LANDING_PATH = "/reset-password";

/**
 * How long after its link was opened a session may set a new password without the old one:
 * the local reset link's lifetime, so both modes give a mailbox the same window.
 */
export const RECOVERY_SESSION_MINUTES = 30;

/** GoTrue's `amr` methods of a session opened by a mailed link (verifyOtp, or a PKCE recovery code). */
const LINK_METHODS = new Set(["otp", "recovery"]);

const INVALID_LINK =
  "This reset link is not valid any more: it was used, it expired, or a newer one was sent. Ask for a new one.";

const invalidLink = (cause?: AuthError) =>
  new AppError(
    "VALIDATION_ERROR",
    INVALID_LINK,
    { issues: [{ path: "token", message: INVALID_LINK }] },
    cause ? { cause } : undefined,
  );

const wrongCurrentPassword = () =>
  new AppError("VALIDATION_ERROR", "The current password is not right.", {
    issues: [{ path: "currentPassword", message: "The current password is not right." }],
  });

/** The new password was refused by GoTrue for a reason the person can fix; anything else maps as usual. */
function newPasswordError(error: AuthError, field: "password" | "newPassword"): AppError {
  if (error.code === "same_password") {
    const message = "Choose a password you have not used for this account.";
    return new AppError(
      "VALIDATION_ERROR",
      message,
      { issues: [{ path: field, message }] },
      {
        cause: error,
      },
    );
  }
  if (error.code === "weak_password") {
    const message = "Choose a stronger password.";
    return new AppError(
      "VALIDATION_ERROR",
      message,
      { issues: [{ path: field, message }] },
      {
        cause: error,
      },
    );
  }
  return toAppError(error);
}

/** Signing out after a password change: an outage or a rate limit is worth reporting, nothing else. */
function throwIfSignOutFailed(error: AuthError | null): void {
  if (error && (!isAuthApiError(error) || error.status === 429)) throw toAppError(error);
}

/** Whether the session's tokens say a mailed link opened it, recently enough to stand in for a password. */
export function openedByRecentLink(claims: JwtPayload, nowSeconds = Date.now() / 1000): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  return amr.some(
    (entry) =>
      typeof entry === "object" &&
      LINK_METHODS.has(entry.method) &&
      nowSeconds - entry.timestamp <= RECOVERY_SESSION_MINUTES * 60,
  );
}

/**
 * Supabase Auth's own recovery and change of the password, and the mailed links they rely on.
 * GoTrue sends the recovery mail itself (its template must link to
 * `{{ .RedirectTo }}&token_hash={{ .TokenHash }}&type=recovery`, see README); the link opens a
 * session on /auth/confirm through @supabase/ssr; that session sets the new password on the
 * reset page, and then every session of the account ends.
 */
export function createSupabasePasswords({
  url,
  publishableKey,
  secretKey,
  accessTokenOf,
  sessionsEnded,
}: {
  url: string;
  publishableKey: string;
  secretKey: string;
  /** The access token a bearer identity was made from (the adapter keeps it). */
  accessTokenOf: (identity: AuthIdentity) => string | undefined;
  /** GoTrue ended sessions of this user: the adapter stops trusting what it remembered of them. */
  sessionsEnded: (userId: string) => void;
}) {
  const cookieClient = (jar: CookieJar) => createSupabaseServerClient({ url, publishableKey, jar });
  const tokenClient = () => createSupabaseTokenClient({ url, publishableKey });
  const adminClient = () => createSupabaseAdminClient({ url, secretKey });

  async function confirmMailedLink(link: MailedLink, jar: CookieJar): Promise<void> {
    const { auth } = cookieClient(jar);
    const { error } =
      "code" in link
        ? await auth.exchangeCodeForSession(link.code)
        : await auth.verifyOtp({ token_hash: link.tokenHash, type: link.type });
    if (!error) return;
    // An outage or a rate limit is said so (the link may still work); anything else means the
    // link is spent, expired, unknown, or (a PKCE code) opened in another browser than the one
    // that asked for it, whose cookies hold the code verifier.
    if (isAuthRetryableFetchError(error) || error.status === 429 || (error.status ?? 0) >= 500)
      throw toAppError(error);
    throw invalidLink(error);
  }

  return {
    confirmMailedLink,

    async hasRecoverySession(jar: CookieJar): Promise<boolean> {
      const { data, error } = await cookieClient(jar).auth.getClaims();
      return !error && data !== null && openedByRecentLink(data.claims);
    },

    async requestPasswordReset(email: string, { mail, jar }: PasswordCall): Promise<void> {
      // Through the cookie-bound client, the PKCE verifier goes into this browser's cookies, so
      // GoTrue's default template (a /verify link that redirects here with `?code=`) works too,
      // in this browser. The token_hash template works in any browser.
      const { auth } = jar ? cookieClient(jar) : tokenClient();
      const redirectTo = `${mail.context.appUrl}/auth/confirm?next=${encodeURIComponent(RECOVERY_LANDING_PATH)}`;
      const { error } = await auth.resetPasswordForEmail(email, { redirectTo });
      if (!error) return;
      // GoTrue answers a second mail to one account within its interval with 429, and an
      // unknown email never: answering that 429 would tell which emails have accounts. The
      // studio's own limits (per IP, per email) already ran; the person can ask again later.
      if (error.code === "over_email_send_rate_limit") {
        logger.warn("supabase auth refused a recovery mail (mail rate limit)", { cause: error });
        return;
      }
      throw toAppError(error);
    },

    async resetPassword(
      input: { token?: string | undefined; password: string },
      jar: CookieJar,
    ): Promise<void> {
      const { auth } = cookieClient(jar);
      if (input.token !== undefined) {
        // An API client with the link's token hash: open the link here.
        await confirmMailedLink({ tokenHash: input.token, type: "recovery" }, jar).catch(
          (error: unknown) => {
            throw error instanceof AppError && error.code === "VALIDATION_ERROR"
              ? invalidLink()
              : error;
          },
        );
      }
      // The session the link opened (here, or on /auth/confirm). Any other session (a stolen
      // cookie) must not set a password without the current one: that is PUT /auth/password.
      const { data, error } = await auth.getClaims();
      if (error || !data || !openedByRecentLink(data.claims)) throw invalidLink();
      const { error: updateError } = await auth.updateUser({ password: input.password });
      if (updateError) throw newPasswordError(updateError, "password");
      // Everyone out, this browser too (its cookies are cleared): the new password is proven by
      // logging in with it, as with local accounts.
      const { error: signOutError } = await auth.signOut({ scope: "global" });
      sessionsEnded(data.claims.sub);
      throwIfSignOutFailed(signOutError);
    },

    async changePassword(
      identity: AuthIdentity,
      input: { currentPassword: string; newPassword: string },
      { jar }: PasswordCall,
    ): Promise<void> {
      // The current password, checked by signing in with it on a client of its own, so the
      // caller's session (and cookies) stay as they are; the proof's session is ended at once.
      const proof = await tokenClient().auth.signInWithPassword({
        email: identity.email,
        password: input.currentPassword,
      });
      if (proof.error) {
        if (proof.error.code === "invalid_credentials") throw wrongCurrentPassword();
        throw toAppError(proof.error);
      }
      const admin = adminClient();
      const { error: proofEndError } = await admin.auth.admin.signOut(
        proof.data.session.access_token,
        "local",
      );
      throwIfSignOutFailed(proofEndError);

      // Set with the caller's own session: GoTrue then ends every other session of the user and
      // keeps this one. scope "others" says it again, for an auth service that does not.
      if (identity.via === "cookie" && jar) {
        const { auth } = cookieClient(jar);
        const { error } = await auth.updateUser({ password: input.newPassword });
        if (error) throw newPasswordError(error, "newPassword");
        sessionsEnded(identity.userId);
        throwIfSignOutFailed((await auth.signOut({ scope: "others" })).error);
        return;
      }
      const accessToken = accessTokenOf(identity);
      if (!accessToken) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
      const { error } = await updatePasswordWithToken(accessToken, input.newPassword);
      if (error) throw newPasswordError(error, "newPassword");
      sessionsEnded(identity.userId);
      throwIfSignOutFailed((await admin.auth.admin.signOut(accessToken, "others")).error);
    },

    async deleteUser(userId: string): Promise<void> {
      const { error } = await adminClient().auth.admin.deleteUser(userId);
      // Where GoTrue shares the studio's database, the account's SQL delete already removed it.
      if (!error || error.code === "user_not_found" || error.status === 404) return;
      throw toAppError(error);
    },
  };

  /**
   * PUT /user with a bearer identity's access token. auth-js only updates a session it holds,
   * and a bearer caller's refresh token is not the server's to hold, so this one call is made
   * on the wire as auth-js would make it (GoTrue's 2024-01-01 error shape: `{code, message}`).
   */
  async function updatePasswordWithToken(
    accessToken: string,
    password: string,
  ): Promise<{ error: AuthError | null }> {
    let response: Response;
    try {
      response = await fetch(`${url}/auth/v1/user`, {
        method: "PUT",
        headers: {
          apikey: publishableKey,
          authorization: `Bearer ${accessToken}`,
          "content-type": "application/json",
          "x-supabase-api-version": "2024-01-01",
        },
        body: JSON.stringify({ password }),
      });
    } catch (cause) {
      return { error: new AuthRetryableFetchError(String(cause), 0) };
    }
    if (response.ok) return { error: null };
    const body = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
    const message = typeof body.message === "string" ? body.message : response.statusText;
    const code = typeof body.code === "string" ? body.code : undefined;
    if (response.status >= 502)
      return { error: new AuthRetryableFetchError(message, response.status) };
    return { error: new AuthApiError(message, response.status, code) };
  }
}
