import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { SignJWT, jwtVerify } from "jose";
import type { Database } from "@/server/db/database";
import { AppError } from "@/server/http/app-error";
import { deriveKey, randomToken, safeEqualHex, sha256Hex } from "@/server/security/tokens";
import type { AuthIdentity, AuthPort, CookieJar, IssuedSession, RequestMeta } from "../auth-port";
import { createSessionLiveness, type SessionLiveness } from "../session-liveness";
import {
  isSessionOfSuspendedUser,
  isSuspendedError,
  isUserSuspended,
  suspendedError,
} from "../suspension";
import {
  extendSession,
  findAuthUserByEmail,
  findLiveSession,
  findRefreshToken,
  insertAuthUser,
  insertSession,
  revokeSession,
  rotateRefreshToken,
  touchLastSignIn,
} from "./local-auth-queries";
import { createLocalEmail } from "./local-email";
import { createLocalPasswords, HASH_OPTIONS } from "./local-passwords";

const ACCESS_TOKEN_SECONDS = 15 * 60;
const SESSION_SECONDS = 30 * 24 * 60 * 60;
// Sliding sessions are re-extended at most this often, to keep reads cheap.
const EXTEND_AFTER_MS = 24 * 60 * 60 * 1000;
const ISSUER = "ai-image-studio";
const AUDIENCE = "authenticated";
const ALL_SCOPES = ["images:read", "images:write"] as const;

export interface LocalAuthOptions {
  db: Database;
  appSecret: string;
  secureCookies: boolean;
  /** How long a session found live is trusted without asking the database again (0: always ask). */
  sessionCacheMs?: number;
  /**
   * The memory of live sessions, shared with the sessions list (local-sessions.ts) so that a
   * session it ends is refused here at once; by default one of the adapter's own, without KV.
   */
  liveness?: SessionLiveness<LocalLiveSession>;
  now?: () => number;
}

export type LocalLiveSession = NonNullable<Awaited<ReturnType<typeof findLiveSession>>>;
type LiveSession = LocalLiveSession;
type VerifiedClaims = { sub: string; sid: string; exp: number };
const VERIFIED_TOKENS_KEPT = 10_000;

export function sessionCookieName(secure: boolean): string {
  // The __Host- prefix makes the browser refuse the cookie unless it is Secure, host-only and Path=/.
  return secure ? "__Host-ais_session" : "ais_session";
}

