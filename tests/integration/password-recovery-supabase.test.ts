import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as account from "@/app/api/v1/account/route";
import * as login from "@/app/api/v1/auth/login/route";
import * as changeRoute from "@/app/api/v1/auth/password/route";
import * as forgot from "@/app/api/v1/auth/password/forgot/route";
import * as reset from "@/app/api/v1/auth/password/reset/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as refresh from "@/app/api/v1/auth/refresh/route";
import * as register from "@/app/api/v1/auth/register/route";
import * as confirm from "@/app/auth/confirm/route";
import { authUsers, profiles } from "@/server/db/schema";
import type { Session, User } from "@/shared/api-types";
import { ApiCaller } from "../support/api-caller";
import { awayFromWindowEdge } from "../support/rate-window";
import {
  startFakeSupabaseAuthServer,
  type FakeSupabaseAuthServer,
} from "../support/fake-supabase-auth-server";
import { startTestStudio, type TestStudio } from "../support/test-services";

// The studio in Supabase mode: its real routes and services, its Supabase adapter through
// supabase-js and @supabase/ssr, against the local GoTrue-shaped server, which mirrors its users
// into the test database's auth.users as GoTrue does into the project's. Runs on PGlite and
// memory KV, or on the PostgreSQL server and Redis when TEST_DATABASE_URL and REDIS_URL are set.
const APP_URL = "http://localhost:3000";
let gotrue: FakeSupabaseAuthServer;
let studio: TestStudio;

beforeAll(async () => {
  gotrue = await startFakeSupabaseAuthServer({
    onUserCreated: async (user) => {
      await studio.database.db.insert(authUsers).values({
        id: user.id,
        email: user.email,
        rawUserMetaData: user.userMetadata,
        emailConfirmedAt: user.emailConfirmedAt ? new Date(user.emailConfirmedAt) : null,
      });
    },
    onUserDeleted: async (userId) => {
      await studio.database.db.delete(authUsers).where(eq(authUsers.id, userId));
    },
  });
  studio = await startTestStudio({
    SUPABASE_URL: gotrue.url,
    SUPABASE_PUBLISHABLE_KEY: gotrue.publishableKey,
    SUPABASE_SECRET_KEY: gotrue.secretKey,
    // Required with Supabase; the studio under test uses the test database it is given.
    DATABASE_URL: "postgres://postgres@127.0.0.1:5432/unused",
    APP_SECRET: "test-app-secret-that-is-long-enough-0123456789",
    APP_URL,
    AUTH_RATE_LIMIT_PER_MINUTE: "4",
  });
});
afterAll(async () => {
  await studio?.dispose();
  await gotrue?.close();
});

const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a brand new password";
const SESSION_COOKIE = "sb-127-auth-token";
let counter = 0;
const uniqueEmail = () => `sb-recover${Date.now()}${++counter}@example.com`;
// Each call comes from its own address, so the per-IP limits are met only where tested.
const newIp = () => `198.19.${counter % 250}.${++counter % 250}`;

async function registerSomeone(email = uniqueEmail()) {
  const caller = new ApiCaller();
  const response = await caller.call<{ user: User; session: Session }>(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: { email, password: PASSWORD, name: "Grace" },
    headers: { "x-studio-client-ip": newIp() },
  });
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return { caller, email, userId: response.body.data.user.id, session: response.body.data.session };
}

async function signIn(email: string, password = PASSWORD) {
  const caller = new ApiCaller();
  const response = await caller.call<{ user: User; session: Session }>(login.POST, {
    method: "POST",
    path: "/api/v1/auth/login",
    body: { email, password },
    headers: { "x-studio-client-ip": newIp() },
  });
  return { caller, response };
}

const askReset = (email: string, caller = new ApiCaller(), ip = newIp()) =>
  caller.call<{ sent: boolean }>(forgot.POST, {
    method: "POST",
    path: "/api/v1/auth/password/forgot",
    body: { email },
    headers: { "x-studio-client-ip": ip },
  });

const resetWith = (body: { token?: string; password: string }, caller = new ApiCaller()) =>
  caller.call<{ reset: boolean }>(reset.POST, {
    method: "POST",
    path: "/api/v1/auth/password/reset",
    body,
    headers: { "x-studio-client-ip": newIp() },
  });

