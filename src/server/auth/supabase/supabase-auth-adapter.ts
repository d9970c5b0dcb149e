import "server-only";
import {
  isAuthRetryableFetchError,
  type AuthError,
  type JwtPayload,
  type Session,
} from "@supabase/supabase-js";
import type {
  AuthIdentity,
  AuthPort,
  AuthResult,
  CookieJar,
  IssuedSession,
} from "@/server/auth/auth-port";
import { AppError } from "@/server/http/app-error";
import { createLiveSessionCache } from "../live-session-cache";
import { createSupabaseAdminClient } from "./admin-client";
import { authServiceUnavailable, toAppError } from "./auth-error-mapping";
import { createSupabaseServerClient, createSupabaseTokenClient } from "./server-client";
import { createSupabaseEmail } from "./supabase-email";
import { isSupabaseSessionCookieName } from "./session-cookie-options";
import { createSupabasePasswords } from "./supabase-passwords";
import type { SupabaseSessionGuard } from "./supabase-sessions";

export interface SupabaseAuthAdapterOptions {
  url: string;
  publishableKey: string;
  secretKey: string;
  /** How long a session Supabase Auth confirmed live is trusted without asking /user again. */
  sessionCacheMs?: number;
  /** Refuses sessions the studio ended (supabase-sessions.ts); without it, GoTrue alone decides. */
  guard?: SupabaseSessionGuard;
}

const SESSION_SCOPES = ["images:read", "images:write"] as const;
const CONFIRM_EMAIL_MESSAGE = "Check your email to confirm your account, then log in.";

function toIssuedSession(session: Session): IssuedSession {
  return {
    accessToken: session.access_token,
    refreshToken: session.refresh_token,
    expiresAt: session.expires_at ?? Math.floor(Date.now() / 1000) + session.expires_in,
  };
}

function toAuthResult(session: Session): AuthResult {
  return {
    userId: session.user.id,
    email: session.user.email ?? "",
    session: toIssuedSession(session),
  };
}

function toIdentity(claims: JwtPayload, via: "cookie" | "bearer"): AuthIdentity | null {
  if (typeof claims.sub !== "string" || claims.sub === "") return null;
  return {
    userId: claims.sub,
    email: typeof claims.email === "string" ? claims.email : "",
    sessionId: typeof claims.session_id === "string" ? claims.session_id : null,
    via,
    scopes: SESSION_SCOPES,
  };
}

/** Verifying a session: an outage is an error, any other failure just means "not signed in". */
function unauthenticatedUnlessOutage(error: AuthError): null {
  if (isAuthRetryableFetchError(error)) throw authServiceUnavailable(error);
  return null;
}

/** Signing out: only an outage or a rate limit is worth reporting; any other failure means the session is already unusable. */
function throwIfSignOutFailed(error: AuthError | null): void {
  if (error && (isAuthRetryableFetchError(error) || error.status === 429)) throw toAppError(error);
}

/**
 * AuthPort on Supabase Auth. Browser sessions live in @supabase/ssr's `sb-<project>-auth-token`
 * cookies, read and written through the request's CookieJar; API clients hold the access and
 * refresh tokens from register/login/refresh and send the access token as a bearer token.
 */
