import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type JWK, type JWTPayload } from "jose";
import { z } from "zod";

/**
 * A local stand-in for Supabase Auth (GoTrue) behind the Supabase API gateway, speaking the wire
 * format @supabase/auth-js uses: /auth/v1/signup, /token (password and refresh_token grants),
 * /logout, /user and /.well-known/jwks.json. Users, sessions and rotating refresh tokens live in
 * memory; access tokens are ES256 JWTs whose public key is served as a JWKS, so `getClaims()`
 * verifies them the way it does against a project with asymmetric signing keys.
 */

export interface FakeSupabaseAuthOptions {
  publishableKey?: string;
  secretKey?: string;
  /** GoTrue's "Confirm email" switched off (autoconfirm) answers signup with a session. Default true. */
  autoconfirm?: boolean;
  accessTokenTtlSeconds?: number;
  /** GoTrue's GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL; its default is 10. Default here 0. */
  refreshTokenReuseIntervalSeconds?: number;
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
}

export interface FakeAuthSession {
  id: string;
  userId: string;
  createdAt: string;
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
      amr: [{ method: "password", timestamp: Math.floor(Date.parse(session.createdAt) / 1000) }],
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

  async function signIn(user: FakeAuthUser) {
    const session: FakeAuthSession = { id: randomUUID(), userId: user.id, createdAt: now() };
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

  function checkApiKey(request: IncomingMessage, path: string): void {
    if (path === "/auth/v1/.well-known/jwks.json") return;
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
    checkApiKey(request, url.pathname);
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
