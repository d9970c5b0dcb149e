import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as cron from "@/app/api/cron/daily/route";
import * as templates from "@/app/api/v1/templates/route";
import type { Database } from "@/server/db/database";
import { openPostgresDatabase } from "@/server/db/postgres-database";
import { listStoredMail, readStoredMail } from "@/server/mail/file-mailer";
import { flushMailOutbox, mailIdempotencyKey } from "@/server/mail/mail-outbox";
import { createMailer } from "@/server/services";
import { ApiCaller } from "../support/api-caller";
import {
  FAKE_RESEND_KEY,
  startFakeResendServer,
  type FakeResendServer,
} from "../support/fake-resend-server";
import { startTestStudio, type TestStudio } from "../support/test-services";

const CRON_SECRET = "cron-secret-for-tests-0123456789";
const FROM = "AI Image Studio <studio@example.com>";
let resend: FakeResendServer;
let studio: TestStudio;

beforeAll(async () => {
  resend = await startFakeResendServer();
  studio = await startTestStudio({
    RESEND_API_KEY: FAKE_RESEND_KEY,
    RESEND_BASE_URL: resend.url,
    APP_URL: "https://studio.example.com",
    EMAIL_FROM: FROM,
    CRON_SECRET,
  });
});
afterAll(async () => {
  await studio?.dispose();
  await resend?.close();
});
beforeEach(async () => {
  // Each test starts from an empty outbox and a Resend that has seen nothing.
  await studio.database.query("delete from public.mail_outbox");
  resend.reset();
  resend.latencyMs = 0;
});

const db = () => studio.services.database.db;
let unique = 0;

async function enqueueReset(tx: Database, to = `person${++unique}@example.com`) {
  return studio.services.mail.enqueue(tx, {
    kind: "reset-password",
    to,
    data: { resetUrl: `https://studio.example.com/reset?token=t${unique}`, expiresInMinutes: 30 },
  });
}

async function outboxRows() {
  return studio.database.query<{
    id: string;
    status: string;
    attempts: number;
    next_attempt_at: Date | string;
    last_error: string | null;
    provider_message_id: string | null;
  }>(
    "select id, status, attempts, next_attempt_at, last_error, provider_message_id from public.mail_outbox order by created_at, id",
  );
}

const flushAt = (now: number, extra: Partial<Parameters<typeof flushMailOutbox>[0]> = {}) =>
  flushMailOutbox({
    db: db(),
    mailer: createMailer(studio.config),
    from: FROM,
    now: () => now,
    ...extra,
  });

