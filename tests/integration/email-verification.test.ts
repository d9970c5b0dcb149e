import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as changeRoute from "@/app/api/v1/auth/email/change/route";
import * as confirmRoute from "@/app/api/v1/auth/email/confirm/route";
import * as verifyRoute from "@/app/api/v1/auth/email/verify/route";
import * as resendRoute from "@/app/api/v1/auth/email/verify/resend/route";
import * as login from "@/app/api/v1/auth/login/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as register from "@/app/api/v1/auth/register/route";
import * as generate from "@/app/api/v1/images/generate/route";
import { EMAIL_CHANGES_PER_HOUR, VERIFY_MAILS_PER_HOUR } from "@/server/auth/email-service";
import { auditLogs, emailTokens, mailOutbox, profiles } from "@/server/db/schema";
import type { Profile, Session, User } from "@/shared/api-types";
import { ApiCaller } from "../support/api-caller";
import { awayFromWindowEdge } from "../support/rate-window";
import { startTestStudio, type TestStudio } from "../support/test-services";

// Runs on PGlite and memory KV, or on the PostgreSQL server and Redis when TEST_DATABASE_URL
// and REDIS_URL are set.
let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio({ AUTH_RATE_LIMIT_PER_MINUTE: "20" });
});
afterAll(async () => {
  await studio?.dispose();
});

const PASSWORD = "correct horse battery";
let counter = 0;
const uniqueEmail = (label = "verify") => `${label}${Date.now()}${++counter}@example.com`;
const newIp = () => `198.19.${counter % 250}.${++counter % 250}`;

async function registerSomeone(email = uniqueEmail()) {
  const caller = new ApiCaller();
  const response = await caller.call<{ user: User; session: Session }>(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: { email, password: PASSWORD, name: "Ada" },
    headers: { "x-studio-client-ip": newIp() },
  });
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return { caller, email, user: response.body.data.user };
}

const signIn = (email: string, password = PASSWORD) =>
  new ApiCaller().call<{ user: User }>(login.POST, {
    method: "POST",
    path: "/api/v1/auth/login",
    body: { email, password },
    headers: { "x-studio-client-ip": newIp() },
  });

const readProfile = async (caller: ApiCaller) => {
  const response = await caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return response.body.data;
};

const post = <T>(
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

const verify = (token: string) =>
  post<{ verified: boolean }>(verifyRoute.POST, "/api/v1/auth/email/verify", { token });
const confirm = (token: string) =>
  post<{ email: string }>(confirmRoute.POST, "/api/v1/auth/email/confirm", { token });
const resend = (caller: ApiCaller) =>
  post<{ sent: boolean }>(resendRoute.POST, "/api/v1/auth/email/verify/resend", undefined, caller);
const askChange = (caller: ApiCaller, newEmail: string, password = PASSWORD) =>
  post<{ pendingEmail: string }>(
    changeRoute.POST,
    "/api/v1/auth/email/change",
    { newEmail, password },
    caller,
  );

/** The newest mail of `kind` queued for `to`. */
async function newestMail(to: string, kind: string) {
  const [row] = await studio.services.database.db
    .select({ text: mailOutbox.textBody, subject: mailOutbox.subject })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.toEmail, to), eq(mailOutbox.kind, kind)))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return row ?? null;
}

