import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cron from "@/app/api/cron/daily/route";
import * as register from "@/app/api/v1/auth/register/route";
import * as bulk from "@/app/api/v1/images/bulk/route";
import * as imageRoute from "@/app/api/v1/images/[id]/route";
import * as generate from "@/app/api/v1/images/generate/route";
import type { Image } from "@/shared/api-types";
import { runDailyJobs } from "@/server/operations/daily-jobs";
import { queueFileRemovals } from "@/server/storage/file-removals";
import type { ObjectStorePort } from "@/server/storage/object-store-port";
import { FAILING_ROW_PROMPT, failMarkedImageInserts } from "../support/fail-image-inserts";
import { ApiCaller } from "../support/api-caller";
import { startTestStudio, type TestStudio } from "../support/test-services";

const CRON_SECRET = "cron-secret-for-tests-0123456789";
let studio: TestStudio;
/** While true, the object store refuses to remove anything (an outage). */
let removalsFail = false;

beforeAll(async () => {
  studio = await startTestStudio(
    {
      DEMO_PROVIDER: "on",
      CRON_SECRET,
      AUTH_RATE_LIMIT_PER_MINUTE: "1000",
      GENERATE_RATE_LIMIT_PER_MINUTE: "1000",
      DAILY_GENERATION_LIMIT: "1000",
    },
    {
      wrapObjectStore: (store): ObjectStorePort => ({
        kind: store.kind,
        put: (key, body, type) => store.put(key, body, type),
        get: (key) => store.get(key),
        ping: () => store.ping(),
        remove: async (keys) => {
          if (removalsFail) throw new Error("storage is unreachable");
          await store.remove(keys);
        },
      }),
    },
  );
});
afterAll(async () => {
  await studio?.dispose();
});

async function signedInWithImages(count: number) {
  const caller = new ApiCaller();
  await caller.call(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: {
      email: `removals${Date.now()}${Math.random()}@example.com`,
      password: "a good password",
      name: "R",
    },
  });
  const made: Image[] = [];
  for (let i = 0; i < count; i++) {
    const response = await caller.call<{ image: Image }>(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt: `removal ${i}` },
    });
    if (!response.body.success) throw new Error("generation failed");
    made.push(response.body.data.image);
  }
  return { caller, made };
}

const originalOf = (image: Image) =>
  join(studio.config.dataDir, "storage", image.userId!, image.id, "original.webp");

async function pendingRemovals() {
  return studio.database.query<{ key: string; attempts: number; last_error: string | null }>(
    "select key, attempts, last_error from public.pending_file_removals order by key",
  );
}

async function runCron() {
  const response = await new ApiCaller().call<{
    filesRemoved: number;
    fileRemovalsPending: number;
  }>(cron.GET, { path: "/api/cron/daily", headers: { authorization: `Bearer ${CRON_SECRET}` } });
  if (!response.body.success) throw new Error("cron failed");
  return response.body.data;
}

