import { createHash, randomBytes, randomUUID, scryptSync, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type JWK, type JWTPayload } from "jose";
import { z } from "zod";

/**
 * A local stand-in for Supabase Auth (GoTrue) behind the Supabase API gateway, speaking the wire
 * format @supabase/auth-js uses: /auth/v1/signup, /token (password and refresh_token grants),
 * /logout, /user (GET and PUT), /recover, /verify (mailed links' token_hash), /admin/users/{id}
 * (DELETE) and /.well-known/jwks.json. Users, sessions and rotating refresh tokens live in
 * memory; access tokens are ES256 JWTs whose public key is served as a JWKS, so `getClaims()`
 * verifies them the way it does against a project with asymmetric signing keys. The mail GoTrue
 * would send is kept in `state.mails` (and served at GET /_fake/last-recovery?email=).
 */

export interface FakeSupabaseAuthOptions {
  publishableKey?: string;
  secretKey?: string;
  /** GoTrue's "Confirm email" switched off (autoconfirm) answers signup with a session. Default true. */
  autoconfirm?: boolean;
  accessTokenTtlSeconds?: number;
  /** GoTrue's GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL; its default is 10. Default here 0. */
  refreshTokenReuseIntervalSeconds?: number;
  /** GoTrue's GOTRUE_MAILER_OTP_EXP: how long a mailed link works. Its default is 3600. */
  mailedLinkTtlSeconds?: number;
  /** GoTrue's GOTRUE_SMTP_MAX_FREQUENCY: the least time between two mails to one user. Default 60. */
  mailIntervalSeconds?: number;
  /**
   * In Supabase, GoTrue keeps its users in the project's own database (`auth.users`), whose
   * triggers and foreign keys the studio's tables hang on. Tests that run the studio against this
   * server mirror user creation and deletion into their test database through these hooks.
   */
  onUserCreated?: (user: FakeAuthUser) => Promise<void> | void;
  onUserDeleted?: (userId: string) => Promise<void> | void;
  /** Mirrors a confirmed address or a completed email change into the test database. */
  onUserUpdated?: (user: FakeAuthUser) => Promise<void> | void;
}

/** A mail GoTrue would have sent (it sends its own auth mail, not the studio's outbox). */
export interface FakeAuthMail {
  type: "recovery" | "signup" | "email_change";
  email: string;
  /** What `{{ .TokenHash }}` gives an email template (with "pkce_" in the PKCE flow). */
  tokenHash: string;
  /** The `redirect_to` the client asked for (`{{ .RedirectTo }}`). */
  redirectTo: string | null;
  sentAt: number;
}

export interface FakeAuthUser {
  id: string;
  email: string;
  passwordHash: string;
  userMetadata: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  confirmationSentAt: string | null;
  emailConfirmedAt: string | null;
  lastSignInAt: string | null;
  /** GoTrue's recovery_token (the hash a recovery link carries) and recovery_sent_at (epoch ms). */
  recoveryTokenHash?: string | null;
  recoverySentAt?: number | null;
  /** GoTrue's confirmation_token (a sign-up confirmation link's hash). */
  confirmationTokenHash?: string | null;
  /** GoTrue's email_change (the new address waiting), email_change_token_new and its sent_at (epoch ms). */
  emailChange?: string | null;
  emailChangeTokenHash?: string | null;
  emailChangeSentAt?: number | null;
}

export interface FakeAuthSession {
  id: string;
  userId: string;
  createdAt: string;
  /** The `amr` method of the session's tokens: "password" by default, "otp" from /verify. */
  method?: string;
}

export interface FakeRefreshToken {
  token: string;
  sessionId: string;
  parent: string | null;
  revoked: boolean;
  /** epoch ms of the last change (GoTrue's updated_at), used for the reuse interval */
  updatedAt: number;
}

export interface FakeAuthState {
  users: Map<string, FakeAuthUser>;
  sessions: Map<string, FakeAuthSession>;
  refreshTokens: Map<string, FakeRefreshToken>;
  /** "METHOD /path?query" of every request, in order; never headers or bodies. */
  requests: string[];
  /** Every auth mail "sent", oldest first. */
  mails: FakeAuthMail[];
}

export interface FakeSupabaseAuthServer {
  /** The project URL to give supabase-js (auth lives under /auth/v1). */
  url: string;
  publishableKey: string;
  secretKey: string;
  state: FakeAuthState;
  close(): Promise<void>;
}

