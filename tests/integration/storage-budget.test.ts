import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accountExports from "@/app/api/v1/account/exports/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as generate from "@/app/api/v1/images/generate/route";
import type { AccountExportsOverview } from "@/shared/account-exports";
import type { Image, Profile } from "@/shared/api-types";
import { createStorageBudget } from "@/server/storage-budget/storage-budget";
import { signUp, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
let person: SignedUp;
const MB = 1024 * 1024;

beforeAll(async () => {
  // A 1 MB file budget, so one row's total_bytes can fill it.
  studio = await startTestStudio({
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    DEMO_PROVIDER: "on",
    STORAGE_FILES_LIMIT_MB: "1",
  });
  person = await signUp("budget");
});
afterAll(async () => {
  await studio?.dispose();
});

const generateJson = (prompt: string) =>
  person.caller.call<{ image: Image }>(generate.POST, {
    method: "POST",
    path: "/api/v1/images/generate",
    body: { prompt },
  });
async function usedToday() {
  const me = await person.caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
  if (!me.body.success) throw new Error("profile failed");
  return me.body.data.quota.usedToday;
}
async function count(table: string) {
  const [row] = await studio.database.query<{ n: number }>(
    `select count(*)::int as n from public.${table} where user_id = $1`,
    [person.user.id],
  );
  return Number(row!.n);
}

describe("storage budget", () => {
  it("refuses new generations at 100% of the file limit with 503 STORAGE_FULL, before quota or provider", async () => {
    const first = await generateJson("a lighthouse");
    expect(first.status).toBe(201);
    const imageId = first.body.success ? first.body.data.image.id : "";
    await studio.database.query("update public.images set total_bytes = $2 where id = $1", [
      imageId,
      2 * MB,
    ]);
    // The figure is cached for a minute: this one still goes through.
    expect((await generateJson("a second lighthouse")).status).toBe(201);
    studio.services.storageBudget.invalidate();
    const before = {
      used: await usedToday(),
      images: await count("images"),
      logs: await count("usage_logs"),
    };
    const refused = await generateJson("one too many for the disk");
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({
      success: false,
      error: { code: "SERVICE_UNAVAILABLE", details: { reason: "STORAGE_FULL", full: ["files"] } },
    });
    expect(refused.body.success ? "" : refused.body.error.message).toMatch(/storage is full/);
    expect({
      used: await usedToday(),
      images: await count("images"),
      logs: await count("usage_logs"),
    }).toEqual(before);
    // Space freed: generations work again once the cached figure is renewed.
    await studio.database.query("update public.images set total_bytes = 1000 where id = $1", [
      imageId,
    ]);
    studio.services.storageBudget.invalidate();
    expect((await generateJson("room again")).status).toBe(201);
  });

  it("measures files and database once per cache period, and refuses a full database too", async () => {
    let clock = 0;
    const budget = createStorageBudget({
      db: studio.services.database.db,
      limits: { filesBytes: 1024 * MB, databaseBytes: 1 },
      cacheMs: 60_000,
      now: () => clock,
    });
    const first = await budget.usage();
    expect(first.databaseBytes).toBeGreaterThan(1);
    expect(first.filesLimitBytes).toBe(1024 * MB);
    const [files] = await studio.database.query<{ n: string }>(
      "select coalesce(sum(total_bytes), 0)::text as n from public.images",
    );
    expect(first.filesBytes).toBe(Number(files!.n));
    await studio.database.query("update public.images set total_bytes = total_bytes + 5");
    clock = 59_000;
    expect((await budget.usage()).filesBytes).toBe(first.filesBytes);
    clock = 60_000;
    expect((await budget.usage()).filesBytes).toBe(first.filesBytes + 5 * (await count("images")));
    await expect(budget.assertRoom()).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      details: { reason: "STORAGE_FULL", full: ["database"] },
    });
  });

  it("shows each person their own stored images and bytes (GET /account/exports' storage)", async () => {
    const other = await signUp("budget-other");
    const overview = async (who: SignedUp) => {
      const response = await who.caller.call<AccountExportsOverview>(accountExports.GET, {
        path: "/api/v1/account/exports",
      });
      if (!response.body.success) throw new Error("overview failed");
      return response.body.data.storage;
    };
    const [own] = await studio.database.query<{ n: number; bytes: string }>(
      "select count(*)::int as n, coalesce(sum(total_bytes), 0)::text as bytes from public.images where user_id = $1",
      [person.user.id],
    );
    expect(Number(own!.n)).toBeGreaterThan(0);
    expect(await overview(person)).toEqual({ images: Number(own!.n), bytes: Number(own!.bytes) });
    expect(await overview(other)).toEqual({ images: 0, bytes: 0 });
  });
});
