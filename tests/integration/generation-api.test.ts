import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cron from "@/app/api/cron/daily/route";
import * as register from "@/app/api/v1/auth/register/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as edit from "@/app/api/v1/images/[id]/edit/route";
import * as fileRoute from "@/app/api/v1/images/[id]/files/[variant]/route";
import * as download from "@/app/api/v1/images/[id]/download/route";
import * as imageRoute from "@/app/api/v1/images/[id]/route";
import * as variations from "@/app/api/v1/images/[id]/variations/route";
import * as generate from "@/app/api/v1/images/generate/route";
import type { Image, Profile } from "@/shared/api-types";
import { FAILING_ROW_PROMPT, failMarkedImageInserts } from "../support/fail-image-inserts";
import { ApiCaller, type CallOptions } from "../support/api-caller";
import { makeHugePngHeader, makeJpeg, makePng } from "../support/sample-images";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
const CRON_SECRET = "cron-secret-for-tests-0123456789";

beforeAll(async () => {
  studio = await startTestStudio({
    DEMO_PROVIDER: "on",
    DAILY_GENERATION_LIMIT: "4",
    CRON_SECRET,
    GENERATE_RATE_LIMIT_PER_MINUTE: "100",
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
  });
});
afterAll(async () => {
  await studio?.dispose();
});

async function signedIn(): Promise<ApiCaller> {
  const caller = new ApiCaller();
  const response = await caller.call(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: {
      email: `gen${Date.now()}${Math.random()}@example.com`,
      password: "a good password",
      name: "Gen",
    },
  });
  expect(response.status).toBe(201);
  return caller;
}

const generateJson = (
  caller: ApiCaller,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) =>
  caller.call<{ image: Image }>(generate.POST, {
    method: "POST",
    path: "/api/v1/images/generate",
    body,
    headers,
  });

async function quotaOf(caller: ApiCaller) {
  const me = await caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
  if (!me.body.success) throw new Error("profile failed");
  return me.body.data.quota;
}

async function countRows(table: string, userColumn = "user_id", userId?: string) {
  const rows = await studio.database.query<{ n: number }>(
    `select count(*)::int as n from public.${table}${userId ? ` where ${userColumn} = $1` : ""}`,
    userId ? [userId] : [],
  );
  return rows[0]?.n ?? 0;
}