async function mailedToken(to: string, kind: string, path: string): Promise<string> {
  const mail = await newestMail(to, kind);
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_%-]+)`).exec(mail?.text ?? "");
  if (!match?.[1]) throw new Error(`no ${kind} mail for ${to}`);
  return decodeURIComponent(match[1]);
}
const verifyToken = (to: string) => mailedToken(to, "verify-email", "/verify-email");
const changeToken = (to: string) => mailedToken(to, "email-change-confirm", "/confirm-email");

describe("email verification (local accounts)", () => {
  it("leaves a new account usable but unconfirmed, mails a 24-hour link whose hash alone is stored, and confirms it once", async () => {
    const { caller, email, user } = await registerSomeone();
    expect(user.emailVerified).toBe(false);
    expect((await readProfile(caller)).user.emailVerified).toBe(false);

    const token = await verifyToken(email);
    expect(token).toMatch(/^ev_[A-Za-z0-9_-]{43}$/);
    const [row] = await studio.services.database.db
      .select({
        tokenHash: emailTokens.tokenHash,
        hours: sql<number>`extract(epoch from ${emailTokens.expiresAt} - ${emailTokens.createdAt}) / 3600`,
      })
      .from(emailTokens)
      .where(eq(emailTokens.userId, user.id));
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.tokenHash).not.toContain(token);
    expect(Number(row?.hours)).toBe(24);

    const first = await verify(token);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ success: true, data: { verified: true } });
    expect((await readProfile(caller)).user.emailVerified).toBe(true);

    const again = await verify(token);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });

    const actions = await studio.services.database.db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(eq(auditLogs.actorId, user.id));
    expect(actions.map((entry) => entry.action)).toContain("auth.email_verified");
  });

  it("refuses a link past its 24 hours and a made-up one", async () => {
    const { caller, email, user } = await registerSomeone();
    const token = await verifyToken(email);
    await studio.services.database.db
      .update(emailTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(emailTokens.userId, user.id));
    expect((await verify(token)).status).toBe(400);
    expect((await verify(`ev_${"x".repeat(43)}`)).status).toBe(400);
    expect((await readProfile(caller)).user.emailVerified).toBe(false);
  });

  it("resends a fresh link (the earlier one stops working), limits resends per account, and sends none once confirmed", async () => {
    await awayFromWindowEdge(3600);
    const { caller, email } = await registerSomeone();
    const older = await verifyToken(email);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const sent = await resend(caller);
    expect(sent.body).toMatchObject({ success: true, data: { sent: true } });
    const newer = await verifyToken(email);
    expect(newer).not.toBe(older);
    expect((await verify(older)).status).toBe(400);

    for (let i = 1; i < VERIFY_MAILS_PER_HOUR; i++) expect((await resend(caller)).status).toBe(200);
    const limited = await resend(caller);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ success: false, error: { code: "RATE_LIMITED" } });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

    const other = await registerSomeone();
    expect((await verify(await verifyToken(other.email))).status).toBe(200);
    const mailsBefore = await studio.services.database.db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(eq(mailOutbox.toEmail, other.email));
    expect((await resend(other.caller)).body).toMatchObject({ data: { sent: false } });
    const mailsAfter = await studio.services.database.db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(eq(mailOutbox.toEmail, other.email));
    expect(mailsAfter.length).toBe(mailsBefore.length);
    expect((await resend(new ApiCaller())).status).toBe(401);
  });

  it("REQUIRE_EMAIL_VERIFICATION: generating answers 403 EMAIL_NOT_VERIFIED until the address is confirmed", async () => {
    const { caller, email } = await registerSomeone();
    const generateOnce = () =>
      caller.call(generate.POST, {
        method: "POST",
        path: "/api/v1/images/generate",
        body: { prompt: "a lighthouse at dusk" },
      });
    studio.services.config.requireEmailVerification = true;
    try {
      const refused = await generateOnce();
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        success: false,
        error: { code: "FORBIDDEN", details: { reason: "EMAIL_NOT_VERIFIED" } },
      });
      // Nothing was spent on the refusal.
      expect((await readProfile(caller)).quota.usedToday).toBe(0);
      expect((await verify(await verifyToken(email))).status).toBe(200);
      expect((await generateOnce()).status).toBe(201);
    } finally {
      studio.services.config.requireEmailVerification = false;
    }
    // Off (the default), an unconfirmed account generates at once.
    const fresh = await registerSomeone();
    const allowed = await fresh.caller.call(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt: "a paper boat" },
    });
    expect(allowed.status).toBe(201);
  });
});

describe("change of email (local accounts)", () => {
  it("needs the password, mails a 1-hour link to the new address and a notice to the old, and changes only when the link is used", async () => {
    const { caller, email, user } = await registerSomeone();
    const target = uniqueEmail("moved");

    const wrong = await askChange(caller, target, "not my password");
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });
    expect(JSON.stringify(wrong.body)).toContain("password");
    const same = await askChange(caller, email);
    expect(same.status).toBe(400);

    const asked = await askChange(caller, target.toUpperCase());
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ success: true, data: { pendingEmail: target } });
    const token = await changeToken(target);
    expect(token).toMatch(/^ec_[A-Za-z0-9_-]{43}$/);
    expect((await newestMail(email, "email-change-notice"))?.subject).toMatch(/is changing/);
    const [row] = await studio.services.database.db
      .select({
        minutes: sql<number>`extract(epoch from ${emailTokens.expiresAt} - ${emailTokens.createdAt}) / 60`,
      })
      .from(emailTokens)
      .where(and(eq(emailTokens.userId, user.id), eq(emailTokens.purpose, "change")));
    expect(Number(row?.minutes)).toBe(60);

    // Until the link is used, nothing changed.
    expect((await signIn(email)).status).toBe(200);
    expect((await signIn(target)).status).toBe(401);

    const confirmed = await confirm(token);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ success: true, data: { email: target } });
    expect((await signIn(target)).status).toBe(200);
    expect((await signIn(email)).status).toBe(401);
    const after = await readProfile(caller);
    expect(after.user.email).toBe(target);
    expect(after.user.emailVerified).toBe(true);
    expect((await newestMail(email, "email-change-notice"))?.subject).toMatch(/was changed/);

    expect((await confirm(token)).status).toBe(400);
    const actions = await studio.services.database.db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(eq(auditLogs.actorId, user.id));
    expect(actions.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(["auth.email_change_requested", "auth.email_change"]),
    );
  });

  it("refuses an address another account has, when asked and again when confirmed", async () => {
    const { caller } = await registerSomeone();
    const taken = await registerSomeone();
    const refused = await askChange(caller, taken.email);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ success: false, error: { code: "CONFLICT" } });

    const wanted = uniqueEmail("raced");
    expect((await askChange(caller, wanted)).status).toBe(200);
    const token = await changeToken(wanted);
    await registerSomeone(wanted); // someone else signs up with it meanwhile
    const late = await confirm(token);
    expect(late.status).toBe(409);
    expect((await readProfile(caller)).user.email).not.toBe(wanted);
    const owners = await studio.services.database.db
      .select({ id: profiles.id })
      .from(profiles)
      .where(eq(profiles.email, wanted));
    expect(owners).toHaveLength(1);
  });

  it("refuses a change link past its hour, and an older link once a newer change was asked for", async () => {
    const { caller, user } = await registerSomeone();
    const first = uniqueEmail("first");
    await askChange(caller, first);
    const older = await changeToken(first);
    const second = uniqueEmail("second");
    await askChange(caller, second);
    expect((await confirm(older)).status).toBe(400);
    const newer = await changeToken(second);
    await studio.services.database.db
      .update(emailTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(emailTokens.userId, user.id));
    expect((await confirm(newer)).status).toBe(400);
    expect((await readProfile(caller)).user.email).toBe(user.email);
  });

  it("limits change requests per account, and refuses a signed-out caller", async () => {
    await awayFromWindowEdge(3600);
    const { caller } = await registerSomeone();
    for (let i = 0; i < EMAIL_CHANGES_PER_HOUR; i++)
      expect((await askChange(caller, uniqueEmail("many"))).status).toBe(200);
    expect((await askChange(caller, uniqueEmail("many"))).status).toBe(429);
    expect((await askChange(new ApiCaller(), uniqueEmail("nobody"))).status).toBe(401);
  });
});
