import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as changeRoute from "@/app/api/v1/auth/email/change/route";
import * as confirmRoute from "@/app/api/v1/auth/email/confirm/route";
import * as verifyRoute from "@/app/api/v1/auth/email/verify/route";
import * as resendRoute from "@/app/api/v1/auth/email/verify/resend/route";
import * as login from "@/app/api/v1/auth/login/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as register from "@/app/api/v1/auth/register/route";
import { authUsers, mailOutbox, profiles } from "@/server/db/schema";
import type { Profile, User } from "@/shared/api-types";
import { ApiCaller } from "../support/api-caller";
import {
  startFakeSupabaseAuthServer,
  type FakeAuthUser,
  type FakeSupabaseAuthServer,
} from "../support/fake-supabase-auth-server";
import { startTestStudio, type TestStudio } from "../support/test-services";

/**
 * Email verification and change in Supabase mode: the studio's routes drive the real
 * supabase-js against the GoTrue-shaped server, which mirrors its users into the test
 * database's auth.users the way GoTrue writes the project's own (so the profile trigger, the
 * email-sync trigger and `email_confirmed_at` behave as in production).
 */
let studio: TestStudio;
let gotrue: FakeSupabaseAuthServer;

async function mirror(user: FakeAuthUser) {
  await studio.services.database.db
    .insert(authUsers)
    .values({
      id: user.id,
      email: user.email,
      rawUserMetaData: user.userMetadata,
      emailConfirmedAt: user.emailConfirmedAt ? new Date(user.emailConfirmedAt) : null,
    })
    .onConflictDoUpdate({
      target: authUsers.id,
      set: {
        email: user.email,
        emailConfirmedAt: user.emailConfirmedAt ? new Date(user.emailConfirmedAt) : null,
      },
    });
}

beforeAll(async () => {
  gotrue = await startFakeSupabaseAuthServer({
    autoconfirm: false,
    mailIntervalSeconds: 0,
    onUserCreated: mirror,
    onUserUpdated: mirror,
  });
  studio = await startTestStudio({
    SUPABASE_URL: gotrue.url,
    SUPABASE_PUBLISHABLE_KEY: gotrue.publishableKey,
    SUPABASE_SECRET_KEY: gotrue.secretKey,
    // Required beside Supabase; the test database handed to the services is what is used.
    DATABASE_URL: "postgres://unused@127.0.0.1:1/unused",
    APP_SECRET: "test-app-secret-that-is-long-enough-0123456789",
    APP_URL: "http://localhost:3000",
  });
});
afterAll(async () => {
  await studio?.dispose();
  await gotrue?.close();
});

const PASSWORD = "correct horse battery";
let counter = 0;
const uniqueEmail = (label = "sb") => `${label}${Date.now()}${++counter}@example.com`;
const newIp = () => `198.20.${counter % 250}.${++counter % 250}`;

const call = <T>(
  handler: typeof verifyRoute.POST,
  path: string,
  body?: unknown,
  caller = new ApiCaller(),
) =>
  caller.call<T>(handler, {
    method: "POST",
    path,
    body,
    headers: { "x-studio-client-ip": newIp() },
  });

const lastMail = (type: "signup" | "email_change", email: string) => {
  const mail = gotrue.state.mails.findLast((m) => m.type === type && m.email === email);
  if (!mail) throw new Error(`GoTrue sent no ${type} mail to ${email}`);
  return mail;
};

async function signIn(email: string, password = PASSWORD) {
  const caller = new ApiCaller();
  const response = await call<{ user: User }>(
    login.POST,
    "/api/v1/auth/login",
    { email, password },
    caller,
  );
  return { caller, response };
}

/** A confirmed account, signed in. */
async function confirmedAccount() {
  const email = uniqueEmail();
  await call(register.POST, "/api/v1/auth/register", { email, password: PASSWORD, name: "Lin" });
  expect(
    (
      await call(verifyRoute.POST, "/api/v1/auth/email/verify", {
        token: lastMail("signup", email).tokenHash,
      })
    ).status,
  ).toBe(200);
  const { caller, response } = await signIn(email);
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return { caller, email, userId: response.body.data.user.id };
}

const readProfile = async (caller: ApiCaller) => {
  const response = await caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return response.body.data;
};