function storedFiles(): string[] {
  const root = join(studio.config.dataDir, "storage");
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function userIdOf(caller: ApiCaller): Promise<string> {
  const me = await caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
  if (!me.body.success) throw new Error("profile failed");
  return me.body.data.user.id;
}

const fileOf = (caller: ApiCaller, image: Image, variant: string) =>
  caller.raw(fileRoute.GET, {
    path: `/api/v1/images/${image.id}/files/${variant}`,
    params: { id: image.id, variant },
  });

async function readEvents(response: Response): Promise<{ event: string; data: unknown }[]> {
  const text = await response.text();
  return text
    .split("\n\n")
    .filter((block) => block.startsWith("event:"))
    .map((block) => {
      const [eventLine = "", dataLine = ""] = block.split("\n");
      return {
        event: eventLine.slice("event: ".length),
        data: JSON.parse(dataLine.slice("data: ".length)) as unknown,
      };
    });
}

describe("generation with the demo provider", () => {
  it("stores a WebP original with 150/300/800 thumbnails and answers 201 with quota headers", async () => {
    const caller = await signedIn();
    const response = await generateJson(caller, {
      prompt: "a lighthouse at dusk",
      aspectRatio: "16:9",
      seed: 42,
      tags: ["Sea", "sea", "dusk"],
    });
    expect(response.status).toBe(201);
    if (!response.body.success) throw new Error(JSON.stringify(response.body));
    const image = response.body.data.image;
    expect(image).toMatchObject({
      prompt: "a lighthouse at dusk",
      aspectRatio: "16:9",
      seed: 42,
      tags: ["sea", "dusk"],
      isPublic: false,
      model: "demo",
    });
    expect(image.width).toBeGreaterThan(image.height);
    expect(Object.keys(image.urls.thumbnails).sort()).toEqual(["150", "300", "800"]);
    expect(response.headers.get("x-quota-limit")).toBe("4");
    expect(response.headers.get("x-quota-remaining")).toBe("3");
    expect(response.headers.get("x-quota-reset")).toMatch(/T00:00:00.000Z$/);

    const thumb = await fileOf(caller, image, "300");
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    // Private: kept by the owner only, checked on every use (image-file-caching.test.ts).
    expect(thumb.headers.get("cache-control")).toBe("private, no-cache");
    const bytes = new Uint8Array(await thumb.arrayBuffer());
    expect(String.fromCharCode(...bytes.slice(8, 12))).toBe("WEBP");
    expect(storedFiles().filter((path) => path.includes(image.id))).toHaveLength(4);
  });

  it("never serves a private image or its files to another user or anonymously (404), and does once it is public", async () => {
    const owner = await signedIn();
    const created = await generateJson(owner, { prompt: "a private garden" });
    if (!created.body.success) throw new Error("generation failed");
    const image = created.body.data.image;
    const stranger = await signedIn();
    for (const caller of [stranger, new ApiCaller()]) {
      expect(
        (
          await caller.call(imageRoute.GET, {
            path: `/api/v1/images/${image.id}`,
            params: { id: image.id },
          })
        ).status,
      ).toBe(404);
      expect((await fileOf(caller, image, "original")).status).toBe(404);
      expect(
        (
          await caller.raw(download.GET, {
            path: `/api/v1/images/${image.id}/download`,
            params: { id: image.id },
          })
        ).status,
      ).toBe(404);
    }
    const patchByStranger = await stranger.call(imageRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/images/${image.id}`,
      params: { id: image.id },
      body: { isPublic: true },
    });
    expect(patchByStranger.status).toBe(404);
    const published = await owner.call<{ image: Image }>(imageRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/images/${image.id}`,
      params: { id: image.id },
      body: { isPublic: true },
    });
    expect(published.body.success && published.body.data.image.isPublic).toBe(true);
    expect((await fileOf(new ApiCaller(), image, "800")).status).toBe(200);
    const attachment = await new ApiCaller().raw(download.GET, {
      path: `/api/v1/images/${image.id}/download?size=150`,
      params: { id: image.id },
    });
    expect(attachment.headers.get("content-disposition")).toMatch(
      /^attachment; filename=".*150\.webp"$/,
    );
    const after = await owner.call<{ image: Image }>(imageRoute.GET, {
      path: `/api/v1/images/${image.id}`,
      params: { id: image.id },
    });
    expect(after.body.success && after.body.data.image.downloadCount).toBe(1);
  });

  it("streams progress stages and exactly one done event over server-sent events", async () => {
    const caller = await signedIn();
    const response = await caller.raw(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt: "a paper boat" },
      headers: { accept: "text/event-stream" },
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("x-quota-remaining")).toBe("4");
    const events = await readEvents(response);
    const stages = events
      .filter((event) => event.event === "progress")
      .map((event) => (event.data as { stage: string }).stage);
    expect(stages).toEqual(["queued", "generating", "processing", "storing"]);
    const finals = events.filter((event) => event.event === "done" || event.event === "error");
    expect(finals).toHaveLength(1);
    expect(finals[0]?.event).toBe("done");
    expect((finals[0]?.data as { quota: { remainingToday: number } }).quota.remainingToday).toBe(3);
  });

  it("answers QUOTA_EXCEEDED with Retry-After once the daily quota is used, spending nothing more", async () => {
    const caller = await signedIn();
    for (let i = 0; i < 4; i++)
      expect((await generateJson(caller, { prompt: `image ${i}` })).status).toBe(201);
    const refused = await generateJson(caller, { prompt: "one too many" });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ success: false, error: { code: "QUOTA_EXCEEDED" } });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("x-quota-remaining")).toBe("0");
    expect(await countRows("images", "user_id", await userIdOf(caller))).toBe(4);
  });

  it("returns the first result to concurrent repeats of one Idempotency-Key, generating and charging once", async () => {
    const caller = await signedIn();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        generateJson(caller, { prompt: "one fox, once" }, { "idempotency-key": "fox-1" }),
      ),
    );
    const ids = new Set(
      results.map((result) => (result.body.success ? result.body.data.image.id : "failed")),
    );
    expect(ids.size).toBe(1);
    expect(ids.has("failed")).toBe(false);
    expect((await quotaOf(caller)).usedToday).toBe(1);
    expect(await countRows("images", "user_id", await userIdOf(caller))).toBe(1);
    const reused = await generateJson(
      caller,
      { prompt: "a different request" },
      { "idempotency-key": "fox-1" },
    );
    expect(reused.status).toBe(409);
  });

  it("refuses a blocklisted prompt with CONTENT_BLOCKED before spending quota", async () => {
    const caller = await signedIn();
    const response = await generateJson(caller, { prompt: "bestiality scene" });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ success: false, error: { code: "CONTENT_BLOCKED" } });
    expect((await quotaOf(caller)).usedToday).toBe(0);
  });

  it("rejects bad input field by field and changes nothing", async () => {
    const caller = await signedIn();
    for (const body of [
      {},
      { prompt: "" },
      { prompt: "x".repeat(1001) },
      { prompt: "ok", aspectRatio: "2:1" },
      { prompt: "ok", seed: -1 },
      { prompt: "ok", tags: Array(11).fill("t") },
      { prompt: "ok", extra: 1 },
    ]) {
      const response = await generateJson(caller, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect((await quotaOf(caller)).usedToday).toBe(0);
  });

  it("puts the quota headers on every refusal of generate, edit and variations, those before the generation too", async () => {
    const caller = await signedIn();
    const made = await generateJson(caller, { prompt: "a source image" });
    if (!made.body.success) throw new Error("generation failed");
    const sourceId = made.body.data.image.id;
    const onSource = (handler: typeof edit.POST, action: string, options: Partial<CallOptions>) =>
      caller.raw(handler, {
        method: "POST",
        path: `/api/v1/images/${sourceId}/${action}`,
        params: { id: sourceId },
        ...options,
      });
    const refusals: [string, Promise<Response>, number][] = [
      ["schema", caller.raw(generate.POST, { method: "POST", path: "/api/v1/images/generate", body: { prompt: "" } }), 400],
      ["not JSON", caller.raw(generate.POST, { method: "POST", path: "/api/v1/images/generate", rawBody: "{not json" }), 400],
      ["Idempotency-Key", caller.raw(generate.POST, { method: "POST", path: "/api/v1/images/generate", body: { prompt: "ok" }, headers: { "idempotency-key": "k".repeat(129) } }), 400],
      ["unknown input image", caller.raw(generate.POST, { method: "POST", path: "/api/v1/images/generate", body: { prompt: "ok", inputImageIds: ["00000000-0000-4000-8000-000000000000"] } }), 404],
      ["edit schema", onSource(edit.POST, "edit", { body: { prompt: "" } }), 400],
      ["variations schema", onSource(variations.POST, "variations", { body: { strength: 2 } }), 400],
    ]; // prettier-ignore
    for (const [label, answer, status] of refusals) {
      const response = await answer;
      expect(response.status, label).toBe(status);
      expect(response.headers.get("x-quota-limit"), label).toBe("4");
      expect(response.headers.get("x-quota-remaining"), label).toBe("3");
      expect(response.headers.get("x-quota-reset"), label).toMatch(/T00:00:00.000Z$/);
    }
    expect((await quotaOf(caller)).usedToday).toBe(1);
  });

  it("derives an edit from an own or public image with parentId, and 404s on someone else's private image", async () => {
    const owner = await signedIn();
    const created = await generateJson(owner, { prompt: "a red car", aspectRatio: "4:3" });
    if (!created.body.success) throw new Error("generation failed");
    const source = created.body.data.image;
    const edited = await owner.call<{ image: Image }>(edit.POST, {
      method: "POST",
      path: `/api/v1/images/${source.id}/edit`,
      params: { id: source.id },
      body: { prompt: "make the car blue" },
    });
    expect(edited.status).toBe(201);
    expect(edited.body.success && edited.body.data.image).toMatchObject({
      parentId: source.id,
      aspectRatio: "4:3",
      // Titled by its subject and the change (the provider got the instruction alone).
      prompt: "a red car — edit: make the car blue",
    });
    const stranger = await signedIn();
    const refused = await stranger.call(edit.POST, {
      method: "POST",
      path: `/api/v1/images/${source.id}/edit`,
      params: { id: source.id },
      body: { prompt: "steal" },
    });
    expect(refused.status).toBe(404);
  });
});

