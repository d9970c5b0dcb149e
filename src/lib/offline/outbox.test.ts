import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Image } from "@/shared/api-types";
import { claimOfflineDbFor, deleteOfflineDb, openOfflineDb } from "./offline-db";
import {
  LEASE_MS,
  backoffMs,
  cancelEntry,
  claimNextEntry,
  completeEntry,
  deferEntry,
  enqueuePrompt,
  failEntry,
  listOutbox,
  retryEntry,
  takeSentEntries,
} from "./outbox";
import { flushOutbox } from "./outbox-flush";

const USER = "user-a";

/**
 * A stand-in for the studio's HTTP API with the server's idempotency rule: a repeated
 * Idempotency-Key returns the first image. It records every key it saw and every image it made.
 */
function createFakeStudio(
  options: { userId?: string; answer?: (call: number) => Response | undefined } = {},
) {
  const keysSeen: string[] = [];
  const originsSeen: (string | null)[] = [];
  const uploads: { key: string; name: string; size: number }[] = [];
  const imagesByKey = new Map<string, Image>();
  let generateCalls = 0;
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    // Yield so that concurrent flushers really interleave.
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (url === "/api/v1/auth/profile") {
      return json(200, { success: true, data: { user: { id: options.userId ?? USER } } });
    }
    if (url === "/api/v1/images/generate" && init?.method === "POST") {
      generateCalls += 1;
      const custom = options.answer?.(generateCalls);
      if (custom) return custom;
      const key = new Headers(init.headers).get("Idempotency-Key") ?? "";
      keysSeen.push(key);
      originsSeen.push(new Headers(init.headers).get("X-Studio-Origin"));
      let body: { prompt: string };
      if (init.body instanceof FormData) {
        const file = init.body.get("image");
        if (file instanceof Blob)
          uploads.push({ key, name: file instanceof File ? file.name : "", size: file.size });
        body = { prompt: String(init.body.get("prompt")) };
      } else {
        body = JSON.parse(String(init.body)) as { prompt: string };
      }
      let image = imagesByKey.get(key);
      if (!image) {
        image = fakeImage(`img-${imagesByKey.size + 1}`, body.prompt);
        imagesByKey.set(key, image);
      }
      return json(201, { success: true, data: { image } });
    }
    return json(404, { success: false, error: { code: "NOT_FOUND", message: "Not found." } });
  };
  return { fetchImpl, keysSeen, originsSeen, imagesByKey, uploads, calls: () => generateCalls };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

function fakeImage(id: string, prompt: string): Image {
  return {
    id,
    userId: USER,
    prompt,
    negativePrompt: null,
    styleTemplateId: null,
    aspectRatio: "1:1",
    quality: "standard",
    width: 1024,
    height: 1024,
    seed: 1,
    model: "demo",
    provider: "demo",
    tags: [],
    isPublic: false,
    favorite: false,
    parentId: null,
    sourceImageIds: [],
    generationTimeMs: 10,
    downloadCount: 0,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    shareUrl: null,
    urls: { original: `/api/v1/images/${id}/files/original`, thumbnails: {} },
  };
}

