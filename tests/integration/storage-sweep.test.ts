import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as generate from "@/app/api/v1/images/generate/route";
import type { Image } from "@/shared/api-types";
import { sweepOrphanFiles } from "@/server/retention/orphan-sweep";
import { queueFileRemovals } from "@/server/storage/file-removals";
import { runStorageSweep } from "../../scripts/storage-sweep";
import { signUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio({ DEMO_PROVIDER: "on", AUTH_RATE_LIMIT_PER_MINUTE: "1000" });
});
afterAll(async () => {
  await studio?.dispose();
});

describe("orphan file sweep", () => {
  it("lists files no row owns on a dry run, removes only them with apply, and a rerun finds none", async () => {
    const person = await signUp("sweep");
    const response = await person.caller.call<{ image: Image }>(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt: "a swept floor" },
    });
    if (!response.body.success) throw new Error("generation failed");
    const image = response.body.data.image;
    const store = studio.services.objectStore;
    const db = studio.services.database.db;
    const strays = [
      `${person.user.id}/${crypto.randomUUID()}/original.webp`,
      `templates/${crypto.randomUUID()}/preview-1.webp`,
      `exports/${person.user.id}/${crypto.randomUUID()}/part-00000-x.zip`,
    ];
    for (const key of strays) await store.put(key, new Uint8Array([1, 2, 3]), "image/webp");
    // A file in flight (queued with a grace period) is the removal queue's, not an orphan.
    const inFlight = `${person.user.id}/${crypto.randomUUID()}/original.webp`;
    await queueFileRemovals(db, [inFlight], "generation in progress", { graceMs: 60_000 });
    await store.put(inFlight, new Uint8Array([1]), "image/webp");

    const before = (await store.list!()).length;
    const dry = await sweepOrphanFiles({ db, objectStore: store, apply: false });
    expect(dry.orphans.sort()).toEqual([...strays].sort());
    expect(dry.removed).toBe(0);
    expect((await store.list!()).length).toBe(before);

    const applied = await sweepOrphanFiles({ db, objectStore: store, apply: true });
    expect(applied.removed).toBe(3);
    for (const key of strays) expect(await store.get(key)).toBeNull();
    expect(await store.get(`${image.userId}/${image.id}/original.webp`)).not.toBeNull();
    expect(await store.get(inFlight)).not.toBeNull();
    expect((await sweepOrphanFiles({ db, objectStore: store, apply: true })).orphans).toEqual([]);
  });

  it("npm run storage:sweep refuses an unknown argument", async () => {
    const lines: string[] = [];
    expect(await runStorageSweep(["--now"], {}, (line) => lines.push(line))).toEqual({ code: 2 });
    expect(lines[0]).toContain("usage");
  });
});