describe("uploads for image-to-image", () => {
  const upload = async (caller: ApiCaller, bytes: Uint8Array, name: string) => {
    const form = new FormData();
    form.set("prompt", "turn this into a watercolor");
    form.set("image", new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
    return caller.call<{ image: Image }>(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      form,
    });
  };

  it("accepts a real PNG and makes an image from it", async () => {
    const caller = await signedIn();
    const response = await upload(caller, await makePng(640, 480), "photo.png");
    expect(response.status).toBe(201);
  });

  it.each([
    [
      "a script named .png",
      async () => new TextEncoder().encode("#!/bin/sh\necho pwned\n"),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    [
      "an 11 MB file",
      async () => {
        const bytes = new Uint8Array(11 * 1024 * 1024);
        bytes.set(await makePng(8, 8));
        return bytes;
      },
      413,
      "PAYLOAD_TOO_LARGE",
    ],
    ["a 12000×12000 PNG", () => makeHugePngHeader(12_000, 12_000), 413, "PAYLOAD_TOO_LARGE"],
    [
      "a truncated JPEG",
      async () => (await makeJpeg(800, 600)).slice(0, 2_000),
      400,
      "VALIDATION_ERROR",
    ],
  ] as const)(
    "refuses %s with a clear error and spends no quota",
    async (_label, make, status, code) => {
      const caller = await signedIn();
      const response = await upload(caller, await make(), "upload.png");
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({ success: false, error: { code } });
      // A VALIDATION_ERROR names the field at fault, as every other one does.
      if (code === "VALIDATION_ERROR")
        expect(response.body).toMatchObject({
          error: { details: { issues: [{ path: "image", message: expect.any(String) }] } },
        });
      expect((await quotaOf(caller)).usedToday).toBe(0);
    },
  );
});

describe("nothing is lost when a step fails", () => {
  it("gives the quota back and leaves no files when the row cannot be written", async () => {
    const caller = await signedIn();
    await failMarkedImageInserts(studio.database);
    const before = storedFiles().length;
    const response = await generateJson(caller, { prompt: FAILING_ROW_PROMPT });
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ success: false, error: { code: "INTERNAL_ERROR" } });
    expect(JSON.stringify(response.body)).not.toContain("on purpose");
    expect((await quotaOf(caller)).usedToday).toBe(0);
    expect(storedFiles().length).toBe(before);
    expect(await countRows("images", "user_id", await userIdOf(caller))).toBe(0);
  });

  it("gives the quota back and writes no row when the files cannot be stored", async () => {
    const caller = await signedIn();
    const userId = await userIdOf(caller);
    // A plain file where the user's folder should be: the local store's mkdir fails for real.
    const { mkdirSync, writeFileSync } = await import("node:fs");
    mkdirSync(join(studio.config.dataDir, "storage"), { recursive: true });
    writeFileSync(join(studio.config.dataDir, "storage", userId), "not a directory");
    const response = await generateJson(caller, { prompt: "files will not store" });
    expect(response.status).toBe(500);
    expect((await quotaOf(caller)).usedToday).toBe(0);
    expect(await countRows("images", "user_id", userId)).toBe(0);
    const failures = await studio.database.query<{ status: string; error_code: string }>(
      "select status, error_code from public.usage_logs where user_id = $1",
      [userId],
    );
    expect(failures).toEqual([{ status: "failure", error_code: "INTERNAL_ERROR:storing" }]);
  });
});

describe("daily cron", () => {
  it("refuses calls without the secret and runs idempotently with it", async () => {
    expect((await new ApiCaller().call(cron.GET, { path: "/api/cron/daily" })).status).toBe(401);
    expect(
      (
        await new ApiCaller().call(cron.GET, {
          path: "/api/cron/daily",
          headers: { authorization: "Bearer wrong-secret-wrong-secret" },
        })
      ).status,
    ).toBe(401);
    const first = await new ApiCaller().call(cron.GET, {
      path: "/api/cron/daily",
      headers: { authorization: `Bearer ${CRON_SECRET}` },
    });
    const second = await new ApiCaller().call(cron.GET, {
      path: "/api/cron/daily",
      headers: { authorization: `Bearer ${CRON_SECRET}` },
    });
    expect(first.status).toBe(200);
    expect(second.body).toMatchObject({
      success: true,
      data: { quotaCountersDeleted: 0, idempotencyRecordsDeleted: 0 },
    });
  });
});