/** GET /auth/confirm as a browser opens it: the redirect's Location, and the cookies kept. */
async function openConfirm(query: string, caller = new ApiCaller()) {
  const response = await caller.raw(confirm.GET, { path: `/auth/confirm?${query}` });
  return { status: response.status, location: response.headers.get("location"), response };
}

const isSignedIn = async (caller: ApiCaller) =>
  (await caller.call(profile.GET, { path: "/api/v1/auth/profile" })).status === 200;

const bearerSignedIn = async (accessToken: string) =>
  (
    await new ApiCaller().call(profile.GET, {
      path: "/api/v1/auth/profile",
      headers: { authorization: `Bearer ${accessToken}` },
    })
  ).status === 200;

/** The newest recovery mail GoTrue "sent" to `email`. */
function recoveryMail(email: string) {
  const mail = gotrue.state.mails.findLast(
    (candidate) => candidate.type === "recovery" && candidate.email === email,
  );
  if (!mail) throw new Error(`no recovery mail for ${email}`);
  return mail;
}

/** The Reset Password template the README asks for: `{{ .RedirectTo }}&token_hash=…&type=recovery`. */
function templateLink(mail: { redirectTo: string | null; tokenHash: string }): string {
  const url = new URL(mail.redirectTo ?? "");
  url.searchParams.set("token_hash", mail.tokenHash);
  url.searchParams.set("type", "recovery");
  return `${url.pathname}${url.search}`;
}

const strip = (body: { success: boolean; data?: unknown; error?: unknown }) =>
  body.success ? { success: body.success, data: body.data } : body;

describe("forgot password with Supabase Auth", () => {
  it("answers a known and an unknown email alike; GoTrue mails only the known one, with the link back to /auth/confirm", async () => {
    const { email } = await registerSomeone();
    const unknown = uniqueEmail();
    const mailsBefore = gotrue.state.mails.length;
    const known = await askReset(email);
    const stranger = await askReset(unknown);

    expect(known.status).toBe(200);
    expect(stranger.status).toBe(200);
    expect(strip(stranger.body)).toEqual(strip(known.body));
    expect(strip(known.body)).toEqual({ success: true, data: { sent: true } });
    const sent = gotrue.state.mails.slice(mailsBefore);
    expect(sent.map((mail) => mail.email)).toEqual([email]);
    expect(sent[0]?.redirectTo).toBe(`${APP_URL}/auth/confirm?next=%2Freset-password`);
    // Through @supabase/ssr: the PKCE flow, its verifier kept in this browser's cookies.
    expect(sent[0]?.tokenHash).toMatch(/^pkce_[0-9a-f]{56}$/);
    expect(known.headers.getSetCookie().join("\n")).toMatch(/sb-127-auth-token-code-verifier=/);
  });

  it("answers a second request within GoTrue's mail interval the same, though GoTrue refused it", async () => {
    const { email } = await registerSomeone();
    const first = await askReset(email);
    const second = await askReset(email);
    expect(second.status).toBe(200);
    expect(strip(second.body)).toEqual(strip(first.body));
    expect(gotrue.state.mails.filter((mail) => mail.email === email)).toHaveLength(1);
  });

  it("keeps the studio's own limits: per IP across emails", async () => {
    await awayFromWindowEdge();
    const ip = "203.0.113.90";
    for (let i = 0; i < 4; i++)
      expect((await askReset(uniqueEmail(), new ApiCaller(), ip)).status).toBe(200);
    const blocked = await askReset(uniqueEmail(), new ApiCaller(), ip);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ success: false, error: { code: "RATE_LIMITED" } });
  });
});

