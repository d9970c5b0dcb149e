import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cron from "@/app/api/cron/daily/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as generation from "@/app/api/v1/generations/[id]/route";
import * as generate from "@/app/api/v1/images/generate/route";
import type { GenerationJob, Image, Profile } from "@/shared/api-types";
import { openPostgresDatabase } from "@/server/db/postgres-database";
import { reapStaleJobs } from "@/server/generation/generation-jobs";
import { consumeQuota, utcDay, utcMonthStart } from "@/server/quotas/quota-service";
import { ApiCaller, TEST_ORIGIN } from "../support/api-caller";
import {
  FAKE_GEMINI_KEY,
  startFakeGeminiServer,
  type FakeGeminiServer,
} from "../support/fake-gemini-server";
import { signUp, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

/**
 * Generations as jobs (issue #13): batches and their quota, the job row that outlives the
 * request, GET /generations/:id and its resumable event stream, and the reaper of dead jobs.
 * The Gemini SDK talks to the local fake server (tests/support/fake-gemini-server.ts).
 */
let gemini: FakeGeminiServer;
let studio: TestStudio;
const CRON_SECRET = "cron-secret-for-generation-jobs-0123";

beforeAll(async () => {
  gemini = await startFakeGeminiServer();
  studio = await startTestStudio({
    GEMINI_API_KEY: FAKE_GEMINI_KEY,
    GEMINI_API_BASE_URL: gemini.url,
    DEMO_PROVIDER: "off",
    DAILY_GENERATION_LIMIT: "5",
    GENERATE_RATE_LIMIT_PER_MINUTE: "1000",
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    CRON_SECRET,
  });
});
afterAll(async () => {
  await studio?.dispose();
  await gemini?.close();
});

interface BatchAnswer {
  image: Image;
  images: Image[];
  failed: { error: { code: string; message: string } }[];
}

const generateJson = (person: SignedUp, body: Record<string, unknown>, headers = {}) =>
  person.caller.call<BatchAnswer>(generate.POST, {
    method: "POST",
    path: "/api/v1/images/generate",
    body,
    headers,
  });

const getJob = (caller: ApiCaller, id: string) =>
  caller.call<GenerationJob>(generation.GET, {
    path: `/api/v1/generations/${id}`,
    params: { id },
  });

const streamJob = (caller: ApiCaller, id: string, lastEventId?: number) =>
  caller.raw(generation.GET, {
    path: `/api/v1/generations/${id}`,
    params: { id },
    headers: {
      accept: "text/event-stream",
      ...(lastEventId === undefined ? {} : { "last-event-id": String(lastEventId) }),
    },
  });

interface SseEvent {
  event: string;
  id: number | null;
  data: Record<string, unknown>;
}

/** Parses a whole event stream: every field of every block, comments left out. */
function parseEvents(text: string): SseEvent[] {
  return text
    .split("\n\n")
    .map((block) => block.split("\n").filter((line) => line && !line.startsWith(":")))
    .filter((lines) => lines.length > 0)
    .map((lines) => {
      const field = (name: string) =>
        lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
      const id = field("id");
      return {
        event: field("event") ?? "message",
        id: id === undefined ? null : Number(id),
        data: JSON.parse(field("data") ?? "null") as Record<string, unknown>,
      };
    });
}

async function quotaOf(person: SignedUp) {
  const me = await person.caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
  if (!me.body.success) throw new Error("profile failed");
  return me.body.data.quota;
}

async function imagesOf(userId: string): Promise<number> {
  const [row] = await studio.database.query<{ n: number }>(
    "select count(*)::int as n from public.images where user_id = $1",
    [userId],
  );
  return row?.n ?? 0;
}

describe("batches", () => {
  it("makes four images for count 4, one quota unit each, as one job", async () => {
    const person = await signUp("batch");
    const answer = await generateJson(person, { prompt: "four lanterns", count: 4, seed: 7 });
    expect(answer.status).toBe(201);
    if (!answer.body.success) throw new Error(JSON.stringify(answer.body));
    const { image, images, failed } = answer.body.data;
    expect(images).toHaveLength(4);
    expect(failed).toEqual([]);
    expect(image.id).toBe(images[0]!.id);
    expect(new Set(images.map((each) => each.id)).size).toBe(4);
    // A given seed makes a batch of neighbours, not four copies.
    expect(images.map((each) => each.seed)).toEqual([7, 8, 9, 10]);
    expect(answer.headers.get("x-quota-remaining")).toBe("1");
    const generationId = answer.headers.get("x-generation-id")!;
    expect(generationId).toMatch(/^[0-9a-f-]{36}$/);

    const job = await getJob(person.caller, generationId);
    expect(job.status).toBe(200);
    expect(job.body.success && job.body.data).toMatchObject({
      id: generationId,
      status: "done",
      count: 4,
      error: null,
      failed: [],
    });
    expect(job.body.success && job.body.data.images.map((each) => each.id)).toEqual(
      images.map((each) => each.id),
    );
    const [held] = await studio.database.query<{ quota_held: number }>(
      "select quota_held from public.generation_jobs where id = $1",
      [generationId],
    );
    expect(held?.quota_held).toBe(0);
  });

  it("gives exactly five images to two four-image batches racing for five units", async () => {
    const person = await signUp("race");
    const answers = await Promise.all([
      generateJson(person, { prompt: "a racing kite", count: 4 }),
      generateJson(person, { prompt: "a racing kite", count: 4 }),
    ]);
    const made = answers.flatMap((answer) => (answer.body.success ? answer.body.data.images : []));
    const refused = answers.flatMap((answer) =>
      answer.body.success ? answer.body.data.failed : [],
    );
    expect(made).toHaveLength(5);
    expect(refused).toHaveLength(3);
    expect(refused.every((failure) => failure.error.code === "QUOTA_EXCEEDED")).toBe(true);
    expect(await imagesOf(person.user.id)).toBe(5);
    expect(await quotaOf(person)).toMatchObject({ usedToday: 5, remainingToday: 0 });

    // Nothing left: refused outright, no job, nothing spent.
    const none = await generateJson(person, { prompt: "one more", count: 2 });
    expect(none.status).toBe(429);
    expect(none.body).toMatchObject({ success: false, error: { code: "QUOTA_EXCEEDED" } });
    expect(none.headers.get("x-generation-id")).toBeNull();
  });

  it("keeps what was made and reports what failed; the failed image's unit comes back", async () => {
    const person = await signUp("partial");
    gemini.enqueue({ kind: "image" }, { kind: "prompt-blocked", blockReason: "SAFETY" });
    const answer = await generateJson(person, { prompt: "two harbours", count: 2 });
    expect(answer.status).toBe(201);
    if (!answer.body.success) throw new Error(JSON.stringify(answer.body));
    expect(answer.body.data.images).toHaveLength(1);
    expect(answer.body.data.failed).toEqual([
      { error: expect.objectContaining({ code: "CONTENT_BLOCKED" }) },
    ]);
    expect(await quotaOf(person)).toMatchObject({ usedToday: 1 });
    const job = await getJob(person.caller, answer.headers.get("x-generation-id")!);
    expect(job.body.success && job.body.data).toMatchObject({
      status: "done",
      failed: [{ error: { code: "CONTENT_BLOCKED" } }],
    });
  });

  it("answers the first failure's error when nothing was made, and spends nothing", async () => {
    const person = await signUp("all-failed");
    gemini.enqueue(
      { kind: "prompt-blocked", blockReason: "SAFETY" },
      { kind: "prompt-blocked", blockReason: "SAFETY" },
    );
    const answer = await generateJson(person, { prompt: "two blocked things", count: 2 });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ success: false, error: { code: "CONTENT_BLOCKED" } });
    const id = answer.headers.get("x-generation-id")!;
    expect(id).toBeTruthy();
    expect(await quotaOf(person)).toMatchObject({ usedToday: 0 });
    const job = await getJob(person.caller, id);
    expect(job.body.success && job.body.data).toMatchObject({
      status: "failed",
      images: [],
      error: { code: "CONTENT_BLOCKED" },
    });
  });

  it("refuses a count outside 1..4 and changes nothing", async () => {
    const person = await signUp("bad-count");
    for (const count of [0, 5, 1.5, "2"]) {
      const answer = await generateJson(person, { prompt: "ok", count });
      expect(answer.status, String(count)).toBe(400);
    }
    expect(await quotaOf(person)).toMatchObject({ usedToday: 0 });
  });

  it("answers an Idempotency-Key repeat with the first generation, spending nothing more", async () => {
    const person = await signUp("idem");
    const headers = { "idempotency-key": "batch-once" };
    const first = await generateJson(person, { prompt: "a pair of owls", count: 2 }, headers);
    const again = await generateJson(person, { prompt: "a pair of owls", count: 2 }, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("x-generation-id")).toBe(first.headers.get("x-generation-id"));
    const ids = (answer: typeof first) =>
      answer.body.success ? answer.body.data.images.map((image) => image.id) : [];
    expect(ids(again)).toEqual(ids(first));
    expect(await quotaOf(person)).toMatchObject({ usedToday: 2 });
  });
});