beforeEach(async () => {
  await deleteOfflineDb();
  await claimOfflineDbFor(USER);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("outbox", () => {
  it("keeps enqueued prompts in order with their own idempotency keys", async () => {
    const first = await enqueuePrompt({ userId: USER, input: { prompt: "a fox" }, now: 1 });
    const second = await enqueuePrompt({ userId: USER, input: { prompt: "a crow" }, now: 2 });
    const listed = await listOutbox();
    expect(listed.map((entry) => entry.input.prompt)).toEqual(["a fox", "a crow"]);
    expect(first.idempotencyKey).not.toEqual(second.idempotencyKey);
    expect(listed.every((entry) => entry.status === "queued")).toBe(true);
  });

  it("lets one flusher hold an entry until its lease runs out", async () => {
    const entry = await enqueuePrompt({ userId: USER, input: { prompt: "a fox" }, now: 0 });
    const claimed = await claimNextEntry("flusher-1", 10);
    expect(claimed?.id).toBe(entry.id);
    expect(await claimNextEntry("flusher-2", 10 + LEASE_MS - 1)).toBeNull();
    const takenOver = await claimNextEntry("flusher-2", 10 + LEASE_MS);
    expect(takenOver?.leaseOwner).toBe("flusher-2");
    expect(takenOver?.idempotencyKey).toBe(entry.idempotencyKey);

    // The first flusher lost its lease: its verdict no longer counts.
    await failEntry(entry.id, "flusher-1", "late");
    expect((await listOutbox())[0]?.status).toBe("sending");
  });

  it("completes an entry once and hands it over for announcing once", async () => {
    const entry = await enqueuePrompt({ userId: USER, input: { prompt: "a fox" } });
    await claimNextEntry("flusher-1");
    expect(await completeEntry(entry.id, fakeImage("img-1", "a fox"))).toBe(true);
    expect(await completeEntry(entry.id, fakeImage("img-1", "a fox"))).toBe(false);
    expect(await listOutbox()).toEqual([]);
    const sent = await takeSentEntries();
    expect(sent.map((item) => item.resultImage?.id)).toEqual(["img-1"]);
    expect(await takeSentEntries()).toEqual([]);
  });

  it("marks permanent failures failed and lets the user retry them with the same key", async () => {
    const entry = await enqueuePrompt({ userId: USER, input: { prompt: "a fox" }, now: 0 });
    await claimNextEntry("flusher-1", 0);
    await failEntry(entry.id, "flusher-1", "The prompt was blocked.");
    const [failed] = await listOutbox();
    expect(failed?.status).toBe("failed");
    expect(failed?.lastError).toBe("The prompt was blocked.");
    expect(await claimNextEntry("flusher-2", 1)).toBeNull();

    await retryEntry(entry.id, 5);
    const again = await claimNextEntry("flusher-2", 5);
    expect(again?.idempotencyKey).toBe(entry.idempotencyKey);
  });

  it("backs off after a transient failure and does not count a dropped connection", async () => {
    const entry = await enqueuePrompt({ userId: USER, input: { prompt: "a fox" }, now: 0 });
    await claimNextEntry("flusher-1", 0);
    await deferEntry(entry.id, "flusher-1", { message: "busy", now: 100 });
    expect(await claimNextEntry("flusher-1", 100 + backoffMs(1) - 1)).toBeNull();
    const retried = await claimNextEntry("flusher-1", 100 + backoffMs(1));
    expect(retried?.attempts).toBe(2);

    await deferEntry(entry.id, "flusher-1", {
      message: "offline",
      countsAsAttempt: false,
      now: 200,
    });
    const [queued] = await listOutbox();
    expect(queued?.attempts).toBe(1);
    expect(queued?.nextAttemptAt).toBe(200);
    expect(backoffMs(30)).toBe(10 * 60 * 1000);
  });

  it("cancels a queued entry but not one being sent", async () => {
    const queued = await enqueuePrompt({ userId: USER, input: { prompt: "a fox" }, now: 0 });
    const sending = await enqueuePrompt({ userId: USER, input: { prompt: "a crow" }, now: 1 });
    await claimNextEntry("flusher-1", 0);
    // The oldest (queued) is now sending; the second is still queued.
    expect(await cancelEntry(queued.id, 1)).toBe(false);
    expect(await cancelEntry(sending.id, 1)).toBe(true);
    expect((await listOutbox()).map((entry) => entry.id)).toEqual([queued.id]);
  });
});

describe("flushOutbox", () => {
  it("sends each queued prompt exactly once under two concurrent flushers", async () => {
    const studio = createFakeStudio();
    vi.stubGlobal("fetch", studio.fetchImpl);
    for (let index = 0; index < 5; index += 1) {
      await enqueuePrompt({ userId: USER, input: { prompt: `prompt ${index}` }, now: index });
    }
    const [a, b] = await Promise.all([flushOutbox(), flushOutbox()]);
    expect(a.sent + b.sent).toBe(5);
    expect(a.failed + b.failed).toBe(0);
    expect(studio.keysSeen).toHaveLength(5);
    expect(new Set(studio.keysSeen).size).toBe(5);
    expect(studio.imagesByKey.size).toBe(5);
    expect(await listOutbox()).toEqual([]);
    expect((await takeSentEntries()).map((entry) => entry.input.prompt)).toEqual([
      "prompt 0",
      "prompt 1",
      "prompt 2",
      "prompt 3",
      "prompt 4",
    ]);
  });

  it("tells the studio each send is the outbox's (so it mails when the image is ready)", async () => {
    const studio = createFakeStudio();
    vi.stubGlobal("fetch", studio.fetchImpl);
    await enqueuePrompt({ userId: USER, input: { prompt: "a fox" }, now: 0 });
    await enqueuePrompt({ userId: USER, input: { prompt: "a crow" }, now: 1 });
    expect(await flushOutbox()).toEqual({ sent: 2, failed: 0 });
    expect(studio.originsSeen).toEqual(["outbox", "outbox"]);
  });

  it("sends a queued image-to-image prompt as multipart with its input image", async () => {
    const studio = createFakeStudio();
    vi.stubGlobal("fetch", studio.fetchImpl);
    const file = new File([new Uint8Array([1, 2, 3, 4])], "sketch.png", { type: "image/png" });
    const entry = await enqueuePrompt({
      userId: USER,
      input: { prompt: "colour this sketch", tags: ["sketch"] },
      inputImage: file,
    });
    expect(await flushOutbox()).toEqual({ sent: 1, failed: 0 });
    expect(studio.uploads).toEqual([{ key: entry.idempotencyKey, name: "sketch.png", size: 4 }]);
  });

  it("resends an abandoned entry with the same key, yielding the same image", async () => {
    const studio = createFakeStudio();
    vi.stubGlobal("fetch", studio.fetchImpl);
    const entry = await enqueuePrompt({ userId: USER, input: { prompt: "a fox" }, now: 0 });
    // A flusher claimed it long ago and died; the server had already made the image.
    await claimNextEntry("dead-flusher", 0);
    await studio.fetchImpl("/api/v1/images/generate", {
      method: "POST",
      headers: { "Idempotency-Key": entry.idempotencyKey },
      body: JSON.stringify(entry.input),
    });
    const result = await flushOutbox();
    expect(result.sent).toBe(1);
    expect(new Set(studio.keysSeen)).toEqual(new Set([entry.idempotencyKey]));
    expect(studio.imagesByKey.size).toBe(1);
  });

  it("marks 4xx answers failed, retries 429 later, and stops when offline", async () => {
    const answers = [
      json(422, { success: false, error: { code: "CONTENT_BLOCKED", message: "Blocked." } }),
      json(
        429,
        { success: false, error: { code: "RATE_LIMITED", message: "Slow down." } },
        { "Retry-After": "30" },
      ),
    ];
    const studio = createFakeStudio({ answer: (call) => answers[call - 1] });
    vi.stubGlobal("fetch", studio.fetchImpl);
    await enqueuePrompt({ userId: USER, input: { prompt: "blocked" }, now: 0 });
    await enqueuePrompt({ userId: USER, input: { prompt: "limited" }, now: 1 });
    const result = await flushOutbox();
    expect(result).toEqual({ sent: 0, failed: 2 });
    const [blocked, limited] = await listOutbox();
    expect(blocked?.status).toBe("failed");
    expect(blocked?.lastError).toBe("Blocked.");
    expect(limited?.status).toBe("queued");
    expect(limited?.nextAttemptAt).toBeGreaterThan(Date.now() + 20_000);

    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    await retryEntry(blocked!.id);
    expect(await flushOutbox()).toEqual({ sent: 0, failed: 1 });
    expect((await listOutbox())[0]?.status).toBe("queued");
  });

  it("never sends one account's prompts while another is signed in", async () => {
    const studio = createFakeStudio({ userId: "user-b" });
    vi.stubGlobal("fetch", studio.fetchImpl);
    await enqueuePrompt({ userId: USER, input: { prompt: "a fox" } });
    expect(await flushOutbox()).toEqual({ sent: 0, failed: 0 });
    expect(studio.calls()).toBe(0);
    expect((await listOutbox())[0]?.status).toBe("queued");
  });
});

describe("claimOfflineDbFor", () => {
  it("wipes the previous user's data when someone else signs in", async () => {
    await enqueuePrompt({ userId: USER, input: { prompt: "a fox" } });
    await claimOfflineDbFor(USER);
    expect(await listOutbox()).toHaveLength(1);
    await claimOfflineDbFor("user-b");
    expect(await listOutbox()).toEqual([]);
    const db = await openOfflineDb();
    expect((await db.get("meta", "ownerUserId"))?.value).toBe("user-b");
  });
});
