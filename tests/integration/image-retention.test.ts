import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as generate from "@/app/api/v1/images/generate/route";
import type { Image } from "@/shared/api-types";
import type { SystemSettings } from "@/shared/system-settings";
import { settingsDefaultsOf } from "@/server/admin/system-settings";
import { runDailyJobs } from "@/server/operations/daily-jobs";
import * as keepRoute from "@/app/api/v1/images/[id]/keep/route";
import * as keepAllRoute from "@/app/api/v1/retention/keep-all/route";
import * as retentionRoute from "@/app/api/v1/retention/route";
import {
  keepImages,
  pruneAuditLog,
  runImageRetention,
  unkeepImages,
  type RetentionOverview,
} from "@/server/retention/image-retention";
import { signUp, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.now();
const N = 30;
let studio: TestStudio;
let owner: SignedUp;
let other: SignedUp;
/** What the live settings say in this test (the daily jobs read them each run). */
let retentionDays: number | null = N;

beforeAll(async () => {
  studio = await startTestStudio({
    DEMO_PROVIDER: "on",
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    GENERATE_RATE_LIMIT_PER_MINUTE: "1000",
    DAILY_GENERATION_LIMIT: "1000",
  });
  owner = await signUp("retention-owner");
  other = await signUp("retention-other");
});
afterAll(async () => {
  await studio?.dispose();
});

const settings = {
  get: async (): Promise<SystemSettings> => ({
    ...settingsDefaultsOf(studio.config),
    privateImageRetentionDays: retentionDays,
  }),
};
const run = (at: number) =>
  runDailyJobs({
    db: studio.services.database.db,
    objectStore: studio.services.objectStore,
    mail: studio.services.mail,
    settings,
    now: at,
  });

async function make(person: SignedUp, prompt: string, ageDays: number): Promise<Image> {
  const response = await person.caller.call<{ image: Image }>(generate.POST, {
    method: "POST",
    path: "/api/v1/images/generate",
    body: { prompt },
  });
  if (!response.body.success) throw new Error("generation failed");
  const image = response.body.data.image;
  await studio.database.query("update public.images set created_at = $2 where id = $1", [
    image.id,
    new Date(NOW - ageDays * DAY).toISOString(),
  ]);
  return image;
}
const originalOf = (image: Image) =>
  join(studio.config.dataDir, "storage", image.userId!, image.id, "original.webp");
async function exists(image: Image) {
  const rows = await studio.database.query("select 1 from public.images where id = $1", [image.id]);
  return rows.length === 1;
}
async function notices(userId: string) {
  return studio.database.query<{ text_body: string; subject: string }>(
    "select text_body, subject from public.mail_outbox where kind = 'retention-notice' and user_id = $1 order by created_at",
    [userId],
  );
}

describe("private image retention", () => {
  it("warns seven days ahead, keeps what the owner keeps, prunes at day N with the files, never touches the exempt, and a rerun changes nothing", async () => {
    // Older than N already (retention just turned on): warned now, removed only a week later.
    const old = await make(owner, "an old lighthouse", 35);
    // Day N-7 exactly.
    const due = await make(owner, "a paper boat at dusk", N - 7);
    const kept = await make(owner, "a kept fox", N - 7);
    const favorite = await make(owner, "a favorite owl", 40);
    const inCollection = await make(owner, "a collected moth", 40);
    const published = await make(owner, "a public heron", 40);
    const young = await make(owner, "a young sprout", 10);
    const othersOld = await make(other, "someone else's old bridge", 40);
    await studio.database.query("update public.images set favorite = true where id = $1", [
      favorite.id,
    ]);
    await studio.database.query(
      "update public.images set is_public = true, published_at = now() where id = $1",
      [published.id],
    );
    const [collection] = await studio.database.query<{ id: string }>(
      "insert into public.collections (user_id, name) values ($1, 'Moths') returning id",
      [owner.user.id],
    );
    await studio.database.query(
      "insert into public.collection_images (collection_id, image_id) values ($1, $2)",
      [collection!.id, inCollection.id],
    );
    expect(
      await keepImages({ db: studio.services.database.db, userId: owner.user.id, ids: [kept.id] }),
    ).toEqual([kept.id]);
    // Keeping someone else's image does nothing.
    expect(
      await keepImages({
        db: studio.services.database.db,
        userId: owner.user.id,
        ids: [othersOld.id],
      }),
    ).toEqual([]);

    // Day N-7: one notice per owner listing what will go; nothing removed.
    const first = await run(NOW);
    expect(first.retention).toMatchObject({
      retentionNoticesSent: 2,
      retentionImagesWarned: 3,
      retentionImagesDeleted: 0,
    });
    const mails = await notices(owner.user.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("2 private images");
    expect(mails[0]!.text_body).toContain("an old lighthouse");
    expect(mails[0]!.text_body).toContain("a paper boat at dusk");
    expect(mails[0]!.text_body).not.toContain("fox");
    expect(mails[0]!.text_body).toContain("/settings#retention");
    for (const image of [old, due, kept, favorite, inCollection, published, young])
      expect(await exists(image)).toBe(true);

    // A rerun the same day, and the days before N: no second notice, nothing removed.
    const again = await run(NOW + 1000);
    expect(again.retention).toMatchObject({
      retentionNoticesSent: 0,
      retentionImagesWarned: 0,
      retentionImagesDeleted: 0,
    });
    expect((await run(NOW + 6.5 * DAY)).retention?.retentionImagesDeleted).toBe(0);
    expect(await notices(owner.user.id)).toHaveLength(1);

    // Day N: the due images go with their files; the exempt and the young stay.
    const pruned = await run(NOW + 7 * DAY + 1000);
    expect(pruned.retention?.retentionImagesDeleted).toBe(3);
    for (const image of [old, due, othersOld]) {
      expect(await exists(image)).toBe(false);
      expect(existsSync(originalOf(image))).toBe(false);
    }
    for (const image of [kept, favorite, inCollection, published, young]) {
      expect(await exists(image)).toBe(true);
      expect(existsSync(originalOf(image))).toBe(true);
    }
    const pending = await studio.database.query(
      "select key from public.pending_file_removals where reason = 'retention'",
    );
    expect(pending).toEqual([]);
    const audit = await studio.database.query<{ metadata: { count: number } }>(
      "select metadata from public.audit_logs where action = 'image.retention_delete'",
    );
    expect(audit.map((row) => row.metadata.count)).toEqual([3]);

    // A rerun is a no-op.
    const rerun = await run(NOW + 7 * DAY + 2000);
    expect(rerun.retention).toMatchObject({
      retentionNoticesSent: 0,
      retentionImagesWarned: 0,
      retentionImagesDeleted: 0,
    });

    // Un-keeping puts the image back under the policy with a fresh week's notice.
    await unkeepImages({ db: studio.services.database.db, userId: owner.user.id, ids: [kept.id] });
    const rewarned = await run(NOW + 8 * DAY);
    expect(rewarned.retention).toMatchObject({ retentionNoticesSent: 1, retentionImagesWarned: 1 });
    expect(await notices(owner.user.id)).toHaveLength(2);
    expect((await run(NOW + 14 * DAY)).retention?.retentionImagesDeleted).toBe(0);
    expect(await exists(kept)).toBe(true);
    // Turned off meanwhile: nothing goes.
    retentionDays = null;
    expect((await run(NOW + 15 * DAY + 1000)).retention?.retentionImagesDeleted).toBe(0);
    expect(await exists(kept)).toBe(true);
    retentionDays = N;
    expect((await run(NOW + 15 * DAY + 1000)).retention?.retentionImagesDeleted).toBe(1);
    expect(await exists(kept)).toBe(false);
    expect(existsSync(originalOf(kept))).toBe(false);
  });

  it("lists what will go and keeps one image or all through the API; another's image is 404", async () => {
    const person = await signUp("retention-api");
    const a = await make(person, "a red kite", N - 6);
    const b = await make(person, "a blue kite", N - 5);
    await studio.services.systemSettings.update({
      actorId: person.user.id,
      patch: { privateImageRetentionDays: N },
      audit: { requestId: "retention-test", meta: { ip: null, userAgent: null } },
    });
    const overview = async (caller = person.caller) => {
      const response = await caller.call<RetentionOverview>(retentionRoute.GET, {
        path: "/api/v1/retention",
      });
      if (!response.body.success) throw new Error("GET /retention failed");
      return response.body.data;
    };
    expect((await overview()).images).toEqual([]);
    const now = Date.now();
    await runImageRetention(
      {
        db: studio.services.database.db,
        objectStore: studio.services.objectStore,
        mail: studio.services.mail,
      },
      { days: N, now },
    );
    const listed = await overview();
    expect(listed).toMatchObject({ retentionDays: N, noticeDays: 7, keptCount: 0 });
    expect(listed.images.map((image) => image.id)).toEqual([b.id, a.id]);
    // Made N-5 days ago, warned now: it goes a week from now (the notice's week), not in 5 days.
    expect(Date.parse(listed.images[0]!.dueAt)).toBe(now + 7 * DAY);

    const keep = (caller: SignedUp["caller"], id: string, method: "POST" | "DELETE" = "POST") =>
      caller.call<{ id: string; kept: boolean }>(keepRoute[method], {
        method,
        path: `/api/v1/images/${id}/keep`,
        params: { id },
      });
    expect((await keep(person.caller, a.id)).status).toBe(200);
    expect((await keep(other.caller, b.id)).status).toBe(404);
    expect((await keep(person.caller, crypto.randomUUID())).status).toBe(404);
    expect((await overview()).images.map((image) => image.id)).toEqual([b.id]);
    const all = await person.caller.call<{ kept: number }>(keepAllRoute.POST, {
      method: "POST",
      path: "/api/v1/retention/keep-all",
    });
    expect(all.body.success && all.body.data.kept).toBe(1);
    expect(await overview()).toMatchObject({ images: [], keptCount: 2 });
    const unkept = await keep(person.caller, a.id, "DELETE");
    expect(unkept.body.success && unkept.body.data.kept).toBe(false);
    // Back under the policy, but not listed until it is warned afresh.
    expect(await overview()).toMatchObject({ images: [], keptCount: 1 });
    // Off: nothing is listed.
    await studio.services.systemSettings.update({
      actorId: person.user.id,
      patch: { privateImageRetentionDays: null },
      audit: { requestId: "retention-test", meta: { ip: null, userAgent: null } },
    });
    expect(await overview()).toMatchObject({ retentionDays: null, images: [] });
  });

  it("prunes audit log entries older than the retention, in batches", async () => {
    await studio.database.query(
      `insert into public.audit_logs (action, metadata, created_at)
       select 'auth.login', '{}'::jsonb, $1::timestamptz - make_interval(days => g)
       from generate_series(366, 390) g`,
      [new Date(NOW).toISOString()],
    );
    await studio.database.query(
      "insert into public.audit_logs (action, metadata, created_at) values ('auth.login', '{}'::jsonb, $1)",
      [new Date(NOW - 300 * DAY).toISOString()],
    );
    const count = async () =>
      (
        await studio.database.query<{ n: number }>(
          "select count(*)::int as n from public.audit_logs where created_at < $1",
          [new Date(NOW - 365 * DAY).toISOString()],
        )
      )[0]!.n;
    expect(await count()).toBe(25);
    const db = studio.services.database.db;
    expect(await pruneAuditLog({ db, days: 365, now: NOW, batchSize: 10 })).toBe(25);
    expect(await count()).toBe(0);
    const kept = await studio.database.query(
      "select 1 from public.audit_logs where created_at = $1",
      [new Date(NOW - 300 * DAY).toISOString()],
    );
    expect(kept).toHaveLength(1);
    expect(await pruneAuditLog({ db, days: 365, now: NOW, batchSize: 10 })).toBe(0);
  });
});