describe("the event stream", () => {
  it("sends progress, one image event per stored image and a done, each with an id", async () => {
    const person = await signUp("stream");
    const response = await person.caller.raw(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt: "three paper cranes", count: 3 },
      headers: { accept: "text/event-stream" },
    });
    expect(response.headers.get("x-generation-id")).toBeTruthy();
    const events = parseEvents(await response.text());
    const ids = events.map((event) => event.id);
    expect(ids.every((id) => id !== null)).toBe(true);
    expect(ids).toEqual([...ids].sort((a, b) => a! - b!));
    expect(new Set(ids).size).toBe(ids.length);
    const imageEvents = events.filter((event) => event.event === "image");
    expect(imageEvents).toHaveLength(3);
    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    expect((done.data.images as Image[]).map((image) => image.id).sort()).toEqual(
      imageEvents.map((event) => (event.data.image as Image).id).sort(),
    );
    expect(done.data).toMatchObject({ failed: [], replayed: false });
    expect((done.data.image as Image).id).toBe((done.data.images as Image[])[0]!.id);
  });

  it("replays from Last-Event-ID: only the events after it, ending with done", async () => {
    const person = await signUp("resume");
    const answer = await generateJson(person, { prompt: "two comets", count: 2 });
    const id = answer.headers.get("x-generation-id")!;
    const all = parseEvents(await (await streamJob(person.caller, id)).text());
    expect(all.at(-1)!.event).toBe("done");
    expect(all.filter((event) => event.event === "image")).toHaveLength(2);
    const cut = all[2]!.id!;
    const rest = parseEvents(await (await streamJob(person.caller, id, cut)).text());
    expect(rest.map((event) => event.id)).toEqual(all.slice(3).map((event) => event.id));
    expect(rest.at(-1)!.event).toBe("done");
  });

  it("follows a running job from Last-Event-ID until it is done", async () => {
    const person = await signUp("follow");
    gemini.enqueue({ kind: "delay", ms: 700 });
    const started = await person.caller.raw(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt: "a slow sunrise" },
      headers: { accept: "text/event-stream" },
    });
    const id = started.headers.get("x-generation-id")!;
    // Read the first event, then drop the connection (a flaky network).
    const reader = started.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    const [queued] = parseEvents(first);
    expect(queued).toMatchObject({ event: "progress", id: 1 });
    const rest = parseEvents(await (await streamJob(person.caller, id, queued!.id!)).text());
    expect(rest[0]!.id).toBe(2);
    expect(rest.map((event) => event.event)).toContain("image");
    expect(rest.at(-1)!.event).toBe("done");
  });

  it("keeps working when the client disconnects mid-stream; the job reports the image", async () => {
    const person = await signUp("disconnect");
    gemini.enqueue({ kind: "delay", ms: 500 });
    const controller = new AbortController();
    const request = new NextRequest(new URL("/api/v1/images/generate", TEST_ORIGIN), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        origin: TEST_ORIGIN,
        cookie: [...person.caller.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
      },
      body: JSON.stringify({ prompt: "a lighthouse left alone" }),
      signal: controller.signal,
    });
    const response = await generate.POST(request, { params: Promise.resolve({}) });
    const id = response.headers.get("x-generation-id")!;
    controller.abort();
    await response.body?.cancel();
    expect((await getJob(person.caller, id)).body).toMatchObject({
      success: true,
      data: { status: expect.stringMatching(/queued|generating|storing/) },
    });
    await expect
      .poll(
        async () => {
          const job = await getJob(person.caller, id);
          return job.body.success ? [job.body.data.status, job.body.data.images.length] : null;
        },
        { timeout: 10_000, interval: 100 },
      )
      .toEqual(["done", 1]);
    expect(await imagesOf(person.user.id)).toBe(1);
  });
});

