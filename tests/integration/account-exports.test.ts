import { readdirSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accountExport from "@/app/api/v1/account/export/route";
import * as exportsRoute from "@/app/api/v1/account/exports/route";
import * as exportRoute from "@/app/api/v1/account/exports/[id]/route";
import * as downloadRoute from "@/app/api/v1/account/exports/[id]/download/route";
import * as images from "@/app/api/v1/images/route";
import type { AccountExport, AccountExportsOverview } from "@/shared/account-exports";
import type { Image } from "@/shared/api-types";
import type { ManifestImage } from "@/server/account/account-export";
import { exportDepsOf, runDueExports } from "@/server/account/account-exports";
import { runDailyJobs } from "@/server/operations/daily-jobs";
import { provideServices } from "@/server/services";
import { queueFileRemovals } from "@/server/storage/file-removals";
import { seedImagesWithFiles } from "../support/seed-image-files";
import { signUp, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  // Four images or more are prepared in the background (as in the e2e server).
  studio = await startTestStudio({ ACCOUNT_EXPORT_STREAM_MAX_IMAGES: "3" });
});
afterAll(async () => {
  await studio.dispose();
});

const deps = () => exportDepsOf(studio.services);
const storageDir = () => join(studio.config.dataDir, "storage");

function filesUnder(prefix: string): string[] {
  try {
    return readdirSync(join(storageDir(), prefix), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(storageDir().length + 1))
      .sort();
  } catch {
    return [];
  }
}

async function start(person: SignedUp) {
  return person.caller.call<{ export: AccountExport }>(exportsRoute.POST, {
    method: "POST",
    path: "/api/v1/account/exports",
  });
}

async function statusOf(person: SignedUp, id: string) {
  return person.caller.call<{ export: AccountExport }>(exportRoute.GET, {
    path: `/api/v1/account/exports/${id}`,
    params: { id },
  });
}

async function download(person: SignedUp, id: string) {
  return person.caller.raw(downloadRoute.GET, {
    path: `/api/v1/account/exports/${id}/download`,
    params: { id },
  });
}

const unzip = async (response: Response) => {
  const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
  const json = (name: string) => JSON.parse(new TextDecoder().decode(entries[name])) as unknown;
  return { entries, json };
};

async function exportMail(userId: string) {
  return studio.database.query<{ kind: string; text_body: string }>(
    "select kind, text_body from public.mail_outbox where user_id = $1 and kind = 'export-ready'",
    [userId],
  );
}

async function withImages(label: string, count: number) {
  const person = await signUp(label);
  const ids = await seedImagesWithFiles(studio, {
    userId: person.user.id,
    count,
    tags: (i) => [`tag-${i}`],
    favorite: (i) => i === 1,
  });
  return { person, ids };
}

const data = <T>(response: { body: { success: boolean } }) => {
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return (response.body as unknown as { data: T }).data;
};

