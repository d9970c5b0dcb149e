import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as login from "@/app/api/v1/auth/login/route";
import * as logout from "@/app/api/v1/auth/logout/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as refresh from "@/app/api/v1/auth/refresh/route";
import * as register from "@/app/api/v1/auth/register/route";
import type { Profile, Session, User } from "@/shared/api-types";
import { ApiCaller } from "../support/api-caller";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio({ AUTH_RATE_LIMIT_PER_MINUTE: "50" });
});
afterAll(async () => {
  await studio?.dispose();
});

let counter = 0;
const uniqueEmail = () => `person${Date.now()}${++counter}@example.com`;

async function registerSomeone(caller = new ApiCaller(), email = uniqueEmail()) {
  const response = await caller.call<{ user: User; session: Session }>(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: { email, password: "correct horse battery", name: "Ada Lovelace" },
  });
  return { caller, email, response };
}

describe("auth API", () => {
  it("registers a user, returns user and session, and signs the browser in with an HttpOnly cookie", async () => {
    const { caller, email, response } = await registerSomeone();
    expect(response.status).toBe(201);
    expect(response.headers.get("x-request-id")).toBeTruthy();
    if (!response.body.success) throw new Error("expected success");
    expect(response.body.data.user).toMatchObject({
      email,
      name: "Ada Lovelace",
      role: "user",
      tier: "free",
    });
    expect(response.body.data.session.accessToken.split(".")).toHaveLength(3);
    expect(response.body.data.session.expiresAt).toBeGreaterThan(Date.now() / 1000);
    const setCookie = response.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/ais_session=.*HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);

    const me = await caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
    expect(me.status).toBe(200);
    if (!me.body.success) throw new Error("expected success");
    expect(me.body.data.user.email).toBe(email);
    expect(me.body.data.settings.defaultAspectRatio).toBe("1:1");
    expect(me.body.data.quota).toMatchObject({ dailyLimit: 50, usedToday: 0, remainingToday: 50 });
    expect(me.body.data.providerKey).toBeNull();
  });

  it("normalises the email so a differently cased duplicate is a CONFLICT and changes nothing", async () => {
    const email = uniqueEmail();
    await registerSomeone(new ApiCaller(), email);
    const again = await registerSomeone(new ApiCaller(), email.toUpperCase());
    expect(again.response.status).toBe(409);
    expect(again.response.body).toMatchObject({ success: false, error: { code: "CONFLICT" } });
    const rows = await studio.database.query<{ n: number }>(
      "select count(*)::int as n from auth.users where email = $1",
      [email],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it("rejects a bad registration body field by field and creates nothing", async () => {
    const before = await studio.database.query<{ n: number }>(
      "select count(*)::int as n from auth.users",
    );
    const caller = new ApiCaller();
    const response = await caller.call(register.POST, {
      method: "POST",
      path: "/api/v1/auth/register",
      body: { email: "not-an-email", password: "short", name: "" },
    });
    expect(response.status).toBe(400);
    if (response.body.success) throw new Error("expected failure");
    expect(response.body.error.code).toBe("VALIDATION_ERROR");
    const paths = (response.body.error.details as { issues: { path: string }[] }).issues.map(
      (issue) => issue.path,
    );
    expect(paths).toEqual(expect.arrayContaining(["email", "password", "name"]));
    const after = await studio.database.query<{ n: number }>(
      "select count(*)::int as n from auth.users",
    );
    expect(after[0]?.n).toBe(before[0]?.n);
    expect(caller.cookies.size).toBe(0);
  });

  it("answers INVALID_JSON for a body that is not JSON", async () => {
    const response = await new ApiCaller().call(login.POST, {
      method: "POST",
      path: "/api/v1/auth/login",
      rawBody: "{nope",
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ success: false, error: { code: "INVALID_JSON" } });
  });

  it("logs in with the right password and refuses a wrong one with UNAUTHORIZED", async () => {
    const { email } = await registerSomeone();
    const wrong = await new ApiCaller().call(login.POST, {
      method: "POST",
      path: "/api/v1/auth/login",
      body: { email, password: "not the password" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({
      success: false,
      error: { code: "UNAUTHORIZED", message: "Wrong email or password." },
    });
    const unknown = await new ApiCaller().call(login.POST, {
      method: "POST",
      path: "/api/v1/auth/login",
      body: { email: uniqueEmail(), password: "whatever1" },
    });
    expect(unknown.status).toBe(401);
    const right = await new ApiCaller().call<{ user: User }>(login.POST, {
      method: "POST",
      path: "/api/v1/auth/login",
      body: { email, password: "correct horse battery" },
    });
    expect(right.status).toBe(200);
    expect(right.body.success && right.body.data.user.email).toBe(email);
  });

  it("authenticates an API client by bearer access token without cookies", async () => {
    const { response } = await registerSomeone();
    if (!response.body.success) throw new Error("expected success");
    const token = response.body.data.session.accessToken;
    const me = await new ApiCaller().call<Profile>(profile.GET, {
      path: "/api/v1/auth/profile",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(200);
    const tampered = await new ApiCaller().call(profile.GET, {
      path: "/api/v1/auth/profile",
      headers: { authorization: `Bearer ${token.slice(0, -2)}xx` },
    });
    expect(tampered.status).toBe(401);
    const anonymous = await new ApiCaller().call(profile.GET, { path: "/api/v1/auth/profile" });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ success: false, error: { code: "UNAUTHORIZED" } });
  });

  it("rotates refresh tokens and revokes the session when a used one comes back", async () => {
    const { response } = await registerSomeone();
    if (!response.body.success) throw new Error("expected success");
    const first = response.body.data.session;
    const caller = new ApiCaller();
    const rotated = await caller.call<{ session: Session }>(refresh.POST, {
      method: "POST",
      path: "/api/v1/auth/refresh",
      body: { refreshToken: first.refreshToken },
    });
    expect(rotated.status).toBe(200);
    if (!rotated.body.success) throw new Error("expected success");
    const second = rotated.body.data.session;
    expect(second.refreshToken).not.toBe(first.refreshToken);

    const replay = await caller.call(refresh.POST, {
      method: "POST",
      path: "/api/v1/auth/refresh",
      body: { refreshToken: first.refreshToken },
    });
    expect(replay.status).toBe(401);
    // Reuse ends the session: the successor token and the access tokens stop working too.
    const successor = await caller.call(refresh.POST, {
      method: "POST",
      path: "/api/v1/auth/refresh",
      body: { refreshToken: second.refreshToken },
    });
    expect(successor.status).toBe(401);
    const me = await caller.call(profile.GET, {
      path: "/api/v1/auth/profile",
      headers: { authorization: `Bearer ${second.accessToken}` },
    });
    expect(me.status).toBe(401);
  });

  it("logout revokes the session: the cookie is cleared and the old cookie and token no longer work", async () => {
    const { caller, response } = await registerSomeone();
    if (!response.body.success) throw new Error("expected success");
    const oldCookies = new Map(caller.cookies);
    const out = await caller.call(logout.POST, { method: "POST", path: "/api/v1/auth/logout" });
    expect(out.status).toBe(200);
    expect(caller.cookies.size).toBe(0);
    const replayed = new ApiCaller();
    for (const [name, value] of oldCookies) replayed.cookies.set(name, value);
    expect((await replayed.call(profile.GET, { path: "/api/v1/auth/profile" })).status).toBe(401);
    const bearer = await new ApiCaller().call(profile.GET, {
      path: "/api/v1/auth/profile",
      headers: { authorization: `Bearer ${response.body.data.session.accessToken}` },
    });
    expect(bearer.status).toBe(401);
  });

  it("refuses a cookie-authenticated write from another origin, or with no Origin at all", async () => {
    const { caller } = await registerSomeone();
    const crossSite = await caller.call(profile.PATCH, {
      method: "PATCH",
      path: "/api/v1/auth/profile",
      body: { name: "Mallory" },
      origin: "https://evil.example",
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toMatchObject({ success: false, error: { code: "FORBIDDEN" } });
    const noOrigin = await caller.call(profile.PATCH, {
      method: "PATCH",
      path: "/api/v1/auth/profile",
      body: { name: "Mallory" },
      origin: null,
    });
    expect(noOrigin.status).toBe(403);
    const me = await caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
    expect(me.body.success && me.body.data.user.name).toBe("Ada Lovelace");
    const sameSite = await caller.call<{ user: User }>(profile.PATCH, {
      method: "PATCH",
      path: "/api/v1/auth/profile",
      body: { name: "Ada King" },
    });
    expect(sameSite.status).toBe(200);
    expect(sameSite.body.success && sameSite.body.data.user.name).toBe("Ada King");
  });

  it("echoes a well-formed X-Request-Id and replaces a malformed one", async () => {
    const echoed = await new ApiCaller().call(profile.GET, {
      path: "/api/v1/auth/profile",
      headers: { "x-request-id": "client-req-12345" },
    });
    expect(echoed.headers.get("x-request-id")).toBe("client-req-12345");
    expect(echoed.body.meta.requestId).toBe("client-req-12345");
    const replaced = await new ApiCaller().call(profile.GET, {
      path: "/api/v1/auth/profile",
      headers: { "x-request-id": "bad id with spaces" },
    });
    expect(replaced.headers.get("x-request-id")).not.toBe("bad id with spaces");
  });
});