describe("reset password with Supabase Auth", () => {
  it("through the confirm route: the token goes to the reset page, the new password ends every session, old tokens are refused", async () => {
    const { email, caller: firstBrowser, session: firstTokens } = await registerSomeone();
    const { caller: secondBrowser, response: secondLogin } = await signIn(email);
    if (!secondLogin.body.success) throw new Error("login failed");
    const apiTokens = secondLogin.body.data.session;
    expect(await isSignedIn(firstBrowser)).toBe(true);
    expect(await bearerSignedIn(apiTokens.accessToken)).toBe(true);

    await askReset(email);
    const mail = recoveryMail(email);
    const browser = new ApiCaller();
    const opened = await openConfirm(templateLink(mail).split("?")[1] ?? "", browser);
    expect(opened.status).toBe(303);
    expect(opened.location).toBe(`/reset-password?token=${mail.tokenHash}`);
    expect(opened.response.headers.get("cache-control")).toBe("private, no-store");
    // Opening the link spends nothing and signs no one in: that waits for the new password.
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);

    const done = await resetWith({ token: mail.tokenHash, password: NEW_PASSWORD }, browser);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ success: true, data: { reset: true } });
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);

    expect(await isSignedIn(firstBrowser)).toBe(false);
    expect(await isSignedIn(secondBrowser)).toBe(false);
    expect(await bearerSignedIn(apiTokens.accessToken)).toBe(false);
    const refreshed = await new ApiCaller().call(refresh.POST, {
      method: "POST",
      path: "/api/v1/auth/refresh",
      body: { refreshToken: firstTokens.refreshToken },
    });
    expect(refreshed.status).toBe(401);
    expect((await signIn(email)).response.status).toBe(401);
    expect((await signIn(email, NEW_PASSWORD)).response.status).toBe(200);

    // The link worked once.
    const again = await resetWith({ token: mail.tokenHash, password: "yet another password" });
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain('"path":"token"');
  });

  it("through GoTrue's own link (PKCE code): /auth/confirm opens the recovery session in this browser, which sets the password", async () => {
    const { email, caller: other } = await registerSomeone();
    const browser = new ApiCaller();
    await askReset(email, browser);
    const mail = recoveryMail(email);

    // GoTrue's default template links to its /verify, which redirects back with ?code=.
    const verifyUrl = new URL(`${gotrue.url}/auth/v1/verify`);
    verifyUrl.searchParams.set("token", mail.tokenHash);
    verifyUrl.searchParams.set("type", "recovery");
    verifyUrl.searchParams.set("redirect_to", mail.redirectTo ?? "");
    const fromGoTrue = await fetch(verifyUrl, { redirect: "manual" });
    expect(fromGoTrue.status).toBe(303);
    const landing = new URL(fromGoTrue.headers.get("location") ?? "");
    expect(landing.origin).toBe(APP_URL);
    expect(landing.searchParams.get("code")).toBeTruthy();

    const opened = await openConfirm(landing.search.slice(1), browser);
    expect(opened.location).toBe("/reset-password");
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(true);

    const done = await resetWith({ password: NEW_PASSWORD }, browser);
    expect(done.status).toBe(200);
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await isSignedIn(other)).toBe(false);
    expect((await signIn(email, NEW_PASSWORD)).response.status).toBe(200);
  });

  it("refuses a session that no link opened (a stolen cookie cannot skip the current password), and a made-up token", async () => {
    const { email, caller } = await registerSomeone();
    const stolen = await resetWith({ password: NEW_PASSWORD }, caller);
    expect(stolen.status).toBe(400);
    expect(JSON.stringify(stolen.body)).toContain('"path":"token"');
    const madeUp = await resetWith({ token: "0".repeat(56), password: NEW_PASSWORD });
    expect(madeUp.status).toBe(400);
    expect(await isSignedIn(caller)).toBe(true);
    expect((await signIn(email)).response.status).toBe(200);
  });

  it("hands the email links' token hash to their pages too (verified only when the person confirms)", async () => {
    const hash = "a".repeat(56);
    expect((await openConfirm(`token_hash=${hash}&type=email`)).location).toBe(
      `/verify-email?token=${hash}`,
    );
    expect((await openConfirm(`token_hash=${hash}&type=email_change`)).location).toBe(
      `/confirm-email?token=${hash}`,
    );
  });

  it("sends a spent or foreign link back to the reset page's warning, and never off the site", async () => {
    expect((await openConfirm("code=4e0c7d5e-0000-4000-8000-000000000000")).location).toBe(
      "/?error=link_invalid",
    );
    expect(
      (await openConfirm("code=4e0c7d5e-0000-4000-8000-000000000000&next=%2Freset-password"))
        .location,
    ).toBe("/reset-password?error=link_invalid");
    for (const next of [
      "//evil.example/x",
      "https://evil.example/",
      "/\\evil.example",
      "javascript:alert(1)",
    ]) {
      const { location } = await openConfirm(
        `type=recovery&token_hash=zz&next=${encodeURIComponent(next)}`,
      );
      expect(location).toBe("/reset-password?error=link_invalid");
    }
    expect(
      (await openConfirm("error=access_denied&error_code=otp_expired&next=%2Freset-password"))
        .location,
    ).toBe("/reset-password?error=link_invalid");
  });
});