describe("the mail outbox through the Resend SDK", () => {
  it("sends a committed mail once, in Resend's wire format, with the row's idempotency key", async () => {
    const id = await db().transaction((tx) => enqueueReset(tx, "reader@example.com"));
    expect(id).toBeTruthy();
    expect(resend.requests).toHaveLength(0); // nothing leaves before a flush

    const report = await studio.services.mail.flush();
    expect(report).toMatchObject({ mailSent: 1, mailRetried: 0, mailFailed: 0, mailPending: 0 });
    expect(resend.requests).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/emails",
        status: 200,
        key: "valid",
        idempotencyKey: mailIdempotencyKey(id!),
      }),
    ]);
    const [sent] = resend.delivered;
    expect(sent).toMatchObject({
      from: FROM,
      to: ["reader@example.com"],
      subject: "Reset your AI Image Studio password",
    });
    expect(sent!.html).toContain('href="https://studio.example.com/reset?token=t');
    expect(sent!.text).toContain("https://studio.example.com/reset?token=t");
    const [row] = await outboxRows();
    expect(row).toMatchObject({ status: "sent", attempts: 1, provider_message_id: sent!.id });

    // A second flush finds nothing to do.
    expect((await studio.services.mail.flush()).mailSent).toBe(0);
    expect(resend.requests).toHaveLength(1);
  });

  it("never sends a mail enqueued in a transaction that rolled back", async () => {
    await expect(
      db().transaction(async (tx) => {
        await enqueueReset(tx);
        throw new Error("the change failed after the mail was queued");
      }),
    ).rejects.toThrow(/change failed/);
    expect(await outboxRows()).toEqual([]);
    expect(await studio.services.mail.flush()).toMatchObject({ mailSent: 0, mailPending: 0 });
    expect(resend.requests).toHaveLength(0);
  });

  it("sends each message exactly once when two flushers run at the same time", async () => {
    const count = 24;
    for (let i = 0; i < count; i++) await db().transaction((tx) => enqueueReset(tx));
    // Answers take a while, so the two flushers' batches really overlap.
    resend.latencyMs = 15;
    // On a server, the second flusher is another instance: its own connection pool.
    const other = studio.database.url
      ? openPostgresDatabase(studio.database.url, { max: 4 })
      : null;
    try {
      const now = Date.now();
      const reports = await Promise.all([
        flushAt(now, { batchSize: 3 }),
        flushMailOutbox({
          db: other?.db ?? db(),
          mailer: createMailer(studio.config),
          from: FROM,
          now: () => now,
          batchSize: 3,
        }),
      ]);
      expect(reports[0].mailSent + reports[1].mailSent).toBe(count);
      // Both took part (otherwise this proves nothing about concurrency).
      expect(reports[0].mailSent).toBeGreaterThan(0);
      expect(reports[1].mailSent).toBeGreaterThan(0);
    } finally {
      await other?.close();
    }
    // One request per message: not two requests that Resend's idempotency had to fold.
    expect(resend.requests).toHaveLength(count);
    expect(new Set(resend.requests.map((request) => request.idempotencyKey)).size).toBe(count);
    expect(resend.delivered).toHaveLength(count);
    const rows = await outboxRows();
    expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
  });

  it("retries a Resend outage (5xx, then 429) with backoff and delivers once it recovers", async () => {
    const id = await db().transaction((tx) => enqueueReset(tx));
    resend.enqueue(
      { kind: "error", status: 500 },
      { kind: "error", status: 503 },
      { kind: "error", status: 429, retryAfterSeconds: 900 },
    );
    // A minute after the database stamped the row due (a fixed date would be in the past of
    // the row's own timestamp once the real clock passed it).
    const start = Date.now() + 60_000;
    const nextAttempt = async () => new Date((await outboxRows())[0]!.next_attempt_at).getTime();

    expect(await flushAt(start)).toMatchObject({ mailSent: 0, mailRetried: 1, mailPending: 1 });
    let row = (await outboxRows())[0]!;
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.last_error).toMatch(/500/);
    // First step: between half and all of a minute.
    let due = await nextAttempt();
    expect(due - start).toBeGreaterThanOrEqual(30_000);
    expect(due - start).toBeLessThanOrEqual(60_000);

    // Not due yet: nothing is sent.
    expect(await flushAt(due - 1)).toMatchObject({ mailSent: 0, mailRetried: 0, mailPending: 1 });
    expect(resend.requests).toHaveLength(1);

    expect(await flushAt(due)).toMatchObject({ mailRetried: 1 });
    const second = due;
    due = await nextAttempt();
    // Second step: one to two minutes.
    expect(due - second).toBeGreaterThanOrEqual(60_000);
    expect(due - second).toBeLessThanOrEqual(120_000);

    expect(await flushAt(due)).toMatchObject({ mailRetried: 1 });
    const third = due;
    due = await nextAttempt();
    // The 429 asked for 15 minutes: that wins over the shorter backoff.
    expect(due - third).toBe(900_000);
    row = (await outboxRows())[0]!;
    expect(row).toMatchObject({ status: "pending", attempts: 3 });
    expect(row.last_error).toMatch(/429/);

    // Resend is back.
    expect(await flushAt(due)).toMatchObject({ mailSent: 1, mailPending: 0 });
    expect(resend.requests.map((request) => request.status)).toEqual([500, 503, 429, 200]);
    expect(new Set(resend.requests.map((request) => request.idempotencyKey))).toEqual(
      new Set([mailIdempotencyKey(id!)]),
    );
    expect(resend.delivered).toHaveLength(1);
    expect((await outboxRows())[0]).toMatchObject({ status: "sent", attempts: 4 });
  });

  it("does not send twice when Resend accepted a message but its answer was lost", async () => {
    await db().transaction((tx) => enqueueReset(tx));
    resend.enqueue({ kind: "accept-then-disconnect" });
    const start = Date.now();
    expect(await flushAt(start)).toMatchObject({ mailSent: 0, mailRetried: 1 });
    expect(resend.delivered).toHaveLength(1);

    // The retry carries the same idempotency key, so Resend answers without sending again.
    expect(await flushAt(start + 60 * 60_000)).toMatchObject({ mailSent: 1 });
    expect(resend.requests).toHaveLength(2);
    expect(resend.requests[0]!.idempotencyKey).toBe(resend.requests[1]!.idempotencyKey);
    expect(resend.delivered).toHaveLength(1);
  });

  it("takes over a message whose sender died mid-send once its lease has run out", async () => {
    await db().transaction((tx) => enqueueReset(tx));
    const start = Date.now();
    // A flusher claimed it and died: the row is `sending` with a lease.
    await studio.database.query(
      "update public.mail_outbox set status = 'sending', attempts = 1, next_attempt_at = $1",
      [new Date(start + 10 * 60_000).toISOString()],
    );
    expect(await flushAt(start)).toMatchObject({ mailSent: 0, mailPending: 1 });
    expect(resend.requests).toHaveLength(0);
    expect(await flushAt(start + 10 * 60_000)).toMatchObject({ mailSent: 1, mailPending: 0 });
    expect(resend.delivered).toHaveLength(1);
    expect((await outboxRows())[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("gives up after the last attempt, and at once on a refusal that will not pass, leaving it for the operator", async () => {
    await db().transaction((tx) => enqueueReset(tx, "first@example.com"));
    const policy = { baseMs: 1000, capMs: 10_000, maxAttempts: 3 };
    resend.enqueue(
      { kind: "error", status: 502 },
      { kind: "disconnect" },
      { kind: "error", status: 500 },
    );
    let now = Date.now();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await flushAt(now, { policy });
      now += 60_000;
    }
    let [row] = await outboxRows();
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
    expect(row!.last_error).toMatch(/500/);
    // A failed mail stays failed: later flushes do not touch it.
    expect(await flushAt(now + 3_600_000, { policy })).toMatchObject({
      mailSent: 0,
      mailPending: 0,
    });
    expect(resend.requests).toHaveLength(3);

    await studio.database.query("delete from public.mail_outbox");
    await db().transaction((tx) => enqueueReset(tx, "second@example.com"));
    resend.enqueue({ kind: "error", status: 422, message: "Invalid `to` field" });
    expect(await flushAt(now, { policy })).toMatchObject({ mailFailed: 1, mailPending: 0 });
    [row] = await outboxRows();
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row!.last_error).toMatch(/422 validation_error/);
  });

  it("keeps one mail per dedupe key, however often it is asked for", async () => {
    const ask = () =>
      db().transaction((tx) =>
        studio.services.mail.enqueue(tx, {
          kind: "generation-finished",
          to: "notify@example.com",
          dedupeKey: "generation-finished:user-1:2026-12-06T10",
          data: {
            generations: [{ prompt: "a paper boat", url: "https://studio.example.com/images/1" }],
            galleryUrl: "https://studio.example.com/gallery",
            unsubscribeUrl: "https://studio.example.com/unsubscribe?u=1",
          },
        }),
      );
    expect(await ask()).toBeTruthy();
    expect(await ask()).toBeNull();
    await studio.services.mail.flush();
    expect(resend.delivered).toHaveLength(1);
    expect(resend.delivered[0]!.headers).toMatchObject({
      "List-Unsubscribe": "<https://studio.example.com/unsubscribe?u=1>",
    });
  });

  it("is flushed by the daily cron, and after a request without waiting for it", async () => {
    await db().transaction((tx) => enqueueReset(tx));
    const response = await new ApiCaller().call<{ mailSent: number }>(cron.GET, {
      path: "/api/cron/daily",
      headers: { authorization: `Bearer ${CRON_SECRET}` },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ success: true, data: { mailSent: 1, mailPending: 0 } });

    await db().transaction((tx) => enqueueReset(tx));
    studio.services.mail.flushAfterResponse();
    await vi.waitFor(() => expect(resend.delivered).toHaveLength(2), { timeout: 10_000 });
  });

  it("sends waiting mail on the next request to any API route, even if nobody flushed it", async () => {
    await db().transaction((tx) => enqueueReset(tx));
    expect(resend.requests).toHaveLength(0);
    const response = await new ApiCaller().call(templates.GET, { path: "/api/v1/templates" });
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(resend.delivered).toHaveLength(1), { timeout: 10_000 });
    await vi.waitFor(async () => expect((await outboxRows())[0]?.status).toBe("sent"));
  });
});