describe("who may see a job", () => {
  it("answers 404 for someone else's job and for an unknown id, JSON or stream", async () => {
    const owner = await signUp("job-owner");
    const answer = await generateJson(owner, { prompt: "a private moon" });
    const id = answer.headers.get("x-generation-id")!;
    const stranger = await signUp("job-stranger");
    for (const [caller, jobId] of [
      [stranger.caller, id],
      [owner.caller, crypto.randomUUID()],
    ] as const) {
      const json = await getJob(caller, jobId);
      expect(json.status).toBe(404);
      expect(JSON.stringify(json.body)).not.toContain("private moon");
      const stream = await streamJob(caller, jobId);
      expect(stream.status).toBe(404);
      expect(stream.headers.get("content-type")).toContain("application/json");
    }
    expect((await getJob(new ApiCaller(), id)).status).toBe(401);
  });
});

describe("jobs whose process died", () => {
  /** A job row left running by a process that died after spending `held` units. */
  async function deadJob(userId: string, held: number, heartbeatAgoMs = 10 * 60_000) {
    const limits = { daily: 5, monthly: 100 };
    for (let unit = 0; unit < held; unit++)
      expect(await consumeQuota({ db: studio.database.db, userId, limits })).not.toBeNull();
    const [row] = await studio.database.query<{ id: string }>(
      `insert into public.generation_jobs
         (user_id, action, status, count, quota_held, quota_day, quota_month, heartbeat_at)
       values ($1, 'image.generate', 'generating', $2, $2, $3::date, $4::date, $5::timestamptz)
       returning id`,
      [
        userId,
        held,
        utcDay(Date.now()),
        utcMonthStart(Date.now()),
        new Date(Date.now() - heartbeatAgoMs).toISOString(),
      ],
    );
    return row!.id;
  }

  it("fails a job with an old heartbeat and refunds its units exactly once when reapers race", async () => {
    const person = await signUp("dead");
    const id = await deadJob(person.user.id, 3);
    const alive = await deadJob(person.user.id, 1, 5_000);
    expect(await quotaOf(person)).toMatchObject({ usedToday: 4 });
    // On a server, the other reapers are other instances: their own connection pools.
    const other = studio.database.url
      ? openPostgresDatabase(studio.database.url, { max: 4 })
      : null;
    try {
      const otherDb = other?.db ?? studio.database.db;
      const reaped = await Promise.all([
        reapStaleJobs({ db: studio.database.db }),
        reapStaleJobs({ db: otherDb }),
        studio.services.generation.reapStale(),
        reapStaleJobs({ db: otherDb }),
      ]);
      expect(reaped.reduce((sum, count) => sum + count, 0)).toBe(1);
    } finally {
      await other?.close();
    }
    // Three units back, the live job's one still held.
    expect(await quotaOf(person)).toMatchObject({ usedToday: 1 });
    const job = await getJob(person.caller, id);
    expect(job.body.success && job.body.data).toMatchObject({
      status: "failed",
      images: [],
      error: { code: "INTERNAL_ERROR" },
    });
    expect(job.body.success && job.body.data.failed).toHaveLength(3);
    // Its stream ends with the error at once.
    const events = parseEvents(await (await streamJob(person.caller, id)).text());
    expect(events.at(-1)).toMatchObject({
      event: "error",
      data: { error: { code: "INTERNAL_ERROR" } },
    });
    expect((await getJob(person.caller, alive)).body).toMatchObject({
      data: { status: "generating" },
    });
    // Again (the cron the next day): nothing more.
    const cronAnswer = await new ApiCaller().call<{ generationsReaped: number }>(cron.GET, {
      path: "/api/cron/daily",
      headers: { authorization: `Bearer ${CRON_SECRET}` },
    });
    expect(cronAnswer.body).toMatchObject({ success: true, data: { generationsReaped: 0 } });
    expect(await quotaOf(person)).toMatchObject({ usedToday: 1 });
  });

  it("is reaped by the daily cron too", async () => {
    const person = await signUp("cron-reaped");
    const id = await deadJob(person.user.id, 2);
    const cronAnswer = await new ApiCaller().call<{ generationsReaped: number }>(cron.GET, {
      path: "/api/cron/daily",
      headers: { authorization: `Bearer ${CRON_SECRET}` },
    });
    expect(cronAnswer.body).toMatchObject({ success: true, data: { generationsReaped: 1 } });
    expect(await quotaOf(person)).toMatchObject({ usedToday: 0 });
    expect((await getJob(person.caller, id)).body).toMatchObject({ data: { status: "failed" } });
  });
});