const API_VERSION_HEADER = "x-supabase-api-version";
const API_VERSION_2024_01_01 = Date.parse("2024-01-01T00:00:00Z");

class GoTrueError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** What the Supabase API gateway answers before GoTrue sees the request. */
class GatewayError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

const credentialsBody = z.looseObject({
  email: z.string().optional(),
  password: z.string().optional(),
  data: z.record(z.string(), z.unknown()).nullish(),
});
const refreshBody = z.looseObject({ refresh_token: z.string().optional() });
const recoverBody = z.looseObject({
  email: z.string().optional(),
  code_challenge: z.string().nullish(),
  code_challenge_method: z.string().nullish(),
});
const resendBody = z.looseObject({ type: z.string().optional(), email: z.string().optional() });
const verifyBody = z.looseObject({
  type: z.string().optional(),
  token_hash: z.string().optional(),
  token: z.string().optional(),
  email: z.string().optional(),
});
const userUpdateBody = z.looseObject({
  password: z.string().optional(),
  email: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
const PKCE_PREFIX = "pkce_";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MIN_PASSWORD_LENGTH = 6;

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `${salt.toString("hex")}:${scryptSync(password, salt, 32, { N: 1024 }).toString("hex")}`;
}

function passwordMatches(password: string, stored: string): boolean {
  const [saltHex, hashHex] = stored.split(":");
  if (!saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, "hex");
  const actual = scryptSync(password, Buffer.from(saltHex, "hex"), expected.length, { N: 1024 });
  return timingSafeEqual(actual, expected);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function requestedApiVersion(request: IncomingMessage): number | null {
  const header = request.headers[API_VERSION_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^2\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value)) return null;
  return Date.parse(`${value}T00:00:00Z`);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/** GoTrue's HandleResponseError: `{code, message}` for API version 2024-01-01+, else `{code: status, error_code, msg}`. */
function sendGoTrueError(
  request: IncomingMessage,
  response: ServerResponse,
  error: GoTrueError,
): void {
  response.setHeader("x-sb-error-code", error.errorCode);
  const version = requestedApiVersion(request);
  if (version !== null && version >= API_VERSION_2024_01_01) {
    response.setHeader("X-Supabase-Api-Version", "2024-01-01");
    sendJson(response, error.status, {
      code: error.errorCode,
      message: error.message,
      ...error.extra,
    });
    return;
  }
  sendJson(response, error.status, {
    code: error.status,
    error_code: error.errorCode,
    msg: error.message,
    ...error.extra,
  });
}

function bearerToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

export async function startFakeSupabaseAuthServer(
  options: FakeSupabaseAuthOptions = {},
): Promise<FakeSupabaseAuthServer> {
  const publishableKey =
    options.publishableKey ?? `sb_publishable_${randomBytes(12).toString("base64url")}`;
  const secretKey = options.secretKey ?? `sb_secret_${randomBytes(12).toString("base64url")}`;
  const autoconfirm = options.autoconfirm ?? true;
  const accessTokenTtl = options.accessTokenTtlSeconds ?? 3600;
  const reuseIntervalMs = (options.refreshTokenReuseIntervalSeconds ?? 0) * 1000;
  const mailedLinkTtlMs = (options.mailedLinkTtlSeconds ?? 3600) * 1000;
  const mailIntervalMs = (options.mailIntervalSeconds ?? 60) * 1000;

  const { publicKey, privateKey } = await generateKeyPair("ES256");
  const kid = randomUUID();
  const publicJwk: JWK = {
    ...(await exportJWK(publicKey)),
    kid,
    alg: "ES256",
    use: "sig",
    key_ops: ["verify"],
  };

  const state: FakeAuthState = {
    users: new Map(),
    sessions: new Map(),
    refreshTokens: new Map(),
    requests: [],
    mails: [],
  };
  let issuer = "";

  const now = () => new Date().toISOString();
  const findUserByEmail = (email: string) =>
    [...state.users.values()].find((user) => user.email === email);

  function userJson(user: FakeAuthUser) {
    return {
      id: user.id,
      aud: "authenticated",
      role: "authenticated",
      email: user.email,
      email_confirmed_at: user.emailConfirmedAt ?? undefined,
      phone: "",
      confirmation_sent_at: user.confirmationSentAt ?? undefined,
      confirmed_at: user.emailConfirmedAt ?? undefined,
      last_sign_in_at: user.lastSignInAt ?? undefined,
      app_metadata: { provider: "email", providers: ["email"] },
      user_metadata: user.userMetadata,
      identities: [
        {
          identity_id: user.id,
          id: user.id,
          user_id: user.id,
          identity_data: {
            email: user.email,
            email_verified: user.emailConfirmedAt !== null,
            phone_verified: false,
            sub: user.id,
          },
          provider: "email",
          created_at: user.createdAt,
          updated_at: user.updatedAt,
          email: user.email,
        },
      ],
      created_at: user.createdAt,
      updated_at: user.updatedAt,
      is_anonymous: false,
    };
  }

  function newRefreshToken(sessionId: string, parent: string | null): FakeRefreshToken {
    const token: FakeRefreshToken = {
      token: randomBytes(16).toString("base64url"),
      sessionId,
      parent,
      revoked: false,
      updatedAt: Date.now(),
    };
    state.refreshTokens.set(token.token, token);
    return token;
  }

  async function tokenResponse(
    user: FakeAuthUser,
    session: FakeAuthSession,
    refreshToken: FakeRefreshToken,
  ) {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + accessTokenTtl;
    const accessToken = await new SignJWT({
      email: user.email,
      phone: "",
      app_metadata: { provider: "email", providers: ["email"] },
      user_metadata: user.userMetadata,
      role: "authenticated",
      aal: "aal1",
      amr: [
        {
          method: session.method ?? "password",
          timestamp: Math.floor(Date.parse(session.createdAt) / 1000),
        },
      ],
      session_id: session.id,
      is_anonymous: false,
    })
      .setProtectedHeader({ alg: "ES256", kid, typ: "JWT" })
      .setIssuer(issuer)
      .setSubject(user.id)
      .setAudience("authenticated")
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(privateKey);
    return {
      access_token: accessToken,
      token_type: "bearer",
      expires_in: accessTokenTtl,
      expires_at: expiresAt,
      refresh_token: refreshToken.token,
      user: userJson(user),
    };
  }

  async function signIn(user: FakeAuthUser, method = "password") {
    const session: FakeAuthSession = {
      id: randomUUID(),
      userId: user.id,
      createdAt: now(),
      method,
    };
    state.sessions.set(session.id, session);
    user.lastSignInAt = now();
    return tokenResponse(user, session, newRefreshToken(session.id, null));
  }

  function deleteSession(sessionId: string): void {
    state.sessions.delete(sessionId);
    for (const [token, row] of state.refreshTokens)
      if (row.sessionId === sessionId) state.refreshTokens.delete(token);
  }

  /** GoTrue's requireAuthentication + maybeLoadUserOrSession. */
  async function authenticatedUser(
    request: IncomingMessage,
  ): Promise<{ user: FakeAuthUser; session: FakeAuthSession }> {
    const token = bearerToken(request);
    if (!token)
      throw new GoTrueError(401, "no_authorization", "This endpoint requires a valid Bearer token");
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, publicKey, { issuer, algorithms: ["ES256"] }));
    } catch (error) {
      const reason = error instanceof Error ? error.message : "invalid token";
      throw new GoTrueError(
        403,
        "bad_jwt",
        `invalid JWT: unable to parse or verify signature, ${reason}`,
      );
    }
    const user = claims.sub ? state.users.get(claims.sub) : undefined;
    if (!user)
      throw new GoTrueError(403, "user_not_found", "User from sub claim in JWT does not exist");
    const sessionId = typeof claims.session_id === "string" ? claims.session_id : undefined;
    const session = sessionId ? state.sessions.get(sessionId) : undefined;
    if (!session)
      throw new GoTrueError(
        403,
        "session_not_found",
        "Session from session_id claim in JWT does not exist",
      );
    return { user, session };
  }

  async function parseJson(request: IncomingMessage): Promise<unknown> {
    const raw = await readBody(request);
    if (raw.trim() === "") return {};
    try {
      return JSON.parse(raw);
    } catch (error) {
      throw new GoTrueError(
        400,
        "bad_json",
        `Could not parse request body as JSON: ${error instanceof Error ? error.message : ""}`,
      );
    }
  }

  async function signup(request: IncomingMessage) {
    const body = credentialsBody.safeParse(await parseJson(request));
    if (!body.success) throw new GoTrueError(400, "bad_json", "Could not read Signup params");
    const email = body.data.email?.trim().toLowerCase() ?? "";
    const password = body.data.password ?? "";
    if (!EMAIL_PATTERN.test(email))
      throw new GoTrueError(
        400,
        "validation_failed",
        "Unable to validate email address: invalid format",
      );
    if (password === "")
      throw new GoTrueError(422, "validation_failed", "Signup requires a valid password");
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new GoTrueError(
        422,
        "weak_password",
        `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
        {
          weak_password: { reasons: ["length"] },
        },
      );
    }
    const existing = findUserByEmail(email);
    if (existing?.emailConfirmedAt)
      throw new GoTrueError(422, "user_already_exists", "User already registered");
    if (existing) {
      // Unconfirmed: GoTrue resends the confirmation and answers with an obfuscated user, so
      // signup cannot be used to find out which emails have accounts.
      existing.confirmationSentAt = now();
      return { ...userJson(existing), id: randomUUID(), identities: [] };
    }
    const createdAt = now();
    const id = randomUUID();
    const user: FakeAuthUser = {
      id,
      email,
      passwordHash: hashPassword(password),
      userMetadata: {
        ...(body.data.data ?? {}),
        email,
        email_verified: autoconfirm,
        phone_verified: false,
        sub: id,
      },
      createdAt,
      updatedAt: createdAt,
      confirmationSentAt: autoconfirm ? null : createdAt,
      emailConfirmedAt: autoconfirm ? createdAt : null,
      lastSignInAt: null,
    };
    state.users.set(user.id, user);
    await options.onUserCreated?.(user);
    if (!autoconfirm)
      sendConfirmation(
        user,
        new URL(request.url ?? "/", "http://x").searchParams.get("redirect_to"),
      );
    return autoconfirm ? signIn(user) : userJson(user);
  }

  async function passwordGrant(request: IncomingMessage) {
    const body = credentialsBody.safeParse(await parseJson(request));
    if (!body.success)
      throw new GoTrueError(400, "bad_json", "Could not read password grant params");
    const email = body.data.email?.trim().toLowerCase() ?? "";
    const user = findUserByEmail(email);
    if (!user || !passwordMatches(body.data.password ?? "", user.passwordHash)) {
      throw new GoTrueError(400, "invalid_credentials", "Invalid login credentials");
    }
    if (!user.emailConfirmedAt)
      throw new GoTrueError(400, "email_not_confirmed", "Email not confirmed");
    return signIn(user);
  }

  async function refreshTokenGrant(request: IncomingMessage) {
    const body = refreshBody.safeParse(await parseJson(request));
    const presented = body.success ? body.data.refresh_token : undefined;
    if (!presented) throw new GoTrueError(400, "validation_failed", "refresh_token required");
    const row = state.refreshTokens.get(presented);
    const session = row ? state.sessions.get(row.sessionId) : undefined;
    const user = session ? state.users.get(session.userId) : undefined;
    if (!row || !session || !user)
      throw new GoTrueError(
        400,
        "refresh_token_not_found",
        "Invalid Refresh Token: Refresh Token Not Found",
      );
    if (!row.revoked) {
      row.revoked = true;
      row.updatedAt = Date.now();
      return tokenResponse(user, session, newRefreshToken(session.id, row.token));
    }
    const active = [...state.refreshTokens.values()].find(
      (token) => token.sessionId === session.id && !token.revoked,
    );
    if (active && active.parent === row.token && Date.now() - row.updatedAt <= reuseIntervalMs) {
      // A client retrying a refresh whose answer it lost gets the current token again.
      return tokenResponse(user, session, active);
    }
    // Reuse outside the interval: GoTrue revokes the whole token family of the session.
    for (const token of state.refreshTokens.values())
      if (token.sessionId === session.id) token.revoked = true;
    throw new GoTrueError(400, "refresh_token_already_used", "Invalid Refresh Token: Already Used");
  }

  async function logout(request: IncomingMessage, scope: string | null) {
    const { user, session } = await authenticatedUser(request);
    const chosen = scope ?? "global";
    if (chosen !== "global" && chosen !== "local" && chosen !== "others") {
      throw new GoTrueError(400, "validation_failed", "Unsupported logout scope");
    }
    for (const candidate of [...state.sessions.values()]) {
      if (candidate.userId !== user.id) continue;
      const isCurrent = candidate.id === session.id;
      if (
        chosen === "global" ||
        (chosen === "local" && isCurrent) ||
        (chosen === "others" && !isCurrent)
      ) {
        deleteSession(candidate.id);
      }
    }
  }

  /** PKCE flow states by the mailed token hash, and the auth codes GET /verify gave for them. */
  const pkceFlows = new Map<string, { userId: string; challenge: string }>();
  const authCodes = new Map<string, { userId: string; challenge: string; issuedAt: number }>();

  /**
   * GET /verify: the link of GoTrue's default template. In the PKCE flow (a "pkce_" token) it
   * spends the token and redirects to `redirect_to` with `?code=`; errors go there as
   * `?error=…&error_code=…&error_description=…`. Recovery links only.
   */
  function verifyLink(url: URL): string {
    const token = url.searchParams.get("token") ?? "";
    const redirectTo = url.searchParams.get("redirect_to") ?? "";
    const target = new URL(redirectTo);
    const user = [...state.users.values()].find(
      (candidate) => candidate.recoveryTokenHash != null && candidate.recoveryTokenHash === token,
    );
    const flow = pkceFlows.get(token);
    const expired = !user || Date.now() - (user.recoverySentAt ?? 0) > mailedLinkTtlMs;
    if (user) user.recoveryTokenHash = null;
    pkceFlows.delete(token);
    if (url.searchParams.get("type") !== "recovery" || !user || !flow || expired) {
      target.searchParams.set("error", "access_denied");
      target.searchParams.set("error_code", "otp_expired");
      target.searchParams.set("error_description", "Email link is invalid or has expired");
      return target.toString();
    }
    const code = randomUUID();
    authCodes.set(code, { userId: user.id, challenge: flow.challenge, issuedAt: Date.now() });
    target.searchParams.set("code", code);
    return target.toString();
  }

  /** POST /token?grant_type=pkce: an auth code and the verifier whose S256 is its challenge. */
  async function pkceGrant(request: IncomingMessage) {
    const body = z
      .looseObject({ auth_code: z.string().optional(), code_verifier: z.string().optional() })
      .safeParse(await parseJson(request));
    const code = body.success ? body.data.auth_code : undefined;
    const verifier = body.success ? body.data.code_verifier : undefined;
    if (!code || !verifier)
      throw new GoTrueError(
        400,
        "validation_failed",
        "invalid request: both auth code and code verifier should be non-empty",
      );
    const flow = authCodes.get(code);
    const user = flow ? state.users.get(flow.userId) : undefined;
    if (!flow || !user)
      throw new GoTrueError(
        404,
        "flow_state_not_found",
        "invalid flow state, no valid flow state found",
      );
    authCodes.delete(code);
    const computed = createHash("sha256").update(verifier).digest("base64url");
    if (computed !== flow.challenge)
      throw new GoTrueError(
        403,
        "bad_code_verifier",
        "code challenge does not match previously saved code verifier",
      );
    return signIn(user, "recovery");
  }

  /** GoTrue's mailed-link token: sha224 of the email and a one-time code ("pkce_" first in the PKCE flow). */
  function mailedTokenHash(email: string, pkce: boolean): string {
    const hash = createHash("sha224")
      .update(email + randomBytes(16).toString("hex"))
      .digest("hex");
    return pkce ? `${PKCE_PREFIX}${hash}` : hash;
  }

  const withoutPkcePrefix = (hash: string) =>
    hash.startsWith(PKCE_PREFIX) ? hash.slice(PKCE_PREFIX.length) : hash;

  /** POST /recover: a recovery mail for a known email; the same empty answer for an unknown one. */
  async function recover(request: IncomingMessage, redirectTo: string | null) {
    const body = recoverBody.safeParse(await parseJson(request));
    const email = body.success ? (body.data.email?.trim().toLowerCase() ?? "") : "";
    if (!EMAIL_PATTERN.test(email))
      throw new GoTrueError(
        400,
        "validation_failed",
        "Unable to validate email address: invalid format",
      );
    const user = findUserByEmail(email);
    if (!user) return {};
    const sentAt = user.recoverySentAt ?? null;
    if (sentAt !== null && Date.now() - sentAt < mailIntervalMs) {
      const wait = Math.ceil((mailIntervalMs - (Date.now() - sentAt)) / 1000);
      throw new GoTrueError(
        429,
        "over_email_send_rate_limit",
        `For security purposes, you can only request this after ${wait} seconds.`,
      );
    }
    const challenge = body.success ? body.data.code_challenge : null;
    const pkce = Boolean(challenge);
    user.recoveryTokenHash = mailedTokenHash(email, pkce);
    user.recoverySentAt = Date.now();
    if (challenge) pkceFlows.set(user.recoveryTokenHash, { userId: user.id, challenge });
    state.mails.push({
      type: "recovery",
      email,
      tokenHash: user.recoveryTokenHash,
      redirectTo,
      sentAt: user.recoverySentAt,
    });
    return {};
  }

  /**
   * POST /verify with a mailed link's `token_hash` (verifyOtp): one handler for every link type,
   * switching on `type`. Each case finds the user the hash belongs to, spends the hash and says
   * what the link does; a session (amr "otp") is issued for all of them.
   */
  async function verify(request: IncomingMessage) {
    const body = verifyBody.safeParse(await parseJson(request));
    if (!body.success) throw new GoTrueError(400, "bad_json", "Could not read verification params");
    const { type, token_hash: tokenHash } = body.data;
    if (!type)
      throw new GoTrueError(400, "validation_failed", "Verify requires a verification type");
    if (!tokenHash)
      throw new GoTrueError(400, "validation_failed", "Verify requires a token or a token hash");
    const presented = withoutPkcePrefix(tokenHash);
    const invalid = () => new GoTrueError(403, "otp_expired", "Token has expired or is invalid");
    let user: FakeAuthUser | undefined;
    switch (type) {
      case "recovery": {
        user = [...state.users.values()].find(
          (candidate) =>
            candidate.recoveryTokenHash != null &&
            withoutPkcePrefix(candidate.recoveryTokenHash) === presented,
        );
        if (!user) throw invalid();
        const expired = Date.now() - (user.recoverySentAt ?? 0) > mailedLinkTtlMs;
        user.recoveryTokenHash = null;
        if (expired) throw invalid();
        // Following a recovery link proves the address, as GoTrue's recoverVerify records.
        user.emailConfirmedAt ??= now();
        break;
      }
      case "signup":
      case "email": {
        user = [...state.users.values()].find(
          (candidate) =>
            candidate.confirmationTokenHash != null &&
            withoutPkcePrefix(candidate.confirmationTokenHash) === presented,
        );
        if (!user) throw invalid();
        const sentAt = user.confirmationSentAt ? Date.parse(user.confirmationSentAt) : 0;
        user.confirmationTokenHash = null;
        if (Date.now() - sentAt > mailedLinkTtlMs) throw invalid();
        user.emailConfirmedAt ??= now();
        user.userMetadata = { ...user.userMetadata, email_verified: true };
        user.updatedAt = now();
        await options.onUserUpdated?.(user);
        break;
      }
      case "email_change": {
        // "Secure email change" off: the link mailed to the new address alone completes it.
        user = [...state.users.values()].find(
          (candidate) =>
            candidate.emailChangeTokenHash != null &&
            withoutPkcePrefix(candidate.emailChangeTokenHash) === presented,
        );
        if (!user || !user.emailChange) throw invalid();
        const expired = Date.now() - (user.emailChangeSentAt ?? 0) > mailedLinkTtlMs;
        const newEmail = user.emailChange;
        user.emailChangeTokenHash = null;
        if (expired) throw invalid();
        const owner = findUserByEmail(newEmail);
        if (owner && owner.id !== user.id)
          throw new GoTrueError(
            422,
            "email_exists",
            "A user with this email address has already been registered",
          );
        user.email = newEmail;
        user.emailChange = null;
        user.emailConfirmedAt = now();
        user.updatedAt = now();
        await options.onUserUpdated?.(user);
        break;
      }
      default:
        throw new GoTrueError(400, "validation_failed", "Invalid email verification type");
    }
    return signIn(user, "otp");
  }

  /** A sign-up confirmation mail: a fresh confirmation_token for an unconfirmed user. */
  function sendConfirmation(user: FakeAuthUser, redirectTo: string | null): void {
    user.confirmationTokenHash = mailedTokenHash(user.email, false);
    user.confirmationSentAt = now();
    state.mails.push({
      type: "signup",
      email: user.email,
      tokenHash: user.confirmationTokenHash,
      redirectTo,
      sentAt: Date.now(),
    });
  }

  /** POST /resend (type signup): a new confirmation mail; the same empty answer for anyone else. */
  async function resend(request: IncomingMessage, redirectTo: string | null) {
    const body = resendBody.safeParse(await parseJson(request));
    const email = body.success ? (body.data.email?.trim().toLowerCase() ?? "") : "";
    const type = body.success ? body.data.type : undefined;
    if (type !== "signup" && type !== "email_change")
      throw new GoTrueError(
        400,
        "validation_failed",
        "Missing one of these types: signup, email_change, sms, phone_change",
      );
    if (!EMAIL_PATTERN.test(email))
      throw new GoTrueError(
        400,
        "validation_failed",
        "Unable to validate email address: invalid format",
      );
    const user = findUserByEmail(email);
    // A confirmed or unknown address: GoTrue answers the same, and mails nothing.
    if (!user || user.emailConfirmedAt || type !== "signup") return {};
    const sentAt = user.confirmationSentAt ? Date.parse(user.confirmationSentAt) : null;
    if (sentAt !== null && Date.now() - sentAt < mailIntervalMs) {
      const wait = Math.ceil((mailIntervalMs - (Date.now() - sentAt)) / 1000);
      throw new GoTrueError(
        429,
        "over_email_send_rate_limit",
        `For security purposes, you can only request this after ${wait} seconds.`,
      );
    }
    sendConfirmation(user, redirectTo);
    return {};
  }

  /** PUT /user: a new password (GoTrue's UpdatePassword ends every other session of the user). */
  async function updateUser(request: IncomingMessage) {
    const { user, session } = await authenticatedUser(request);
    const body = userUpdateBody.safeParse(await parseJson(request));
    if (!body.success) throw new GoTrueError(400, "bad_json", "Could not read User Update params");
    const { password, data } = body.data;
    if (password !== undefined) {
      if (password.length < MIN_PASSWORD_LENGTH) {
        throw new GoTrueError(
          422,
          "weak_password",
          `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
          { weak_password: { reasons: ["length"] } },
        );
      }
      if (passwordMatches(password, user.passwordHash)) {
        throw new GoTrueError(
          422,
          "same_password",
          "New password should be different from the old password.",
        );
      }
      user.passwordHash = hashPassword(password);
      user.recoveryTokenHash = null;
      for (const candidate of [...state.sessions.values()])
        if (candidate.userId === user.id && candidate.id !== session.id)
          deleteSession(candidate.id);
    }
    if (data) user.userMetadata = { ...user.userMetadata, ...data };
    const email = body.data.email?.trim().toLowerCase();
    if (email !== undefined && email !== user.email) {
      if (!EMAIL_PATTERN.test(email))
        throw new GoTrueError(
          400,
          "validation_failed",
          "Unable to validate email address: invalid format",
        );
      if (findUserByEmail(email))
        throw new GoTrueError(
          422,
          "email_exists",
          "A user with this email address has already been registered",
        );
      // The change waits for the link mailed to the new address (GoTrue's email_change).
      user.emailChange = email;
      user.emailChangeTokenHash = mailedTokenHash(email, false);
      user.emailChangeSentAt = Date.now();
      state.mails.push({
        type: "email_change",
        email,
        tokenHash: user.emailChangeTokenHash,
        redirectTo: new URL(request.url ?? "/", "http://x").searchParams.get("redirect_to"),
        sentAt: user.emailChangeSentAt,
      });
    }
    user.updatedAt = now();
    return { ...userJson(user), new_email: user.emailChange ?? undefined };
  }

  /** The admin API takes the project's secret key only (Authorization and apikey). */
  function requireSecretKey(request: IncomingMessage): void {
    // The gateway admits a secret key in `apikey` (supabase-js sends no Authorization with an
    // sb_secret_ key; with a legacy service_role JWT it sends both).
    const authorization = bearerToken(request);
    if (request.headers.apikey !== secretKey || (authorization && authorization !== secretKey))
      throw new GoTrueError(403, "not_admin", "User not allowed");
  }

  /** DELETE /admin/users/{id}: the user, their sessions and refresh tokens go; GoTrue answers `{}`. */
  async function adminDeleteUser(request: IncomingMessage, userId: string) {
    requireSecretKey(request);
    await readBody(request);
    const user = state.users.get(userId);
    if (!user) throw new GoTrueError(404, "user_not_found", "User not found");
    for (const session of [...state.sessions.values()])
      if (session.userId === userId) deleteSession(session.id);
    state.users.delete(userId);
    await options.onUserDeleted?.(userId);
    return {};
  }

  /** GET /admin/users/{id} (auth-js reads the user before it deletes one). */
  function adminGetUser(request: IncomingMessage, userId: string) {
    requireSecretKey(request);
    const user = state.users.get(userId);
    if (!user) throw new GoTrueError(404, "user_not_found", "User not found");
    return userJson(user);
  }

  function checkApiKey(request: IncomingMessage, path: string): void {
    if (path === "/auth/v1/.well-known/jwks.json") return;
    // A mailed link is opened by a browser, which sends no API key.
    if (request.method === "GET" && path === "/auth/v1/verify") return;
    const header = request.headers.apikey;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key)
      throw new GatewayError(
        401,
        "No API key found in request",
        "No `apikey` request header or url param was found.",
      );
    if (key !== publishableKey && key !== secretKey) {
      throw new GatewayError(
        401,
        "Invalid API key",
        "Double check your Supabase `anon` or `service_role` API key.",
      );
    }
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake.invalid");
    state.requests.push(`${request.method ?? "GET"} ${url.pathname}${url.search}`);
    if (request.method === "GET" && url.pathname === "/_fake/last-recovery") {
      // For tests that drive the app from another process: the newest recovery mail of an email.
      const email = url.searchParams.get("email")?.toLowerCase();
      const mail = state.mails.findLast((m) => m.type === "recovery" && m.email === email);
      return mail ? sendJson(response, 200, mail) : sendJson(response, 404, { message: "no mail" });
    }
    checkApiKey(request, url.pathname);
    const adminUser = /^\/auth\/v1\/admin\/users\/([^/]+)$/.exec(url.pathname);
    if (request.method === "GET" && adminUser?.[1])
      return sendJson(response, 200, adminGetUser(request, decodeURIComponent(adminUser[1])));
    if (request.method === "DELETE" && adminUser?.[1])
      return sendJson(
        response,
        200,
        await adminDeleteUser(request, decodeURIComponent(adminUser[1])),
      );
    switch (`${request.method} ${url.pathname}`) {
      case "GET /auth/v1/.well-known/jwks.json":
        return sendJson(response, 200, { keys: [publicJwk] });
      case "POST /auth/v1/signup":
        return sendJson(response, 200, await signup(request));
      case "POST /auth/v1/token": {
        const grant = url.searchParams.get("grant_type");
        if (grant === "password") return sendJson(response, 200, await passwordGrant(request));
        if (grant === "refresh_token")
          return sendJson(response, 200, await refreshTokenGrant(request));
        if (grant === "pkce") return sendJson(response, 200, await pkceGrant(request));
        return sendJson(response, 400, {
          error: "unsupported_grant_type",
          error_description: "unsupported_grant_type",
        });
      }
      case "POST /auth/v1/logout":
        await logout(request, url.searchParams.get("scope"));
        response.writeHead(204).end();
        return;
      case "GET /auth/v1/user": {
        const { user } = await authenticatedUser(request);
        return sendJson(response, 200, userJson(user));
      }
      case "PUT /auth/v1/user":
        return sendJson(response, 200, await updateUser(request));
      case "POST /auth/v1/recover":
        return sendJson(response, 200, await recover(request, url.searchParams.get("redirect_to")));
      case "GET /auth/v1/verify":
        response.writeHead(303, { location: verifyLink(url) }).end();
        return;
      case "POST /auth/v1/verify":
        return sendJson(response, 200, await verify(request));
      case "POST /auth/v1/resend":
        return sendJson(response, 200, await resend(request, url.searchParams.get("redirect_to")));
      default:
        throw new GoTrueError(404, "not_found", "Not Found");
    }
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (error instanceof GatewayError) {
        sendJson(response, error.status, { message: error.message, hint: error.hint });
      } else if (error instanceof GoTrueError) {
        sendGoTrueError(request, response, error);
      } else {
        sendGoTrueError(
          request,
          response,
          new GoTrueError(
            500,
            "unexpected_failure",
            "Unexpected failure, please check server logs for more information",
          ),
        );
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  issuer = `${url}/auth/v1`;
  let closing: Promise<void> | undefined;

  return {
    url,
    publishableKey,
    secretKey,
    state,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
      return closing;
    },
  };
}