describe("the embedded mailer", () => {
  let embedded: TestStudio;
  beforeAll(async () => {
    embedded = await startTestStudio({ APP_URL: "http://localhost:3000" });
  });
  afterAll(async () => {
    await embedded?.dispose();
  });

  it("writes each message as JSON (headers, html, text) and HTML under DATA_DIR/mail", async () => {
    const ids: string[] = [];
    for (const to of ["one@example.com", "two@example.com"]) {
      const id = await embedded.services.database.db.transaction((tx) =>
        embedded.services.mail.enqueue(tx, {
          kind: "verify-email",
          to,
          data: {
            name: "<b>Ann</b>",
            verifyUrl: "http://localhost:3000/verify?token=abc",
            expiresInHours: 48,
          },
        }),
      );
      ids.push(id!);
      // Stored times are to the millisecond: keep the two apart so "newest first" is defined.
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await embedded.services.mail.flush()).toMatchObject({ mailSent: 1 });
    }
    const dir = join(embedded.config.dataDir, "mail");
    for (const id of ids) {
      expect(existsSync(join(dir, `${id}.html`))).toBe(true);
      const stored = JSON.parse(readFileSync(join(dir, `${id}.json`), "utf8"));
      expect(stored).toMatchObject({
        id,
        kind: "verify-email",
        headers: { from: "AI Image Studio <studio@localhost>", subject: expect.any(String) },
      });
      expect(stored.html).toContain("Welcome, &lt;b&gt;Ann&lt;/b&gt;");
      expect(stored.text).toContain("http://localhost:3000/verify?token=abc");
      expect(readFileSync(join(dir, `${id}.html`), "utf8")).toBe(stored.html);
    }
    const listed = await listStoredMail(dir);
    expect(listed.map((mail) => mail.headers.to)).toEqual(["two@example.com", "one@example.com"]);
    expect((await readStoredMail(dir, ids[0]!))?.headers.to).toBe("one@example.com");
    // Only outbox ids are ever read back: never a path someone typed.
    expect(await readStoredMail(dir, "../pglite/PG_VERSION")).toBeNull();
    const rows = await embedded.database.query<{ status: string }>(
      "select status from public.mail_outbox",
    );
    expect(rows.map((row) => row.status)).toEqual(["sent", "sent"]);
  });
});
