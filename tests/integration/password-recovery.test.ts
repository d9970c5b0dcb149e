import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as login from "@/app/api/v1/auth/login/route";
import * as changeRoute from "@/app/api/v1/auth/password/route";
import * as forgot from "@/app/api/v1/auth/password/forgot/route";
import * as reset from "@/app/api/v1/auth/password/reset/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as register from "@/app/api/v1/auth/register/route";
import { auditLogs, mailOutbox, passwordResetTokens } from "@/server/db/schema";
import { RESET_MAILS_PER_EMAIL_PER_HOUR } from "@/server/auth/password-service";
import type { Session, User } from "@/shared/api-types";
import { ApiCaller } from "../support/api-caller";
import { startTestStudio, type TestStudio } from "../support/test-services";
import { withQueryLog } from "../support/query-log";
import { awayFromWindowEdge, freshIp } from "../support/rate-window";
import { createMailer, createServices, provideServices } from "@/server/services";

// Runs on PGlite and memory KV, or on the PostgreSQL server and Redis when TEST_DATABASE_URL
// and REDIS_URL are set.
let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio({ AUTH_RATE_LIMIT_PER_MINUTE: "4" });
});
afterAll(async () => {
  await studio?.dispose();
});

const PASSWORD = "correct horse battery";
let counter = 0;
const uniqueEmail = () => `recover${Date.now()}${++counter}@example.com`;
// Each test asks from its own address, so the per-IP limit is only met where it is tested.
const newIp = () => `198.18.${counter % 250}.${++counter % 250}`;

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

const askReset = (email: string, ip = newIp()) =>
  new ApiCaller().call<{ sent: boolean }>(forgot.POST, {
    method: "POST",
    path: "/api/v1/auth/password/forgot",
    body: { email },
    headers: { "x-studio-client-ip": ip },
  });

const useToken = (token: string, password: string, caller = new ApiCaller()) =>
  caller.call<{ reset: boolean }>(reset.POST, {
    method: "POST",
    path: "/api/v1/auth/password/reset",
    body: { token, password },
    headers: { "x-studio-client-ip": newIp() },
  });

/** The token of the newest reset mail queued for `email`, read from the outbox's text body. */
async function mailedToken(email: string): Promise<string> {
  const [row] = await studio.services.database.db
    .select({ text: mailOutbox.textBody, kind: mailOutbox.kind })
    .from(mailOutbox)
    .where(eq(mailOutbox.toEmail, email))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  const match = /\/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(row?.text ?? "");
  if (!row || row.kind !== "reset-password" || !match?.[1])
    throw new Error(`no reset mail for ${email}`);
  return decodeURIComponent(match[1]);
}

const isSignedIn = async (caller: ApiCaller) =>
  (await caller.call(profile.GET, { path: "/api/v1/auth/profile" })).status === 200;

describe("forgot password", () => {
  it("answers a known and an unknown email with the same status and body, and mails only the known one", async () => {
    const { email } = await registerSomeone();
    const unknown = uniqueEmail();
    const known = await askReset(email);
    const stranger = await askReset(unknown);
    expect(known.status).toBe(200);
    expect(stranger.status).toBe(known.status);
    const strip = (body: typeof known.body) =>
      body.success ? { success: body.success, data: body.data } : body;
    expect(strip(stranger.body)).toEqual(strip(known.body));
    expect(strip(known.body)).toEqual({ success: true, data: { sent: true } });
    expect(await mailedToken(email)).toMatch(/^pr_[A-Za-z0-9_-]{43}$/);
    const strangerMail = await studio.services.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toEmail, unknown));
    expect(strangerMail).toEqual([]);
  });

  it("stores only the token's hash, valid for 30 minutes, and the mail links to the studio's reset page", async () => {
    const { email, userId } = await registerSomeone();
    await askReset(email);
    const token = await mailedToken(email);
    const [row] = await studio.services.database.db
      .select({
        tokenHash: passwordResetTokens.tokenHash,
        minutes: sql<number>`extract(epoch from ${passwordResetTokens.expiresAt} - ${passwordResetTokens.createdAt}) / 60`,
      })
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.userId, userId));
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.tokenHash).not.toContain(token);
    expect(Number(row?.minutes)).toBe(30);
    const [mail] = await studio.services.database.db
      .select({ html: mailOutbox.htmlBody })
      .from(mailOutbox)
      // Sign-up queued a verification mail to the same address first.
      .where(and(eq(mailOutbox.toEmail, email), eq(mailOutbox.kind, "reset-password")));
    expect(mail?.html).toContain(`${studio.services.mail.context.appUrl}/reset-password?token=`);
  });

  it("limits reset mails per email across IPs and per IP across emails, with the same answer for unknown emails", async () => {
    await awayFromWindowEdge();
    const email = uniqueEmail(); // unknown: the limit must not tell known from unknown
    for (let i = 0; i < RESET_MAILS_PER_EMAIL_PER_HOUR; i++)
      expect((await askReset(email)).status).toBe(200);
    const blocked = await askReset(email);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ success: false, error: { code: "RATE_LIMITED" } });
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);

    const ip = freshIp();
    for (let i = 0; i < 4; i++) expect((await askReset(uniqueEmail(), ip)).status).toBe(200);
    expect((await askReset(uniqueEmail(), ip)).status).toBe(429);
    expect((await askReset(uniqueEmail(), freshIp())).status).toBe(200);
  });
});

