import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthPort, CookieJar } from "@/server/auth/auth-port";
import { AppError } from "@/server/http/app-error";
import type { ApiErrorCode } from "@/shared/api-errors";
import {
  startFakeSupabaseAuthServer,
  type FakeSupabaseAuthOptions,
  type FakeSupabaseAuthServer,
} from "../../../../tests/support/fake-supabase-auth-server";
import {
  createMemoryCookieJar,
  type MemoryCookieJar,
} from "../../../../tests/support/memory-cookie-jar";
import { createSupabaseAuthAdapter } from "./supabase-auth-adapter";

const noMeta = { ip: null, userAgent: null };
const PASSWORD = "correct horse battery";
const newEmail = () => `user-${randomUUID()}@example.com`;

async function expectAppError(
  promise: Promise<unknown>,
  code: ApiErrorCode,
  message?: string,
): Promise<AppError> {
  const error: unknown = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe(code);
  if (message !== undefined) expect(appError.message).toBe(message);
  return appError;
}

function authCookieNames(jar: CookieJar): string[] {
  return jar
    .getAll()
    .map(({ name }) => name)
    .filter((name) => name.startsWith("sb-") && name.includes("-auth-token"));
}

/** The session @supabase/ssr keeps in `sb-<ref>-auth-token` ("base64-" + base64url JSON, one chunk here). */
function decodeSessionCookie(value: string): { access_token: string; refresh_token: string } {
  expect(value.startsWith("base64-")).toBe(true);
  return JSON.parse(Buffer.from(value.slice("base64-".length), "base64url").toString("utf8")) as {
    access_token: string;
    refresh_token: string;
  };
}

function encodeSessionCookie(session: unknown): string {
  return `base64-${Buffer.from(JSON.stringify(session), "utf8").toString("base64url")}`;
}

/** The same JWT with one claim changed and the original signature kept. */
function withForgedClaim(jwt: string, claim: string, value: unknown): string {
  const [header, payload, signature] = jwt.split(".");
  if (!header || !payload || !signature) throw new Error("not a JWT");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
  claims[claim] = value;
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
}