export function createSupabaseAuthAdapter({
  url,
  publishableKey,
  secretKey,
  sessionCacheMs = 0,
  guard,
}: SupabaseAuthAdapterOptions): AuthPort {
  const cookieClient = (jar: CookieJar) => createSupabaseServerClient({ url, publishableKey, jar });
  const tokenClient = () => createSupabaseTokenClient({ url, publishableKey });

  // AuthIdentity does not carry the access token, yet revoking a bearer session needs it
  // (GoTrue signs a session out only with that session's JWT). So identities made by
  // authenticateAccessToken remember their token here, keyed by the object itself: logout
  // revokes the session when given that same object; given a copy, it only clears cookies.
  const bearerTokens = new WeakMap<AuthIdentity, string>();
  // Session ids /user recently confirmed, so a busy API client costs one round trip to
  // Supabase Auth per session and interval, not one per request.
  // The value is when /user confirmed the session (epoch ms).
  const liveSessions = createLiveSessionCache<number>({ ttlMs: sessionCacheMs });
  // Users whose password was reset or changed here, and when: GoTrue ended their other
  // sessions, so one this instance remembered live before that moment is asked about again.
  const passwordChangedAt = new Map<string, number>();
  const confirmedLive = (sessionId: string | null | undefined, userId: string | undefined) => {
    const checkedAt = sessionId ? liveSessions.get(sessionId) : undefined;
    const changedAt = userId === undefined ? undefined : passwordChangedAt.get(userId);
    return checkedAt !== undefined && (changedAt === undefined || checkedAt > changedAt);
  };
  const passwords = createSupabasePasswords({
    url,
    publishableKey,
    secretKey,
    accessTokenOf: (identity) => bearerTokens.get(identity),
    sessionsEnded(userId) {
      const now = Date.now();
      for (const [user, at] of passwordChangedAt)
        if (now - at > sessionCacheMs) passwordChangedAt.delete(user);
      if (sessionCacheMs > 0) passwordChangedAt.set(userId, now);
    },
  });

  return {
    kind: "supabase",

    async register({ email, password, name }, jar) {
      // Not signed up through the cookie-bound client: @supabase/ssr forces the PKCE flow,
      // so that would also leave three code-verifier cookies (400-day lifetime) that nothing
      // here reads. The session is handed to the cookie-bound client below instead.
      const { data, error } = await tokenClient().auth.signUp({
        email,
        password,
        options: { data: { name } },
      });
      if (error) {
        if (error.code === "user_already_exists" || error.code === "email_exists") {
          throw new AppError("CONFLICT", "An account with this email already exists.", undefined, {
            cause: error,
          });
        }
        throw toAppError(error);
      }
      // No session: the project requires email confirmation (and, for an address that is
      // already registered but unconfirmed, GoTrue answers the same way on purpose).
      if (!data.session) throw new AppError("UNAUTHORIZED", CONFIRM_EMAIL_MESSAGE);
      const { access_token, refresh_token } = data.session;
      const { error: cookieError } = await cookieClient(jar).auth.setSession({
        access_token,
        refresh_token,
      });
      if (cookieError) throw toAppError(cookieError);
      return toAuthResult(data.session);
    },

    async login({ email, password }, jar) {
      const { data, error } = await cookieClient(jar).auth.signInWithPassword({ email, password });
      if (error) {
        if (error.code === "invalid_credentials") {
          throw new AppError("UNAUTHORIZED", "Wrong email or password.", undefined, {
            cause: error,
          });
        }
        if (error.code === "email_not_confirmed") {
          throw new AppError("UNAUTHORIZED", CONFIRM_EMAIL_MESSAGE, undefined, { cause: error });
        }
        throw toAppError(error);
      }
      if (guard) {
        try {
          await guard.refuseIfSuspended(data.session.user.id);
        } catch (refusal) {
          // GoTrue has no suspension of ours: the session it just made ends here.
          await cookieClient(jar)
            .auth.signOut({ scope: "local" })
            .catch(() => undefined);
          throw refusal;
        }
      }
      return toAuthResult(data.session);
    },

    async refresh(refreshToken) {
      const { data, error } = await tokenClient().auth.refreshSession({
        refresh_token: refreshToken,
      });
      if (error) {
        if (isAuthRetryableFetchError(error) || error.status === 429) throw toAppError(error);
        throw new AppError("UNAUTHORIZED", "Your session has expired. Log in again.", undefined, {
          cause: error,
        });
      }
      if (!data.session)
        throw new AppError("UNAUTHORIZED", "Your session has expired. Log in again.");
      return toIssuedSession(data.session);
    },

    async logout(identity, jar) {
      // scope "local": this session only, not the user's other devices. The cookies are
      // cleared before the revoke request is sent, so they go even if it fails.
      const { error } = await cookieClient(jar).auth.signOut({ scope: "local" });
      if (identity.sessionId) liveSessions.forget(identity.sessionId);
      await guard?.loggedOut(identity);
      const accessToken = bearerTokens.get(identity);
      bearerTokens.delete(identity);
      if (accessToken) {
        const admin = createSupabaseAdminClient({ url, secretKey });
        const { error: revokeError } = await admin.auth.admin.signOut(accessToken, "local");
        throwIfSignOutFailed(revokeError);
      }
      throwIfSignOutFailed(error);
    },

    async authenticateCookies(jar) {
      // Loads the session from the cookies, refreshes it when it is about to expire (the
      // rotated cookies are written to `jar`), and verifies the access token against the
      // project's JWKS (or asks /user when the project signs with a shared secret).
      const client = cookieClient(jar);
      const { data, error } = await client.auth.getClaims();
      if (error) return unauthenticatedUnlessOutage(error);
      const identity = data ? toIdentity(data.claims, "cookie") : null;
      // getClaims checks only the signature and expiry; /user also answers whether GoTrue still
      // has the session (a password reset or change there ends the others), as for bearer tokens.
      const sessionId = identity?.sessionId;
      if (data && identity && !confirmedLive(sessionId, identity.userId)) {
        const { error: userError } = await client.auth.getUser();
        if (userError) return unauthenticatedUnlessOutage(userError);
        if (sessionId) liveSessions.remember(sessionId, Date.now(), data.claims.exp * 1000);
      }
      if (identity && guard && !(await guard.admits(identity))) {
        // Ended from the sessions list: with its token at hand, GoTrue ends it too, and the
        // cookies go.
        await client.auth.signOut({ scope: "local" });
        return null;
      }
      return identity;
    },

    async authenticateAccessToken(token) {
      const { auth } = tokenClient();
      const { data, error } = await auth.getClaims(token);
      if (error) return unauthenticatedUnlessOutage(error);
      if (!data) return null;
      const identity = toIdentity(data.claims, "bearer");
      // getClaims checks only the signature and expiry; /user also answers whether the
      // session still exists, so a bearer token stops working once it is logged out.
      const sessionId = identity?.sessionId;
      if (!confirmedLive(sessionId, identity?.userId)) {
        const { error: userError } = await auth.getUser(token);
        if (userError) return unauthenticatedUnlessOutage(userError);
        if (sessionId) liveSessions.remember(sessionId, Date.now(), data.claims.exp * 1000);
      }
      if (identity && guard && !(await guard.admits(identity))) {
        const admin = createSupabaseAdminClient({ url, secretKey });
        await admin.auth.admin.signOut(token, "local");
        return null;
      }
      if (identity) bearerTokens.set(identity, token);
      return identity;
    },

    // Email verification and change: Supabase Auth's own flows (supabase-email.ts).
    ...createSupabaseEmail({ url, publishableKey }),

    // Recovery, change, mailed links and account removal: Supabase Auth's own flows.
    ...passwords,

    hasSessionCookie(jar) {
      return jar
        .getAll()
        .some(({ name, value }) => value !== "" && isSupabaseSessionCookieName(name));
    },
  };
}