describe("export everything in the background", () => {
  it("estimates the size and says which way it goes", async () => {
    const small = await withImages("small", 2);
    const large = await withImages("large", 5);
    const overview = (person: SignedUp) =>
      person.caller.call<AccountExportsOverview>(exportsRoute.GET, {
        path: "/api/v1/account/exports",
      });
    const smallAnswer = data<AccountExportsOverview>(await overview(small.person));
    expect(smallAnswer.estimate).toMatchObject({ images: 2, background: false });
    expect(smallAnswer.estimate.bytes).toBeGreaterThan(0);
    expect(smallAnswer.exports).toEqual([]);
    expect(data<AccountExportsOverview>(await overview(large.person)).estimate).toMatchObject({
      images: 5,
      background: true,
      limits: { images: 3, bytes: 50 * 1024 * 1024 },
    });
  });

  it("runs to ready in parts; the ZIP holds what the streamed export holds and the manifest matches the API; one mail", async () => {
    const { person, ids } = await withImages("background", 7);
    const collection = await studio.services.gallery.createCollection({
      userId: person.user.id,
      input: { name: "Kept" },
    });
    await studio.services.gallery.addImage({
      collectionId: collection.id,
      imageId: ids[2]!,
      userId: person.user.id,
    });

    const started = await start(person);
    expect(started.status).toBe(202);
    const job = data<{ export: AccountExport }>(started).export;
    expect(job).toMatchObject({
      status: "queued",
      progress: { done: 0, total: 7 },
      downloadUrl: null,
    });
    // One at a time: asking again answers the same job.
    const again = await start(person);
    expect(again.status).toBe(200);
    expect(data<{ export: AccountExport }>(again).export.id).toBe(job.id);
    expect((await download(person, job.id)).status).toBe(409);

    await runDueExports(deps(), { maxSteps: 1, stepImages: 3 });
    const running = data<{ export: AccountExport }>(await statusOf(person, job.id)).export;
    expect(running).toMatchObject({ status: "running", progress: { done: 3, total: 7 } });

    expect(await runDueExports(deps(), { stepImages: 3 })).toEqual({
      exportSteps: 3,
      exportsReady: 1,
    });
    const ready = data<{ export: AccountExport }>(await statusOf(person, job.id)).export;
    expect(ready).toMatchObject({
      status: "ready",
      progress: { done: 7, total: 7 },
      downloadUrl: `/api/v1/account/exports/${job.id}/download`,
      error: null,
    });
    expect(new Date(ready.expiresAt!).getTime() - new Date(ready.completedAt!).getTime()).toBe(
      7 * DAY,
    );

    const response = await download(person, job.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-length")).toBe(String(ready.bytes));
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="ai-image-studio-export-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const background = await unzip(response);
    const streamed = await unzip(
      await person.caller.raw(accountExport.GET, { path: "/api/v1/account/export" }),
    );
    expect(Object.keys(background.entries).sort()).toEqual(Object.keys(streamed.entries).sort());
    for (const [name, bytes] of Object.entries(streamed.entries))
      expect(background.entries[name], name).toEqual(bytes);

    const manifest = background.json("manifest.json") as { images: ManifestImage[] };
    const listed = data<Image[]>(
      await person.caller.call<Image[]>(images.GET, { path: "/api/v1/images?limit=100" }),
    );
    expect(manifest.images.map((image) => image.id).sort()).toEqual([...ids].sort());
    const byId = new Map(listed.map((image) => [image.id, image]));
    for (const { file, template, ...image } of manifest.images) {
      expect(image).toEqual(byId.get(image.id));
      expect(background.entries[file]?.byteLength).toBeGreaterThan(0);
      expect(template).toBeNull();
    }
    expect(background.json("collections.json")).toMatchObject({
      collections: [expect.objectContaining({ name: "Kept", imageIds: [ids[2]] })],
    });

    // Ready mails once, with a link to Settings (signed in there), never a secret.
    await runDueExports(deps());
    const mail = await exportMail(person.user.id);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text_body).toContain("/settings#your-data");
    expect(mail[0]!.text_body).not.toContain(job.id);
  });

  it("answers 404 to anyone but the owner, for the status and the file", async () => {
    const { person } = await withImages("owner", 4);
    const stranger = await signUp("stranger");
    const job = data<{ export: AccountExport }>(await start(person)).export;
    await runDueExports(deps());
    expect((await statusOf(stranger, job.id)).status).toBe(404);
    expect((await download(stranger, job.id)).status).toBe(404);
    expect((await statusOf(person, job.id)).status).toBe(200);
    expect((await download(person, job.id)).status).toBe(200);
  });

  it("resumes a job whose runner died, from its cursor, once the lease has run out", async () => {
    const { person, ids } = await withImages("resumed", 5);
    const job = data<{ export: AccountExport }>(await start(person)).export;
    await runDueExports(deps(), { maxSteps: 1, stepImages: 2 });

    // A runner claims the job, writes an object it never records, and dies.
    const leaseEnd = Date.now() + 2 * 60_000;
    await studio.database.query(
      "update public.account_exports set lease_token = gen_random_uuid(), lease_until = $2 where id = $1",
      [job.id, new Date(leaseEnd).toISOString()],
    );
    const orphan = `exports/${person.user.id}/${job.id}/part-00001-deadbeef.zip`;
    await queueFileRemovals(studio.database.db, [orphan], "export part not recorded", {
      graceMs: HOUR,
    });
    await studio.services.objectStore.put(orphan, new Uint8Array([1, 2, 3]), "application/zip");

    // While the lease holds, nobody else touches it.
    expect(await runDueExports(deps(), { stepImages: 2 })).toEqual({
      exportSteps: 0,
      exportsReady: 0,
    });
    expect(data<{ export: AccountExport }>(await statusOf(person, job.id)).export).toMatchObject({
      status: "running",
      progress: { done: 2, total: 5 },
    });

    const later = () => leaseEnd + 1000;
    const resumed = await runDueExports(deps(), { stepImages: 2, now: later });
    expect(resumed.exportsReady).toBe(1);
    const response = await download(person, job.id);
    const { json, entries } = await unzip(response);
    const manifest = json("manifest.json") as { images: ManifestImage[] };
    expect(manifest.images.map((image) => image.id).sort()).toEqual([...ids].sort());
    expect(Object.keys(entries).filter((name) => name.startsWith("images/"))).toHaveLength(5);

    // The dead runner's object goes with the cron once its grace is over; the export stays.
    await runDailyJobs({
      db: studio.database.db,
      objectStore: studio.services.objectStore,
      mail: studio.services.mail,
      exports: deps(),
      now: Date.now() + 2 * HOUR,
    });
    const left = filesUnder(`exports/${person.user.id}`);
    expect(left).not.toContain(orphan);
    // Three parts of images (2 + 2 + 1) and the last one with the JSON files and the directory.
    expect(left.filter((key) => key.includes("/part-"))).toHaveLength(4);
    expect((await download(person, job.id)).status).toBe(200);
  });

  it("retries a step the store refused, and fails for good after five refusals, leaving no file", async () => {
    let refuse = 0;
    const flaky = await startTestStudio(
      { ACCOUNT_EXPORT_STREAM_MAX_IMAGES: "3" },
      {
        wrapObjectStore: (store) => ({
          ...store,
          async put(key, body, type) {
            if (key.startsWith("exports/") && refuse > 0) {
              refuse -= 1;
              throw new Error("storage is down");
            }
            return store.put(key, body, type);
          },
        }),
      },
    );
    try {
      const flakyDeps = exportDepsOf(flaky.services);
      const person = await signUp("flaky");
      await seedImagesWithFiles(flaky, { userId: person.user.id, count: 4 });
      const job = data<{ export: AccountExport }>(await start(person)).export;
      let clock = Date.now();
      refuse = 1;
      await runDueExports(flakyDeps, { now: () => clock });
      const [retried] = await flaky.database.query<{ status: string; attempts: number }>(
        "select status, attempts from public.account_exports where id = $1",
        [job.id],
      );
      expect(retried).toEqual({ status: "running", attempts: 1 });
      clock += HOUR;
      expect((await runDueExports(flakyDeps, { now: () => clock })).exportsReady).toBe(1);

      const second = await signUp("doomed");
      await seedImagesWithFiles(flaky, { userId: second.user.id, count: 4 });
      const doomed = data<{ export: AccountExport }>(await start(second)).export;
      refuse = 1000;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        clock += HOUR;
        await runDueExports(flakyDeps, { now: () => clock });
      }
      const failed = data<{ export: AccountExport }>(await statusOf(second, doomed.id)).export;
      expect(failed).toMatchObject({ status: "failed", downloadUrl: null });
      expect(failed.error).toMatch(/could not be prepared/);
      expect(filesUnder(`exports/${second.user.id}`)).toEqual([]);
    } finally {
      provideServices(studio.services);
      await flaky.dispose();
    }
  });

  it("expires after seven days: the cron removes the file and marks the row", async () => {
    const { person } = await withImages("expiring", 4);
    const job = data<{ export: AccountExport }>(await start(person)).export;
    await runDueExports(deps());
    expect(filesUnder(`exports/${person.user.id}`).length).toBeGreaterThan(0);

    const report = await runDailyJobs({
      db: studio.database.db,
      objectStore: studio.services.objectStore,
      mail: studio.services.mail,
      exports: deps(),
      now: Date.now() + 7 * DAY + HOUR,
    });
    expect(report.exportsExpired).toBeGreaterThanOrEqual(1);
    expect(data<{ export: AccountExport }>(await statusOf(person, job.id)).export).toMatchObject({
      status: "expired",
      downloadUrl: null,
    });
    expect(filesUnder(`exports/${person.user.id}`)).toEqual([]);
    const [row] = await studio.database.query<{ parts: unknown[] }>(
      "select parts from public.account_exports where id = $1",
      [job.id],
    );
    expect(row!.parts).toEqual([]);
    expect((await download(person, job.id)).status).toBe(409);
  });

  it("keeps one ready export per person: a newer one retires the older file", async () => {
    const { person } = await withImages("twice", 4);
    const first = data<{ export: AccountExport }>(await start(person)).export;
    await runDueExports(deps());
    const firstFiles = filesUnder(`exports/${person.user.id}/${first.id}`);
    expect(firstFiles.length).toBeGreaterThan(0);
    const second = data<{ export: AccountExport }>(await start(person)).export;
    expect(second.id).not.toBe(first.id);
    await runDueExports(deps());
    expect(data<{ export: AccountExport }>(await statusOf(person, first.id)).export.status).toBe(
      "expired",
    );
    expect(filesUnder(`exports/${person.user.id}/${first.id}`)).toEqual([]);
    expect((await download(person, second.id)).status).toBe(200);
    expect(await exportMail(person.user.id)).toHaveLength(2);
  });

  it("holds each image once past a page of rows, streamed or in the background (microsecond keyset)", async () => {
    const { person, ids } = await withImages("many", 105);
    const streamed = await unzip(
      await person.caller.raw(accountExport.GET, { path: "/api/v1/account/export" }),
    );
    const streamedManifest = streamed.json("manifest.json") as { images: ManifestImage[] };
    expect(streamedManifest.images.map((image) => image.id).sort()).toEqual([...ids].sort());

    const job = data<{ export: AccountExport }>(await start(person)).export;
    await runDueExports(deps(), { stepImages: 40 });
    const background = await unzip(await download(person, job.id));
    const manifest = background.json("manifest.json") as { images: ManifestImage[] };
    expect(manifest.images.map((image) => image.id).sort()).toEqual([...ids].sort());
    expect(Object.keys(background.entries)).toHaveLength(105 + 3);
  });
});