/** Accounts in our own database: argon2id passwords, HS256 access tokens, rotating refresh tokens. */
export function createLocalAuthAdapter(options: LocalAuthOptions): AuthPort {
  const { db } = options;
  const now = options.now ?? Date.now;
  // Imported once: given raw bytes, jose would import the key again on every verify.
  const signingKey = crypto.subtle.importKey(
    "raw",
    deriveKey(options.appSecret, "local-access-token") as Uint8Array<ArrayBuffer>,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
  const cookieName = sessionCookieName(options.secureCookies);
  // Verified against when the email is unknown, so both paths cost one argon2 verify.
  const dummyHash = hash("not-a-real-password-for-timing", HASH_OPTIONS);
  const liveSessions =
    options.liveness ??
    createSessionLiveness<LiveSession>({ ttlMs: options.sessionCacheMs ?? 0, now });

  /** The session row if it is live: from this instance's recent memory, else the database. */
  async function liveSession(sessionId: string): Promise<LiveSession | null> {
    const remembered = await liveSessions.get(sessionId);
    if (remembered) return remembered;
    const live = await findLiveSession({ db, sessionId });
    if (live) liveSessions.remember(sessionId, live, live.expiresAt.getTime());
    return live;
  }

  // A token's signature and claims never change, so one verified is remembered until it
  // expires: an API client sends the same token on every call for up to 15 minutes.
  const verifiedTokens = new Map<string, VerifiedClaims>();

  async function verifiedClaims(token: string): Promise<VerifiedClaims | null> {
    const known = verifiedTokens.get(token);
    if (known) {
      if (known.exp * 1000 > now()) return known;
      verifiedTokens.delete(token);
      return null;
    }
    const { payload } = await jwtVerify(token, await signingKey, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: new Date(now()),
    });
    const { sub, sid, exp } = payload;
    if (typeof sub !== "string" || typeof sid !== "string" || typeof exp !== "number") return null;
    if (verifiedTokens.size >= VERIFIED_TOKENS_KEPT) {
      const oldest = verifiedTokens.keys().next();
      if (!oldest.done) verifiedTokens.delete(oldest.value);
    }
    const claims = { sub, sid, exp };
    verifiedTokens.set(token, claims);
    return claims;
  }

  async function endSession(sessionId: string, reason: string) {
    await revokeSession({ db, sessionId, reason });
    await liveSessions.ended([sessionId]);
  }

  async function issueAccessToken(
    userId: string,
    email: string,
    sessionId: string,
  ): Promise<{ token: string; expiresAt: number }> {
    const issuedAt = Math.floor(now() / 1000);
    const expiresAt = issuedAt + ACCESS_TOKEN_SECONDS;
    const token = await new SignJWT({ email, sid: sessionId, role: "authenticated" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(await signingKey);
    return { token, expiresAt };
  }

  async function startSession(userId: string, email: string, jar: CookieJar, meta: RequestMeta) {
    const cookieSecret = randomToken("", 32);
    const refreshToken = randomToken("rt_", 32);
    const sessionId = await insertSession({
      db,
      userId,
      cookieSecretHash: sha256Hex(cookieSecret),
      refreshTokenHash: sha256Hex(refreshToken),
      expiresAt: new Date(now() + SESSION_SECONDS * 1000),
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    writeCookie(jar, `${sessionId}.${cookieSecret}`, SESSION_SECONDS);
    const access = await issueAccessToken(userId, email, sessionId);
    const session: IssuedSession = {
      accessToken: access.token,
      refreshToken,
      expiresAt: access.expiresAt,
    };
    return { userId, email, session };
  }

  function writeCookie(jar: CookieJar, value: string, maxAge: number) {
    jar.set(cookieName, value, {
      httpOnly: true,
      secure: options.secureCookies,
      sameSite: "lax",
      path: "/",
      maxAge,
    });
  }

  function readCookie(jar: CookieJar): { sessionId: string; secret: string } | null {
    const raw = jar.getAll().find((cookie) => cookie.name === cookieName)?.value;
    const match = raw ? /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(raw) : null;
    return match?.[1] && match[2] ? { sessionId: match[1], secret: match[2] } : null;
  }

  const passwords = createLocalPasswords({
    db,
    forgetSessions: (sessionIds) => liveSessions.ended(sessionIds),
    clearSessionCookie: (jar) => writeCookie(jar, "", 0),
  });

  return {
    kind: "local",
    ...passwords,
    ...createLocalEmail({ db }),

    async register(input, jar, meta) {
      const passwordHash = await hash(input.password, HASH_OPTIONS);
      const created = await insertAuthUser({
        db,
        email: input.email,
        passwordHash,
        name: input.name,
      });
      if (!created) {
        throw new AppError("CONFLICT", "An account with this email already exists.", {
          issues: [{ path: "email", message: "An account with this email already exists." }],
        });
      }
      return startSession(created.id, input.email, jar, meta);
    },

    async login(input, jar, meta) {
      const user = await findAuthUserByEmail({ db, email: input.email });
      const valid = user?.passwordHash
        ? await verify(user.passwordHash, input.password).catch(() => false)
        : await verify(await dummyHash, input.password).then(() => false);
      if (!user || !valid) throw new AppError("UNAUTHORIZED", "Wrong email or password.");
      // Only someone who knows the password learns that the account is suspended.
      if (await isUserSuspended({ db, userId: user.id })) throw suspendedError();
      await touchLastSignIn({ db, userId: user.id });
      return startSession(user.id, user.email ?? input.email, jar, meta);
    },

    async refresh(refreshToken) {
      const tokenHash = sha256Hex(refreshToken);
      const stored = await findRefreshToken({ db, tokenHash });
      if (!stored)
        throw new AppError("UNAUTHORIZED", "This refresh token is not valid. Sign in again.");
      const live = await findLiveSession({ db, sessionId: stored.sessionId });
      if (!live || live.suspendedAt) {
        if (await isSessionOfSuspendedUser({ db, sessionId: stored.sessionId }))
          throw suspendedError();
        throw new AppError("UNAUTHORIZED", "This session has ended. Sign in again.");
      }
      const next = randomToken("rt_", 32);
      const rotated =
        stored.usedAt === null &&
        (await rotateRefreshToken({
          db,
          oldHash: tokenHash,
          newHash: sha256Hex(next),
          sessionId: live.id,
        }));
      if (!rotated) {
        // A used refresh token came back: someone holds a copy. End the whole session.
        await endSession(live.id, "refresh_token_reuse");
        throw new AppError(
          "UNAUTHORIZED",
          "This refresh token was already used; the session has been signed out for safety.",
        );
      }
      const access = await issueAccessToken(live.userId, live.email ?? "", live.id);
      return { accessToken: access.token, refreshToken: next, expiresAt: access.expiresAt };
    },

    async logout(identity, jar) {
      if (identity.sessionId) await endSession(identity.sessionId, "logout");
      writeCookie(jar, "", 0);
    },

    async authenticateCookies(jar) {
      const cookie = readCookie(jar);
      if (!cookie) return null;
      const live = await liveSession(cookie.sessionId);
      if (!live) {
        // Suspending ended it: say why (only to the holder of the session's secret).
        if (
          await isSessionOfSuspendedUser({
            db,
            sessionId: cookie.sessionId,
            secretHash: sha256Hex(cookie.secret),
          })
        )
          throw suspendedError();
        return null;
      }
      if (!safeEqualHex(live.cookieSecretHash, sha256Hex(cookie.secret))) return null;
      if (live.suspendedAt) throw suspendedError();
      // When it was last extended (lastSeenAt moves every minute: see local-sessions.ts).
      const extendedAt = live.expiresAt.getTime() - SESSION_SECONDS * 1000;
      if (now() - extendedAt > EXTEND_AFTER_MS) {
        const expiresAt = new Date(now() + SESSION_SECONDS * 1000);
        await extendSession({ db, sessionId: live.id, expiresAt });
        liveSessions.remember(
          live.id,
          { ...live, lastSeenAt: new Date(now()), expiresAt },
          expiresAt.getTime(),
        );
        writeCookie(jar, `${cookie.sessionId}.${cookie.secret}`, SESSION_SECONDS);
      }
      return identityOf(live.userId, live.email ?? "", live.id, "cookie");
    },

    async authenticateAccessToken(token) {
      try {
        const claims = await verifiedClaims(token);
        if (!claims) return null;
        // Logout revokes the session, and with it every access token issued for it.
        const live = await liveSession(claims.sid);
        // The token is signed by us: its subject may be told it is suspended.
        if ((!live || live.suspendedAt) && (await isUserSuspended({ db, userId: claims.sub })))
          throw suspendedError();
        if (!live || live.userId !== claims.sub) return null;
        return identityOf(live.userId, live.email ?? "", live.id, "bearer");
      } catch (error) {
        if (isSuspendedError(error)) throw error;
        return null;
      }
    },

    // Local accounts mail links to the studio's own pages (tokens it made), never Supabase's.
    confirmMailedLink() {
      const message = "This link is not valid any more.";
      return Promise.reject(
        new AppError("VALIDATION_ERROR", message, { issues: [{ path: "token", message }] }),
      );
    },

    // A local reset link carries its token to the reset page; no session stands in for it.
    hasRecoverySession: () => Promise.resolve(false),

    // The auth user is a row of our own database: it went with the account's other rows.
    deleteUser: () => Promise.resolve(),

    hasSessionCookie(jar) {
      return readCookie(jar) !== null;
    },
  };
}

function identityOf(
  userId: string,
  email: string,
  sessionId: string,
  via: "cookie" | "bearer",
): AuthIdentity {
  return { userId, email, sessionId, via, scopes: ALL_SCOPES };
}
