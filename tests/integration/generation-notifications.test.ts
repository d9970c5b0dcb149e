import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as imageRoute from "@/app/api/v1/images/[id]/route";
import * as generate from "@/app/api/v1/images/generate/route";
import * as unsubscribe from "@/app/api/v1/notifications/unsubscribe/route";
import * as settings from "@/app/api/v1/settings/route";
import type { Image, Settings } from "@/shared/api-types";
import { openPostgresDatabase } from "@/server/db/postgres-database";
import {
  createNotificationsService,
  GATHER_MS,
} from "@/server/notifications/generation-notifications";
import { createUnsubscribeLinks } from "@/server/notifications/unsubscribe-link";
import { ApiCaller, TEST_ORIGIN } from "../support/api-caller";
import {
  FAKE_GEMINI_KEY,
  startFakeGeminiServer,
  type FakeGeminiServer,
} from "../support/fake-gemini-server";
import {
  FAKE_RESEND_KEY,
  startFakeResendServer,
  type FakeResendServer,
  type ReceivedEmail,
} from "../support/fake-resend-server";
import { signUp, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

const APP_URL = "https://studio.example.com";
const HOUR = 60 * 60 * 1000;
let gemini: FakeGeminiServer;
let resend: FakeResendServer;
let studio: TestStudio;

beforeAll(async () => {
  gemini = await startFakeGeminiServer();
  resend = await startFakeResendServer();
  studio = await startTestStudio({
    GEMINI_API_KEY: FAKE_GEMINI_KEY,
    GEMINI_API_BASE_URL: gemini.url,
    DEMO_PROVIDER: "off",
    RESEND_API_KEY: FAKE_RESEND_KEY,
    RESEND_BASE_URL: resend.url,
    APP_URL,
    EMAIL_FROM: "AI Image Studio <studio@example.com>",
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    GENERATE_RATE_LIMIT_PER_MINUTE: "1000",
    DAILY_GENERATION_LIMIT: "1000",
  });
});
afterAll(async () => {
  await studio?.dispose();
  await resend?.close();
  await gemini?.close();
});
beforeEach(async () => {
  await studio.database.query("delete from public.generation_notifications");
  await studio.database.query("delete from public.mail_outbox");
  resend.reset();
});

// ---------------------------------------------------------------------------------------------

const READY = /images? (is|are) ready/;

/** "Ready" mails Resend delivered to this address (account mail, e.g. verification, aside). */
const readyMailTo = (email: string): ReceivedEmail[] =>
  resend.delivered.filter((mail) => mail.to.includes(email) && READY.test(mail.subject));

/** The flush a request (or the cron) makes once the batch is due, `ms` from now. */
async function flushAfter(ms: number) {
  const made = await studio.services.notifications.enqueueDue(Date.now() + ms);
  const sent = await studio.services.mail.flush();
  return { ...made, ...sent };
}

const cookieOf = (caller: ApiCaller) =>
  [...caller.cookies].map(([name, value]) => `${name}=${value}`).join("; ");

async function generateJson(
  person: SignedUp,
  prompt: string,
  headers: Record<string, string> = {},
) {
  const response = await person.caller.call<{ image: Image }>(generate.POST, {
    method: "POST",
    path: "/api/v1/images/generate",
    body: { prompt },
    headers,
  });
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return response.body.data.image;
}

/** As the offline outbox's replay sends a queued prompt (src/lib/offline/outbox-flush.ts). */
const generateFromOutbox = (person: SignedUp, prompt: string) =>
  generateJson(person, prompt, {
    "X-Studio-Origin": "outbox",
    "Idempotency-Key": `outbox-${crypto.randomUUID()}`,
  });

/** A generate request whose client goes away (the tab closes) while Gemini is still working. */
function leavingRequest(person: SignedUp, prompt: string, accept: string) {
  const controller = new AbortController();
  const request = new NextRequest(new URL("/api/v1/images/generate", TEST_ORIGIN), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept,
      origin: TEST_ORIGIN,
      cookie: cookieOf(person.caller),
    },
    body: JSON.stringify({ prompt }),
    signal: controller.signal,
  });
  return { request, leave: () => controller.abort() };
}