describe("reset password with the mailed token", () => {
  it("sets the new password, ends every session of the account, and refuses the old password", async () => {
    const { email, caller: first, userId } = await registerSomeone();
    const { caller: second } = await signIn(email);
    expect(await isSignedIn(first)).toBe(true);
    expect(await isSignedIn(second)).toBe(true);

    await askReset(email);
    const resetter = new ApiCaller();
    const response = await useToken(await mailedToken(email), "a brand new password", resetter);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ success: true, data: { reset: true } });
    // The browser that reset is not signed in either: it goes to log in with the new password.
    expect(response.headers.getSetCookie().join("\n")).toMatch(/ais_session=;.*Max-Age=0/i);

    expect(await isSignedIn(first)).toBe(false);
    expect(await isSignedIn(second)).toBe(false);
    expect((await signIn(email)).response.status).toBe(401);
    expect((await signIn(email, "a brand new password")).response.status).toBe(200);

    const audit = await studio.services.database.db
      .select({ action: auditLogs.action, metadata: auditLogs.metadata })
      .from(auditLogs)
      .where(eq(auditLogs.actorId, userId));
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(["auth.password_reset_requested", "auth.password_reset"]),
    );
    expect(audit.find((row) => row.action === "auth.password_reset")?.metadata).toEqual({
      sessionsEnded: 2,
    });
  });

  it("works once: the same token again is a VALIDATION_ERROR and changes nothing", async () => {
    const { email } = await registerSomeone();
    await askReset(email);
    const token = await mailedToken(email);
    expect((await useToken(token, "first new password")).status).toBe(200);
    const again = await useToken(token, "second new password");
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });
    expect((await signIn(email, "second new password")).response.status).toBe(401);
    expect((await signIn(email, "first new password")).response.status).toBe(200);
  });

  it("refuses a token past its 30 minutes", async () => {
    const { email, userId } = await registerSomeone();
    await askReset(email);
    const token = await mailedToken(email);
    await studio.services.database.db
      .update(passwordResetTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(passwordResetTokens.userId, userId));
    const late = await useToken(token, "too late password");
    expect(late.status).toBe(400);
    expect((await signIn(email)).response.status).toBe(200);
  });

  it("invalidates the earlier link when a new one is asked for, and refuses a made-up token", async () => {
    const { email } = await registerSomeone();
    await askReset(email);
    const older = await mailedToken(email);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await askReset(email);
    const newer = await mailedToken(email);
    expect(newer).not.toBe(older);
    expect((await useToken(older, "from the old link")).status).toBe(400);
    expect((await useToken(`pr_${"x".repeat(43)}`, "made up token")).status).toBe(400);
    expect((await useToken(newer, "from the new link")).status).toBe(200);
  });

  it("holds the new password to registration's rules", async () => {
    const { email } = await registerSomeone();
    await askReset(email);
    const short = await useToken(await mailedToken(email), "short");
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain("password");
    // The token was not spent on a refused password.
    expect((await useToken(await mailedToken(email), "long enough now")).status).toBe(200);
  });
});

describe("change password", () => {
  const change = (caller: ApiCaller, currentPassword: string, newPassword: string) =>
    caller.call<{ changed: boolean }>(changeRoute.PUT, {
      method: "PUT",
      path: "/api/v1/auth/password",
      body: { currentPassword, newPassword },
    });

  it("needs the current password, keeps this session and ends every other one", async () => {
    const { email, caller: here, userId } = await registerSomeone();
    const { caller: elsewhere } = await signIn(email);

    const wrong = await change(here, "not my password", "a changed password");
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });
    expect(await isSignedIn(elsewhere)).toBe(true);

    const changed = await change(here, PASSWORD, "a changed password");
    expect(changed.status).toBe(200);
    expect(await isSignedIn(here)).toBe(true);
    expect(await isSignedIn(elsewhere)).toBe(false);
    expect((await signIn(email)).response.status).toBe(401);
    expect((await signIn(email, "a changed password")).response.status).toBe(200);

    const [entry] = await studio.services.database.db
      .select({ metadata: auditLogs.metadata })
      .from(auditLogs)
      .where(eq(auditLogs.action, "auth.password_change"))
      .orderBy(desc(auditLogs.createdAt))
      .limit(1);
    expect(entry?.metadata).toEqual({ sessionsEnded: 1 });
    expect(userId).toBeTruthy();
  });

  it("refuses a signed-out caller", async () => {
    expect((await change(new ApiCaller(), PASSWORD, "a changed password")).status).toBe(401);
  });
});

