import { NextRequest, NextResponse } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CookieJar } from "@/server/auth/auth-port";
import {
  startFakeSupabaseAuthServer,
  type FakeSupabaseAuthServer,
} from "../../../../tests/support/fake-supabase-auth-server";
import { refreshSupabaseSession } from "./middleware-session";
import { createSupabaseAuthAdapter } from "./supabase-auth-adapter";

const SESSION_COOKIE = "sb-127-auth-token";

function recordingJar(): CookieJar & { cookieHeader(): string } {
  const store = new Map<string, string>();
  return {
    getAll: () => [...store].map(([name, value]) => ({ name, value })),
    set: (name, value) => (value === "" ? store.delete(name) : store.set(name, value)),
    cookieHeader: () => [...store].map(([name, value]) => `${name}=${value}`).join("; "),
  };
}

describe("refreshSupabaseSession (middleware)", () => {
  let server: FakeSupabaseAuthServer;

  /** A browser request carrying the cookies of a fresh registration. */
  async function signedInRequest() {
    const auth = createSupabaseAuthAdapter({
      url: server.url,
      publishableKey: server.publishableKey,
      secretKey: server.secretKey,
    });
    const jar = recordingJar();
    const registered = await auth.register(
      {
        email: `user-${crypto.randomUUID()}@example.com`,
        password: "correct horse battery",
        name: "Ada",
      },
      jar,
      { ip: null, userAgent: null },
    );
    const request = new NextRequest("http://localhost:3000/gallery", {
      headers: { cookie: jar.cookieHeader() },
    });
    return { registered, request, response: NextResponse.next({ request }) };
  }

  beforeAll(async () => {
    // 30 s is inside auth-js's 90 s expiry margin: every load of the session refreshes it.
    server = await startFakeSupabaseAuthServer({ accessTokenTtlSeconds: 30 });
  });

  afterAll(async () => {
    await server.close();
  });

  it("refreshes an expiring session and writes the rotated cookies to the request and the response", async () => {
    const { registered, request, response } = await signedInRequest();
    const before = request.cookies.get(SESSION_COOKIE)?.value;

    const { userId } = await refreshSupabaseSession({
      url: server.url,
      publishableKey: server.publishableKey,
      request,
      response,
    });

    expect(userId).toBe(registered.userId);
    const written = response.cookies.get(SESSION_COOKIE);
    expect(written?.value).toBeTruthy();
    expect(written?.value).not.toBe(before);
    expect(written?.httpOnly).toBe(true);
    expect(request.cookies.get(SESSION_COOKIE)?.value).toBe(written?.value);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(server.state.refreshTokens.get(registered.session.refreshToken)?.revoked).toBe(true);
  });

  it("answers null and writes nothing for a request without a session", async () => {
    const request = new NextRequest("http://localhost:3000/", {
      headers: { cookie: "theme=dark" },
    });
    const response = NextResponse.next({ request });

    const { userId } = await refreshSupabaseSession({
      url: server.url,
      publishableKey: server.publishableKey,
      request,
      response,
    });

    expect(userId).toBeNull();
    expect(response.cookies.getAll()).toEqual([]);
  });
});