async function notesOf(userId: string) {
  return studio.database.query<{ image_id: string; reason: string; due_at: Date | string }>(
    "select image_id, reason, due_at from public.generation_notifications where user_id = $1",
    [userId],
  );
}

async function outboxKeys(userId: string) {
  const rows = await studio.database.query<{ dedupe_key: string }>(
    "select dedupe_key from public.mail_outbox where user_id = $1 and kind = 'generation-finished' order by created_at",
    [userId],
  );
  return rows.map((row) => row.dedupe_key);
}

async function settingsOf(person: SignedUp): Promise<Settings> {
  const response = await person.caller.call<Settings>(settings.GET, { path: "/api/v1/settings" });
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return response.body.data;
}

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

// ---------------------------------------------------------------------------------------------

describe("mail when images finish while the person is away", () => {
  it("mails once, a minute after a prompt the offline outbox sent, with a one-click unsubscribe", async () => {
    const person = await signUp("outbox");
    const image = await generateFromOutbox(person, "a paper boat on a rainy street");
    expect(await notesOf(person.user.id)).toEqual([
      expect.objectContaining({ image_id: image.id, reason: "outbox" }),
    ]);

    // Not yet: more queued prompts may follow within the minute.
    expect(await flushAfter(0)).toMatchObject({ notificationMailsQueued: 0 });
    expect(readyMailTo(person.email)).toEqual([]);

    expect(await flushAfter(GATHER_MS + 1_000)).toMatchObject({ notificationMailsQueued: 1 });
    const [mail, ...more] = readyMailTo(person.email);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe("Your image is ready");
    expect(mail!.text).toContain("a paper boat on a rainy street");
    expect(mail!.text).toContain(`${APP_URL}/images/${image.id}`);
    expect(mail!.html).toContain(`href="${APP_URL}/gallery"`);
    const links = studio.services.notifications.links;
    // The footer opens the page that asks; the header is the URL mail clients POST to (RFC 8058).
    expect(mail!.text).toContain(`Unsubscribe: ${links.pageUrl(person.user.id)}`);
    expect(mail!.headers).toMatchObject({
      "List-Unsubscribe": `<${links.oneClickUrl(person.user.id)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(links.oneClickUrl(person.user.id)).toMatch(
      new RegExp(
        `^${APP_URL}/api/v1/notifications/unsubscribe\\?u=${person.user.id}&s=[\\w-]{43}$`,
      ),
    );
    expect(await notesOf(person.user.id)).toEqual([]);

    // Flushing again (another request, the cron) sends nothing more.
    expect(await flushAfter(GATHER_MS + 2_000)).toMatchObject({ notificationMailsQueued: 0 });
    expect(readyMailTo(person.email)).toHaveLength(1);
  });

  it("batches three finished within the minute into one mail, and the next waits an hour after it", async () => {
    const person = await signUp("batch");
    const prompts = ["a red kite", "a green kite", "a blue kite"];
    for (const prompt of prompts) await generateFromOutbox(person, prompt);
    expect(await notesOf(person.user.id)).toHaveLength(3);

    expect(await flushAfter(GATHER_MS + 1_000)).toMatchObject({ notificationMailsQueued: 1 });
    const [mail, ...more] = readyMailTo(person.email);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe("3 of your images are ready");
    // Newest first.
    const at = prompts.map((prompt) => mail!.text!.indexOf(prompt));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect(at[2]).toBeLessThan(at[1]!);
    expect(at[1]).toBeLessThan(at[0]!);

    // A fourth, minutes later: it waits until an hour after the first mail.
    const fourth = await generateFromOutbox(person, "a yellow kite");
    const [note] = await notesOf(person.user.id);
    const sentAt = (
      await studio.database.query<{ created_at: Date | string }>(
        "select created_at from public.mail_outbox where user_id = $1 and kind = 'generation-finished'",
        [person.user.id],
      )
    )[0]!.created_at;
    expect(new Date(note!.due_at).getTime()).toBe(new Date(sentAt).getTime() + HOUR);
    expect(await flushAfter(5 * 60_000)).toMatchObject({ notificationMailsQueued: 0 });
    expect(readyMailTo(person.email)).toHaveLength(1);

    expect(await flushAfter(HOUR + 60_000)).toMatchObject({ notificationMailsQueued: 1 });
    const second = readyMailTo(person.email)[1]!;
    expect(second.subject).toBe("Your image is ready");
    expect(second.text).toContain(`${APP_URL}/images/${fourth.id}`);
    expect(second.text).not.toContain("a red kite");
    // Two mails, two hours: the outbox's dedupe keys differ.
    const keys = await outboxKeys(person.user.id);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    expect(keys[0]).toMatch(
      new RegExp(`^generation-finished:${person.user.id}:\\d{4}-\\d\\d-\\d\\dT\\d\\d$`),
    );
  });

  it("sends nothing when email notifications are off when the mail is due", async () => {
    const person = await signUp("quiet");
    await generateFromOutbox(person, "a quiet harbour");
    const off = await person.caller.call<Settings>(settings.PATCH, {
      method: "PATCH",
      path: "/api/v1/settings",
      body: { emailNotifications: false },
    });
    expect(off.status).toBe(200);
    expect(await flushAfter(GATHER_MS + 1_000)).toMatchObject({
      notificationMailsQueued: 0,
      notificationsDropped: 1,
    });
    expect(readyMailTo(person.email)).toEqual([]);
    expect(await notesOf(person.user.id)).toEqual([]);
  });

  it("drops an image deleted before its mail, and mails the rest", async () => {
    const person = await signUp("deleter");
    const kept = await generateFromOutbox(person, "a kept lantern");
    const gone = await generateFromOutbox(person, "a deleted lantern");
    const deleted = await person.caller.call(imageRoute.DELETE, {
      method: "DELETE",
      path: `/api/v1/images/${gone.id}`,
      params: { id: gone.id },
    });
    expect(deleted.status).toBe(200);
    await flushAfter(GATHER_MS + 1_000);
    const [mail, ...more] = readyMailTo(person.email);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe("Your image is ready");
    expect(mail!.text).toContain(kept.id);
    expect(mail!.text).not.toContain(gone.id);
    expect(mail!.text).not.toContain("a deleted lantern");
  });

  it("mails when the client left an event stream before the image was stored (a closed tab)", async () => {
    const person = await signUp("closed-tab");
    gemini.enqueue({ kind: "delay", ms: 400 });
    const { request, leave } = leavingRequest(
      person,
      "a lighthouse nobody watched",
      "text/event-stream",
    );
    const response = await generate.POST(request, { params: Promise.resolve({}) });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    // The tab closes: the browser drops the connection.
    leave();
    await response.body?.cancel();
    await expect
      .poll(async () => (await notesOf(person.user.id)).map((note) => note.reason), {
        timeout: 10_000,
      })
      .toEqual(["away"]);
    await flushAfter(GATHER_MS + 1_000);
    const [mail] = readyMailTo(person.email);
    expect(mail!.text).toContain("a lighthouse nobody watched");
  });

  it("mails when the client of a JSON generate went away before the answer", async () => {
    const person = await signUp("gone-json");
    gemini.enqueue({ kind: "delay", ms: 400 });
    const { request, leave } = leavingRequest(person, "a comet over the hills", "application/json");
    const answer = generate.POST(request, { params: Promise.resolve({}) });
    setTimeout(leave, 100);
    expect((await answer).status).toBe(201);
    expect((await notesOf(person.user.id)).map((note) => note.reason)).toEqual(["away"]);
    await flushAfter(GATHER_MS + 1_000);
    expect(readyMailTo(person.email)).toHaveLength(1);
  });

  it("never mails about a generation its client watched to the end (JSON or event stream)", async () => {
    const person = await signUp("watcher");
    await generateJson(person, "a watched kettle");
    const stream = await person.caller.raw(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt: "a watched stream" },
      headers: { accept: "text/event-stream" },
    });
    expect(await stream.text()).toContain("event: done");
    expect(await notesOf(person.user.id)).toEqual([]);
    await flushAfter(2 * HOUR);
    expect(readyMailTo(person.email)).toEqual([]);
  });

  it("notes an Idempotency-Key replay of the outbox once, not twice", async () => {
    const person = await signUp("replay");
    const headers = { "X-Studio-Origin": "outbox", "Idempotency-Key": "outbox-replayed-key" };
    const first = await generateJson(person, "a twice-sent swan", headers);
    const again = await generateJson(person, "a twice-sent swan", headers);
    expect(again.id).toBe(first.id);
    expect(await notesOf(person.user.id)).toHaveLength(1);
  });

  it("makes each user's mail exactly once under two concurrent flushers", async () => {
    const people = await Promise.all([signUp("race-a"), signUp("race-b"), signUp("race-c")]);
    for (const person of people) {
      await generateFromOutbox(person, `a race for ${person.user.name}`);
      await generateFromOutbox(person, `a second race for ${person.user.name}`);
    }
    // On a server, the second flusher is another instance: its own connection pool.
    const other = studio.database.url
      ? openPostgresDatabase(studio.database.url, { max: 4 })
      : null;
    try {
      const otherFlusher = createNotificationsService({
        db: other?.db ?? studio.services.database.db,
        links: studio.services.notifications.links,
        context: studio.services.mail.context,
      });
      const at = Date.now() + GATHER_MS + 1_000;
      const reports = await Promise.all([
        studio.services.notifications.enqueueDue(at),
        otherFlusher.enqueueDue(at),
        studio.services.notifications.enqueueDue(at),
      ]);
      expect(reports.reduce((sum, report) => sum + report.notificationMailsQueued, 0)).toBe(
        people.length,
      );
    } finally {
      await other?.close();
    }
    await Promise.all([studio.services.mail.flush(), studio.services.mail.flush()]);
    for (const person of people) {
      const mails = readyMailTo(person.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe("2 of your images are ready");
      expect(await outboxKeys(person.user.id)).toHaveLength(1);
    }
  });
});

describe("the signed unsubscribe link", () => {
  it("turns notifications off by RFC 8058 one-click POST, without signing in", async () => {
    const person = await signUp("unsubscriber");
    const url = studio.services.notifications.links.oneClickUrl(person.user.id);
    const stranger = new ApiCaller();
    // As a mail provider's server POSTs it: a form body, no Origin, no cookie.
    const response = await unsubscribe.POST(
      new NextRequest(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      { params: Promise.resolve({}) },
    );
    const answer = { status: response.status, body: (await response.json()) as unknown };
    expect(answer).toMatchObject({
      status: 200,
      body: { success: true, data: { unsubscribed: true } },
    });
    expect((await settingsOf(person)).emailNotifications).toBe(false);
    const [audit] = await studio.database.query<{
      action: string;
      actor_id: string | null;
      metadata: unknown;
    }>("select action, actor_id, metadata from public.audit_logs where target_id = $1", [
      person.user.id,
    ]);
    expect(audit).toMatchObject({
      action: "settings.update",
      actor_id: null,
      metadata: { fields: ["emailNotifications"], via: "unsubscribe link" },
    });

    // Again (the person clicks twice, or the page after the mail client): the same answer.
    const multipart = new FormData();
    multipart.set("List-Unsubscribe", "One-Click");
    const twice = await stranger.call(unsubscribe.POST, {
      method: "POST",
      path: pathOf(url),
      form: multipart,
      origin: null,
    });
    expect(twice.status).toBe(200);

    // Settings turns them back on; the page's JSON form of the same POST turns them off.
    await person.caller.call(settings.PATCH, {
      method: "PATCH",
      path: "/api/v1/settings",
      body: { emailNotifications: true },
    });
    const fromPage = await stranger.call(unsubscribe.POST, {
      method: "POST",
      path: pathOf(url),
      body: { "List-Unsubscribe": "One-Click" },
    });
    expect(fromPage.status).toBe(200);
    expect((await settingsOf(person)).emailNotifications).toBe(false);
  });

  it("refuses a wrong, moved or cut signature with 404 and changes nothing", async () => {
    const person = await signUp("kept");
    const other = await signUp("other");
    const links = studio.services.notifications.links;
    const good = new URL(links.oneClickUrl(person.user.id));
    const signature = good.searchParams.get("s")!;
    const cases = [
      // One character changed.
      `?u=${person.user.id}&s=${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`,
      `?u=${person.user.id}&s=${signature.slice(0, 20)}`,
      // A valid signature is for its own user only.
      `?u=${other.user.id}&s=${signature}`,
      `?u=not-a-uuid&s=${signature}`,
    ];
    for (const query of cases) {
      const answer = await new ApiCaller().call(unsubscribe.POST, {
        method: "POST",
        path: `/api/v1/notifications/unsubscribe${query}`,
        body: { "List-Unsubscribe": "One-Click" },
      });
      expect(answer, query).toMatchObject({
        status: 404,
        body: { success: false, error: { code: "NOT_FOUND" } },
      });
    }
    const missing = await new ApiCaller().call(unsubscribe.POST, {
      method: "POST",
      path: `/api/v1/notifications/unsubscribe?u=${person.user.id}`,
      body: { "List-Unsubscribe": "One-Click" },
    });
    expect(missing.status).toBe(400);
    const wrongBody = await new ApiCaller().call(unsubscribe.POST, {
      method: "POST",
      path: pathOf(good.toString()),
      body: { "List-Unsubscribe": "Yes" },
    });
    expect(wrongBody.status).toBe(400);
    expect((await settingsOf(person)).emailNotifications).toBe(true);
    expect((await settingsOf(other)).emailNotifications).toBe(true);
  });

  it("answers a GET (a browser, a mail scanner) with the page that asks, changing nothing", async () => {
    const person = await signUp("scanned");
    const url = studio.services.notifications.links.oneClickUrl(person.user.id);
    const response = await new ApiCaller().raw(unsubscribe.GET, { path: pathOf(url) });
    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    expect(location).toBe(pathOf(studio.services.notifications.links.pageUrl(person.user.id)));
    expect(location.startsWith("/unsubscribe?u=")).toBe(true);
    expect((await settingsOf(person)).emailNotifications).toBe(true);
    // The page's own reading of the link: whom it is for, masked.
    const target = await studio.services.notifications.describeUnsubscribe({
      userId: person.user.id,
      signature: new URL(url).searchParams.get("s")!,
    });
    expect(target).toEqual({
      maskedEmail: `${person.email.slice(0, 2)}•••@example.com`,
      emailNotifications: true,
    });
  });

  it("keeps links made before an APP_SECRET rotation working while the old secret is listed", async () => {
    const before = createUnsubscribeLinks({ appUrl: APP_URL, secret: "the-old-secret-".repeat(3) });
    const after = createUnsubscribeLinks({
      appUrl: APP_URL,
      secret: "the-new-secret-".repeat(3),
      previousSecrets: ["the-old-secret-".repeat(3)],
    });
    const userId = crypto.randomUUID();
    const oldSignature = new URL(before.oneClickUrl(userId)).searchParams.get("s")!;
    expect(after.verify(userId, oldSignature)).toBe(true);
    expect(
      createUnsubscribeLinks({ appUrl: APP_URL, secret: "the-new-secret-".repeat(3) }).verify(
        userId,
        oldSignature,
      ),
    ).toBe(false);
  });
});