describe("Supabase auth adapter", () => {
  const servers: FakeSupabaseAuthServer[] = [];
  let server: FakeSupabaseAuthServer;
  let auth: AuthPort;

  async function startServer(options?: FakeSupabaseAuthOptions, sessionCacheMs?: number) {
    const started = await startFakeSupabaseAuthServer(options);
    servers.push(started);
    const adapter = createSupabaseAuthAdapter({
      url: started.url,
      publishableKey: started.publishableKey,
      secretKey: started.secretKey,
      sessionCacheMs,
    });
    return { server: started, auth: adapter };
  }

  async function registerUser(jar: MemoryCookieJar = createMemoryCookieJar()) {
    const email = newEmail();
    const result = await auth.register({ email, password: PASSWORD, name: "Ada" }, jar, noMeta);
    return { email, result, jar };
  }

  beforeAll(async () => {
    ({ server, auth } = await startServer());
  });

  afterAll(async () => {
    await Promise.all(servers.map((started) => started.close()));
  });

  it("register writes the sb- session cookies and returns a session", async () => {
    const jar = createMemoryCookieJar();
    const email = newEmail();

    const result = await auth.register({ email, password: PASSWORD, name: "Ada" }, jar, noMeta);

    expect(result.email).toBe(email);
    expect(result.session.accessToken).not.toBe("");
    expect(result.session.refreshToken).not.toBe("");
    expect(result.session.expiresAt).toBeGreaterThan(Date.now() / 1000);
    expect(server.state.users.get(result.userId)?.userMetadata.name).toBe("Ada");

    expect(auth.hasSessionCookie(jar)).toBe(true);
    // Only the session: no PKCE code-verifier cookies left behind by the sign-up.
    expect(authCookieNames(jar)).toEqual(["sb-127-auth-token"]);
    const stored = decodeSessionCookie(jar.value("sb-127-auth-token") ?? "");
    expect(stored.refresh_token).toBe(result.session.refreshToken);
    const write = jar.writes.find(({ name }) => name === "sb-127-auth-token");
    expect(write?.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
  });

  it("register with an email that already has an account is CONFLICT", async () => {
    const { email } = await registerUser();

    const jar = createMemoryCookieJar();
    await expectAppError(
      auth.register({ email, password: "another password", name: "Eve" }, jar, noMeta),
      "CONFLICT",
      "An account with this email already exists.",
    );
    expect(auth.hasSessionCookie(jar)).toBe(false);
  });

  it("register on a project that confirms emails is UNAUTHORIZED until the email is confirmed", async () => {
    const confirming = await startServer({ autoconfirm: false });
    const jar = createMemoryCookieJar();

    await expectAppError(
      confirming.auth.register({ email: newEmail(), password: PASSWORD, name: "Ada" }, jar, noMeta),
      "UNAUTHORIZED",
      "Check your email to confirm your account, then log in.",
    );
    expect(auth.hasSessionCookie(jar)).toBe(false);
  });

  it("register with a password the project finds too weak is VALIDATION_ERROR", async () => {
    await expectAppError(
      auth.register(
        { email: newEmail(), password: "abc", name: "Ada" },
        createMemoryCookieJar(),
        noMeta,
      ),
      "VALIDATION_ERROR",
    );
  });

  it("login with a wrong password or an unknown email is UNAUTHORIZED", async () => {
    const { email } = await registerUser();
    const jar = createMemoryCookieJar();

    await expectAppError(
      auth.login({ email, password: "wrong password" }, jar, noMeta),
      "UNAUTHORIZED",
      "Wrong email or password.",
    );
    await expectAppError(
      auth.login({ email: newEmail(), password: PASSWORD }, jar, noMeta),
      "UNAUTHORIZED",
      "Wrong email or password.",
    );
    expect(auth.hasSessionCookie(jar)).toBe(false);
  });

  it("cookie authentication returns the user signed in by login", async () => {
    const { email, result: registered } = await registerUser();
    const loginJar = createMemoryCookieJar();
    const loggedIn = await auth.login({ email, password: PASSWORD }, loginJar, noMeta);
    expect(loggedIn.userId).toBe(registered.userId);

    const nextRequest = createMemoryCookieJar(loginJar.getAll());
    const identity = await auth.authenticateCookies(nextRequest);

    const sessionIds = [...server.state.sessions.values()]
      .filter((session) => session.userId === registered.userId)
      .map((session) => session.id);
    expect(identity).toEqual({
      userId: registered.userId,
      email,
      sessionId: expect.any(String),
      via: "cookie",
      scopes: ["images:read", "images:write"],
    });
    expect(sessionIds).toContain(identity?.sessionId);
  });

  it("cookie authentication without session cookies is null", async () => {
    const jar = createMemoryCookieJar([{ name: "theme", value: "dark" }]);

    expect(auth.hasSessionCookie(jar)).toBe(false);
    expect(await auth.authenticateCookies(jar)).toBeNull();
  });

  it("cookie authentication refreshes an access token about to expire and rewrites the cookies", async () => {
    // 30 s is inside auth-js's 90 s expiry margin, so every load of the session refreshes it.
    const shortLived = await startServer({ accessTokenTtlSeconds: 30 });
    const loginJar = createMemoryCookieJar();
    const registered = await shortLived.auth.register(
      { email: newEmail(), password: PASSWORD, name: "Ada" },
      loginJar,
      noMeta,
    );

    const nextRequest = createMemoryCookieJar(loginJar.getAll());
    const identity = await shortLived.auth.authenticateCookies(nextRequest);

    expect(identity?.userId).toBe(registered.userId);
    const rotated = decodeSessionCookie(nextRequest.value("sb-127-auth-token") ?? "");
    expect(rotated.refresh_token).not.toBe(registered.session.refreshToken);
    expect(
      shortLived.server.state.refreshTokens.get(registered.session.refreshToken)?.revoked,
    ).toBe(true);
  });

  it("bearer authentication returns the user of an access token from login", async () => {
    const { email, result } = await registerUser();

    const identity = await auth.authenticateAccessToken(result.session.accessToken);

    expect(identity).toEqual({
      userId: result.userId,
      email,
      sessionId: expect.any(String),
      via: "bearer",
      scopes: ["images:read", "images:write"],
    });
    expect(server.state.sessions.has(identity?.sessionId ?? "")).toBe(true);
  });

  it("refresh rotates the refresh token, and the old one is then rejected as UNAUTHORIZED", async () => {
    const { result } = await registerUser();

    const rotated = await auth.refresh(result.session.refreshToken);

    expect(rotated.refreshToken).not.toBe(result.session.refreshToken);
    expect(rotated.expiresAt).toBeGreaterThan(Date.now() / 1000);
    expect((await auth.authenticateAccessToken(rotated.accessToken))?.userId).toBe(result.userId);

    await expectAppError(auth.refresh(result.session.refreshToken), "UNAUTHORIZED");
    // Reuse revokes the whole session: the token issued by the rotation is dead too.
    await expectAppError(auth.refresh(rotated.refreshToken), "UNAUTHORIZED");
  });

  it("refresh with a token the project never issued is UNAUTHORIZED", async () => {
    await expectAppError(auth.refresh("not-a-refresh-token"), "UNAUTHORIZED");
  });

  it("logout clears the cookies and the session no longer authenticates", async () => {
    const { email } = await registerUser();
    const loginJar = createMemoryCookieJar();
    const { session } = await auth.login({ email, password: PASSWORD }, loginJar, noMeta);
    const logoutRequest = createMemoryCookieJar(loginJar.getAll());
    const identity = await auth.authenticateCookies(logoutRequest);
    if (!identity) throw new Error("expected the login cookies to authenticate");

    await auth.logout(identity, logoutRequest);

    expect(authCookieNames(logoutRequest)).toEqual([]);
    expect(auth.hasSessionCookie(logoutRequest)).toBe(false);
    expect(
      await auth.authenticateCookies(createMemoryCookieJar(logoutRequest.getAll())),
    ).toBeNull();
    expect(server.state.sessions.has(identity.sessionId ?? "")).toBe(false);
    expect(await auth.authenticateAccessToken(session.accessToken)).toBeNull();
    await expectAppError(auth.refresh(session.refreshToken), "UNAUTHORIZED");
  });

  it("logout of a bearer identity revokes that session and leaves the user's other sessions", async () => {
    const { email, result: browserSession } = await registerUser();
    const apiLogin = await auth.login(
      { email, password: PASSWORD },
      createMemoryCookieJar(),
      noMeta,
    );
    const identity = await auth.authenticateAccessToken(apiLogin.session.accessToken);
    if (!identity) throw new Error("expected the access token to authenticate");

    await auth.logout(identity, createMemoryCookieJar());

    expect(await auth.authenticateAccessToken(apiLogin.session.accessToken)).toBeNull();
    await expectAppError(auth.refresh(apiLogin.session.refreshToken), "UNAUTHORIZED");
    expect(await auth.authenticateAccessToken(browserSession.session.accessToken)).not.toBeNull();
  });

  it("with a session cache, asks /user once per session and interval, and logout still refuses at once", async () => {
    const cached = await startServer(undefined, 60_000);
    const email = newEmail();
    const { session } = await cached.auth.register(
      { email, password: PASSWORD, name: "Ada" },
      createMemoryCookieJar(),
      noMeta,
    );
    const userCalls = () =>
      cached.server.state.requests.filter((line) => line.startsWith("GET /auth/v1/user")).length;
    const before = userCalls();
    const identity = await cached.auth.authenticateAccessToken(session.accessToken);
    expect(identity).not.toBeNull();
    expect(await cached.auth.authenticateAccessToken(session.accessToken)).not.toBeNull();
    expect(await cached.auth.authenticateAccessToken(session.accessToken)).not.toBeNull();
    expect(userCalls() - before).toBe(1);

    await cached.auth.logout(identity!, createMemoryCookieJar());
    expect(await cached.auth.authenticateAccessToken(session.accessToken)).toBeNull();
  });

  it("with a session cache, a session ended elsewhere stops working once the interval runs out", async () => {
    const cached = await startServer(undefined, 300);
    const { session } = await cached.auth.register(
      { email: newEmail(), password: PASSWORD, name: "Ada" },
      createMemoryCookieJar(),
      noMeta,
    );
    const identity = await cached.auth.authenticateAccessToken(session.accessToken);
    expect(identity?.sessionId).toEqual(expect.any(String));
    // Signed out on another instance (or in the Supabase dashboard): gone from GoTrue.
    cached.server.state.sessions.delete(identity!.sessionId!);
    expect(await cached.auth.authenticateAccessToken(session.accessToken)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await cached.auth.authenticateAccessToken(session.accessToken)).toBeNull();
  });

  it("a tampered or foreign access token does not authenticate", async () => {
    const { result } = await registerUser();
    const other = await startServer();
    const foreign = await other.auth.register(
      { email: newEmail(), password: PASSWORD, name: "Mallory" },
      createMemoryCookieJar(),
      noMeta,
    );

    expect(
      await auth.authenticateAccessToken(
        withForgedClaim(result.session.accessToken, "sub", randomUUID()),
      ),
    ).toBeNull();
    expect(await auth.authenticateAccessToken(foreign.session.accessToken)).toBeNull();
    expect(await auth.authenticateAccessToken("not-a-jwt")).toBeNull();
  });

  it("a session cookie holding a tampered access token does not authenticate", async () => {
    const { jar } = await registerUser();
    const stored = decodeSessionCookie(jar.value("sb-127-auth-token") ?? "");
    const forged = {
      ...stored,
      access_token: withForgedClaim(stored.access_token, "sub", randomUUID()),
    };

    const tampered = createMemoryCookieJar([
      { name: "sb-127-auth-token", value: encodeSessionCookie(forged) },
    ]);

    expect(await auth.authenticateCookies(tampered)).toBeNull();
  });

  it("an unreachable auth service is SERVICE_UNAVAILABLE, not a wrong password", async () => {
    const gone = await startServer();
    await gone.server.close();

    await expectAppError(
      gone.auth.login({ email: newEmail(), password: PASSWORD }, createMemoryCookieJar(), noMeta),
      "SERVICE_UNAVAILABLE",
    );
  });

  it("hasSessionCookie recognises session cookie chunks but not PKCE verifier cookies", () => {
    expect(
      auth.hasSessionCookie(
        createMemoryCookieJar([{ name: "sb-abc-auth-token.0", value: "base64-e30" }]),
      ),
    ).toBe(true);
    expect(
      auth.hasSessionCookie(
        createMemoryCookieJar([{ name: "sb-abc-auth-token-code-verifier", value: "x" }]),
      ),
    ).toBe(false);
  });
});