describe("change password with Supabase Auth", () => {
  const change = (caller: ApiCaller, currentPassword: string, newPassword: string, headers = {}) =>
    caller.call<{ changed: boolean }>(changeRoute.PUT, {
      method: "PUT",
      path: "/api/v1/auth/password",
      body: { currentPassword, newPassword },
      headers,
    });

  it("needs the current password (400 naming it), keeps this browser's session and ends every other one", async () => {
    const { email, caller: here } = await registerSomeone();
    const { caller: elsewhere, response } = await signIn(email);
    if (!response.body.success) throw new Error("login failed");
    const apiToken = response.body.data.session.accessToken;
    const sessionsBefore = gotrue.state.sessions.size;

    const wrong = await change(here, "not my password", "a changed password");
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });
    expect(JSON.stringify(wrong.body)).toContain('"path":"currentPassword"');
    expect(await isSignedIn(elsewhere)).toBe(true);
    // The proof of the current password leaves no session behind.
    expect(gotrue.state.sessions.size).toBe(sessionsBefore);

    const same = await change(here, PASSWORD, PASSWORD);
    expect(same.status).toBe(400);
    expect(JSON.stringify(same.body)).toContain('"path":"newPassword"');

    const changed = await change(here, PASSWORD, "a changed password");
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ success: true, data: { changed: true } });
    expect(await isSignedIn(here)).toBe(true);
    expect(await isSignedIn(elsewhere)).toBe(false);
    expect(await bearerSignedIn(apiToken)).toBe(false);
    expect((await signIn(email)).response.status).toBe(401);
    expect((await signIn(email, "a changed password")).response.status).toBe(200);
  });

  it("works for an API client with an access token: its session stays, the browser's ends", async () => {
    const { email, caller: browser } = await registerSomeone();
    const { response } = await signIn(email);
    if (!response.body.success) throw new Error("login failed");
    const token = response.body.data.session.accessToken;

    const changed = await change(new ApiCaller(), PASSWORD, "changed by a script", {
      authorization: `Bearer ${token}`,
    });
    expect(changed.status).toBe(200);
    expect(await bearerSignedIn(token)).toBe(true);
    expect(await isSignedIn(browser)).toBe(false);
    expect((await signIn(email, "changed by a script")).response.status).toBe(200);
  });
});

describe("account deletion with Supabase Auth", () => {
  it("removes the auth user through the admin API along with the studio's rows", async () => {
    const { email, caller, userId } = await registerSomeone();
    expect(gotrue.state.users.has(userId)).toBe(true);

    const deleted = await caller.call<{ deleted: boolean }>(account.DELETE, {
      method: "DELETE",
      path: "/api/v1/account",
      body: { confirmEmail: email },
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ success: true, data: { deleted: true } });

    expect(gotrue.state.users.has(userId)).toBe(false);
    expect(
      [...gotrue.state.sessions.values()].filter((session) => session.userId === userId),
    ).toEqual([]);
    expect(gotrue.state.requests).toContain(`DELETE /auth/v1/admin/users/${userId}`);
    const db = studio.database.db;
    expect(await db.select().from(authUsers).where(eq(authUsers.id, userId))).toEqual([]);
    expect(await db.select().from(profiles).where(eq(profiles.id, userId))).toEqual([]);
    expect(await isSignedIn(caller)).toBe(false);
    expect((await signIn(email)).response.status).toBe(401);
  });
});