/** A statement as the work it does: reads alike, writes by verb and table. */
function workOf(statement: string): string {
  const text = statement.toLowerCase();
  if (text.startsWith("select")) return "read";
  if (text.startsWith("savepoint") || text.startsWith("rollback to savepoint")) return "savepoint";
  const [, verb, table] = /^(insert into|delete from|update)\s+"?([\w.]+)"?/.exec(text) ?? [];
  return `${verb ?? text.split(" ")[0]} ${table ?? "?"}`;
}

describe("forgot password does the same work for a known and an unknown email", () => {
  // No clock in this test: the same work is shown by counting it. Every SQL statement of the
  // request is listed by Drizzle's logger on the real driver (tests/support/query-log.ts); the
  // mail goes out through the real file mailer behind a gate.
  //
  // What differs, and why the answer's timing does not show it:
  // - a known email inserts its reset-token row; an unknown one instead queues the same
  //   rendered mail in a savepoint and rolls it back (a statement pair of the same cost class
  //   as one small insert). Reads, the delete, the outbox insert and the audit entry are the same
  //   in number and order; the one token (random bytes + SHA-256) is made before the branch.
  // - only the known email's mail is delivered, by a flush that starts after the request's
  //   transaction and that Next's after() runs once the response is sent
  //   (mail.flushAfterResponse); the unknown path sets off a flush too (flushIfDue, after the
  //   response). Here a flush is held open at the mailer, so neither request's log includes
  //   delivery and nothing is delivered before the answers: what is listed is exactly what the
  //   answer waits for.
  it("runs the same reads and writes for both, apart from the token row and a rolled-back savepoint, and delivers nothing before the answer", async () => {
    const { email } = await registerSomeone();
    const stranger = uniqueEmail();
    const log = withQueryLog(studio.database);
    // Its own sign-up mail goes out first, by the studio's services.
    await studio.services.mail.flush();
    const realMailer = createMailer(studio.config);
    const delivered: string[] = [];
    let reachedMailer!: () => void;
    const reached = new Promise<void>((resolve) => (reachedMailer = resolve));
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const services = createServices({
      config: studio.config,
      database: log.database,
      kv: studio.kv,
      objectStore: studio.services.objectStore,
      appSecret: "test-app-secret-that-is-long-enough-0123456789",
      mailer: {
        kind: realMailer.kind,
        async send(mail, options) {
          reachedMailer();
          await gate;
          delivered.push(mail.to);
          return realMailer.send(mail, options);
        },
      },
    });
    provideServices(services);
    try {
      // A flush that waits at the mailer: while it runs, a request's flush joins it and sends
      // no statement of its own, so each log below is the request's work alone.
      await services.database.db.transaction((tx) =>
        services.mail.enqueue(tx, {
          kind: "reset-password",
          to: uniqueEmail(),
          data: { resetUrl: "http://localhost/reset-password?token=held", expiresInMinutes: 30 },
        }),
      );
      const held = services.mail.flush();
      await reached;

      log.statements.length = 0;
      const knownAnswer = await askReset(email);
      const known = log.statements.splice(0).map(workOf);
      const unknownAnswer = await askReset(stranger);
      const unknown = log.statements.splice(0).map(workOf);

      expect(knownAnswer.status).toBe(200);
      expect(unknownAnswer.status).toBe(200);
      expect(known).toEqual([
        "read", // the account by email
        "delete from password_reset_tokens",
        "insert into password_reset_tokens",
        "read", // the recipient's language
        "insert into mail_outbox",
        "insert into audit_logs",
      ]);
      // PGlite's driver lists the savepoint pair, postgres.js's does not.
      expect(unknown.filter((work) => work !== "savepoint")).toEqual(
        known.filter((work) => work !== "insert into password_reset_tokens"),
      );
      expect(unknown.filter((work) => work === "savepoint").length).toBe(
        studio.database.kind === "pglite" ? 2 : 0,
      );

      // Nothing was delivered while either request ran: delivery is not part of the answer.
      const outbox = await studio.services.database.db
        .select({ to: mailOutbox.toEmail })
        .from(mailOutbox)
        .where(eq(mailOutbox.kind, "reset-password"));
      expect(outbox.map((row) => row.to)).toContain(email);
      expect(outbox.map((row) => row.to)).not.toContain(stranger);
      expect(delivered).toEqual([]);
      openGate();
      await held;
    } finally {
      openGate();
      provideServices(studio.services);
    }
  });
});