describe("removing files of deleted images", () => {
  it("a delete during a storage outage keeps a record of the files, and the daily cron removes them once storage is back", async () => {
    const { caller, made } = await signedInWithImages(1);
    const image = made[0]!;
    // A generation that succeeded leaves no record: its row claimed its files.
    expect(await pendingRemovals()).toEqual([]);
    removalsFail = true;
    try {
      const deleted = await caller.call(imageRoute.DELETE, {
        method: "DELETE",
        path: `/api/v1/images/${image.id}`,
        params: { id: image.id },
      });
      expect(deleted.status).toBe(200);
      const gone = await caller.call(imageRoute.GET, {
        path: `/api/v1/images/${image.id}`,
        params: { id: image.id },
      });
      expect(gone.status).toBe(404);
      expect(existsSync(originalOf(image))).toBe(true);
      const pending = await pendingRemovals();
      expect(pending.map((row) => row.key)).toEqual(
        expect.arrayContaining([`${image.userId}/${image.id}/original.webp`]),
      );
      expect(pending.every((row) => row.attempts === 1 && row.last_error !== null)).toBe(true);

      // Still down at the daily run: nothing is lost, the attempt is counted.
      expect(await runCron()).toMatchObject({
        filesRemoved: 0,
        fileRemovalsPending: pending.length,
      });
      expect((await pendingRemovals()).every((row) => row.attempts === 2)).toBe(true);
    } finally {
      removalsFail = false;
    }

    const report = await runCron();
    expect(report.fileRemovalsPending).toBe(0);
    expect(report.filesRemoved).toBeGreaterThan(0);
    expect(existsSync(originalOf(image))).toBe(false);
    expect(await pendingRemovals()).toEqual([]);
  });

  it("a bulk delete during an outage records every file, and a healthy delete leaves no record", async () => {
    const { caller, made } = await signedInWithImages(3);
    removalsFail = true;
    try {
      const deleted = await caller.call<{ affected: number }>(bulk.POST, {
        method: "POST",
        path: "/api/v1/images/bulk",
        body: { action: "delete", imageIds: made.slice(0, 2).map((image) => image.id) },
      });
      expect(deleted.body).toMatchObject({ success: true, data: { affected: 2 } });
    } finally {
      removalsFail = false;
    }
    const keys = (await pendingRemovals()).map((row) => row.key);
    for (const image of made.slice(0, 2))
      expect(keys).toContain(`${image.userId}/${image.id}/original.webp`);

    const healthy = made[2]!;
    await caller.call(imageRoute.DELETE, {
      method: "DELETE",
      path: `/api/v1/images/${healthy.id}`,
      params: { id: healthy.id },
    });
    expect(existsSync(originalOf(healthy))).toBe(false);
    expect((await pendingRemovals()).map((row) => row.key)).toEqual(keys);

    expect(await runCron()).toMatchObject({ filesRemoved: keys.length, fileRemovalsPending: 0 });
    expect(made.some((image) => existsSync(originalOf(image)))).toBe(false);
  });

  it("files of a generation whose row could not be written, during a storage outage, are queued and removed by the cron", async () => {
    const { caller } = await signedInWithImages(0);
    await failMarkedImageInserts(studio.database);
    removalsFail = true;
    try {
      const response = await caller.call(generate.POST, {
        method: "POST",
        path: "/api/v1/images/generate",
        body: { prompt: FAILING_ROW_PROMPT },
      });
      expect(response.status).toBe(500);
    } finally {
      removalsFail = false;
    }
    const queued = await studio.database.query<{ key: string; reason: string }>(
      "select key, reason from public.pending_file_removals",
    );
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((row) => row.reason === "generation in progress")).toBe(true);
    const files = queued.map((row) => join(studio.config.dataDir, "storage", row.key));
    expect(files.every((file) => existsSync(file))).toBe(true);

    expect(await runCron()).toMatchObject({ filesRemoved: queued.length, fileRemovalsPending: 0 });
    expect(files.some((file) => existsSync(file))).toBe(false);
  });

  it("files of a generation whose process died before writing its row are removed by the cron after the grace period", async () => {
    // What a generation leaves when its process is killed between storing and the row insert:
    // the record written before the files, and the files.
    const keys = [
      "crashed-user/crashed-image/original.webp",
      "crashed-user/crashed-image/300.webp",
    ];
    await queueFileRemovals(studio.database.db, keys, "generation in progress", {
      graceMs: 60 * 60 * 1000,
    });
    for (const key of keys)
      await studio.services.objectStore.put(key, new Uint8Array([1, 2, 3]), "image/webp");
    const files = keys.map((key) => join(studio.config.dataDir, "storage", key));

    // Within the hour a running generation may still claim them: left alone.
    const early = await runDailyJobs({
      db: studio.database.db,
      objectStore: studio.services.objectStore,
      mail: studio.services.mail,
    });
    expect(early).toMatchObject({ filesRemoved: 0, fileRemovalsPending: 2 });
    expect(files.every((file) => existsSync(file))).toBe(true);

    const later = await runDailyJobs({
      db: studio.database.db,
      objectStore: studio.services.objectStore,
      mail: studio.services.mail,
      now: Date.now() + 61 * 60 * 1000,
    });
    expect(later).toMatchObject({ filesRemoved: 2, fileRemovalsPending: 0 });
    expect(files.some((file) => existsSync(file))).toBe(false);
  });
});