describe("email verification with Supabase Auth", () => {
  it("sign-up waits for GoTrue's link; the token hash it mails verifies once through our API", async () => {
    const email = uniqueEmail();
    const registered = await call(register.POST, "/api/v1/auth/register", {
      email,
      password: PASSWORD,
      name: "Lin",
    });
    expect(registered.status).toBe(401);
    const mail = lastMail("signup", email);
    expect(mail.redirectTo).toBe(null);
    expect((await signIn(email)).response.status).toBe(401);

    const verified = await call(verifyRoute.POST, "/api/v1/auth/email/verify", {
      token: mail.tokenHash,
    });
    expect(verified.status).toBe(200);
    expect(gotrue.state.requests).toContain("POST /auth/v1/verify");
    const again = await call(verifyRoute.POST, "/api/v1/auth/email/verify", {
      token: mail.tokenHash,
    });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });

    const { caller, response } = await signIn(email);
    expect(response.status).toBe(200);
    expect((await readProfile(caller)).user.emailVerified).toBe(true);
    // The session verifyOtp opened was ended at once; only the sign-in's remains.
    const user = [...gotrue.state.users.values()].find((u) => u.email === email)!;
    expect([...gotrue.state.sessions.values()].filter((s) => s.userId === user.id)).toHaveLength(1);
  });

  it("Resend asks GoTrue for a new confirmation mail for an unconfirmed address, and for none once confirmed", async () => {
    const { caller, email, userId } = await confirmedAccount();
    const before = gotrue.state.mails.length;
    const none = await call(
      resendRoute.POST,
      "/api/v1/auth/email/verify/resend",
      undefined,
      caller,
    );
    expect(none.body).toMatchObject({ success: true, data: { sent: false } });
    expect(gotrue.state.mails.length).toBe(before);

    // The address becomes unconfirmed (as after an operator's reset of it in the dashboard).
    gotrue.state.users.get(userId)!.emailConfirmedAt = null;
    await studio.services.database.db
      .update(authUsers)
      .set({ emailConfirmedAt: null })
      .where(eq(authUsers.id, userId));
    expect((await readProfile(caller)).user.emailVerified).toBe(false);
    const sent = await call<{ sent: boolean }>(
      resendRoute.POST,
      "/api/v1/auth/email/verify/resend",
      undefined,
      caller,
    );
    expect(sent.body).toMatchObject({ success: true, data: { sent: true } });
    const mail = lastMail("signup", email);
    expect(mail.redirectTo).toBe("http://localhost:3000/auth/confirm");
    expect(
      (await call(verifyRoute.POST, "/api/v1/auth/email/verify", { token: mail.tokenHash })).status,
    ).toBe(200);
    expect((await readProfile(caller)).user.emailVerified).toBe(true);
  });
});

describe("change of email with Supabase Auth", () => {
  it("checks the password, has GoTrue mail the new address, notices the old one through our outbox, and moves the account when the link is used", async () => {
    const { caller, email, userId } = await confirmedAccount();
    const target = uniqueEmail("sbmoved");

    const wrong = await call(
      changeRoute.POST,
      "/api/v1/auth/email/change",
      { newEmail: target, password: "not the password" },
      caller,
    );
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain("password");

    const asked = await call(
      changeRoute.POST,
      "/api/v1/auth/email/change",
      { newEmail: target, password: PASSWORD },
      caller,
    );
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ success: true, data: { pendingEmail: target } });
    expect(gotrue.state.requests.some((r) => r.startsWith("PUT /auth/v1/user"))).toBe(true);
    const mail = lastMail("email_change", target);
    expect(mail.redirectTo).toBe("http://localhost:3000/auth/confirm");
    const [notice] = await studio.services.database.db
      .select({ subject: mailOutbox.subject })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toEmail, email), eq(mailOutbox.kind, "email-change-notice")))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    expect(notice?.subject).toMatch(/is changing/);
    // The password check's own session was signed out again.
    expect([...gotrue.state.sessions.values()].filter((s) => s.userId === userId)).toHaveLength(1);
    expect((await readProfile(caller)).user.email).toBe(email);

    const confirmed = await call<{ email: string }>(
      confirmRoute.POST,
      "/api/v1/auth/email/confirm",
      { token: mail.tokenHash },
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ success: true, data: { email: target } });
    // GoTrue moved auth.users.email; the trigger moved the profile's.
    const [row] = await studio.services.database.db
      .select({ email: profiles.email })
      .from(profiles)
      .where(eq(profiles.id, userId));
    expect(row?.email).toBe(target);
    expect((await signIn(target)).response.status).toBe(200);
    expect((await signIn(email)).response.status).toBe(401);
    expect(
      (await call(confirmRoute.POST, "/api/v1/auth/email/confirm", { token: mail.tokenHash }))
        .status,
    ).toBe(400);
  });

  it("refuses an address another account has, when asked and when confirmed", async () => {
    const first = await confirmedAccount();
    const other = await confirmedAccount();
    const refused = await call(
      changeRoute.POST,
      "/api/v1/auth/email/change",
      { newEmail: other.email, password: PASSWORD },
      first.caller,
    );
    expect(refused.status).toBe(409);

    const wanted = uniqueEmail("sbraced");
    expect(
      (
        await call(
          changeRoute.POST,
          "/api/v1/auth/email/change",
          { newEmail: wanted, password: PASSWORD },
          first.caller,
        )
      ).status,
    ).toBe(200);
    const mail = lastMail("email_change", wanted);
    await call(register.POST, "/api/v1/auth/register", {
      email: wanted,
      password: PASSWORD,
      name: "Other",
    });
    const late = await call(confirmRoute.POST, "/api/v1/auth/email/confirm", {
      token: mail.tokenHash,
    });
    expect(late.status).toBe(409);
    const [row] = await studio.services.database.db
      .select({ email: sql<string>`email` })
      .from(authUsers)
      .where(eq(authUsers.id, first.userId));
    expect(row?.email).toBe(first.email);
  });
});
