import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as register from "@/app/api/v1/auth/register/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as collectionImages from "@/app/api/v1/gallery/collections/[id]/images/route";
import * as collectionImage from "@/app/api/v1/gallery/collections/[id]/images/[imageId]/route";
import * as collectionById from "@/app/api/v1/gallery/collections/[id]/route";
import * as collections from "@/app/api/v1/gallery/collections/route";
import * as publicGallery from "@/app/api/v1/gallery/public/route";
import * as archive from "@/app/api/v1/images/archive/route";
import * as bulk from "@/app/api/v1/images/bulk/route";
import * as lineage from "@/app/api/v1/images/[id]/lineage/route";
import * as imageRoute from "@/app/api/v1/images/[id]/route";
import * as list from "@/app/api/v1/images/route";
import * as generate from "@/app/api/v1/images/generate/route";
import type { Collection, Image, ImageLineage, Profile, PublicImage } from "@/shared/api-types";
import { ApiCaller, type ApiResponse } from "../support/api-caller";
import { seedImageRows } from "../support/seed-images";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio({
    DEMO_PROVIDER: "on",
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    GENERATE_RATE_LIMIT_PER_MINUTE: "1000",
    DAILY_GENERATION_LIMIT: "1000",
  });
});
afterAll(async () => {
  await studio?.dispose();
});

async function signedIn(): Promise<{ caller: ApiCaller; userId: string }> {
  const caller = new ApiCaller();
  await caller.call(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: {
      email: `gallery${Date.now()}${Math.random()}@example.com`,
      password: "a good password",
      name: "Gallery Person",
    },
  });
  const me = await caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
  if (!me.body.success) throw new Error("not signed in");
  return { caller, userId: me.body.data.user.id };
}

async function walk(caller: ApiCaller, query: string): Promise<Image[]> {
  const seen: Image[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 500; page++) {
    const path: string = `/api/v1/images?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const response: ApiResponse<Image[]> = await caller.call<Image[]>(list.GET, { path });
    if (!response.body.success) throw new Error(JSON.stringify(response.body));
    seen.push(...response.body.data);
    cursor = response.body.meta.pagination?.nextCursor ?? null;
    if (!cursor) break;
  }
  return seen;
}

describe("own gallery list", () => {
  it("walks every page with no duplicates and no gaps while new images keep arriving", async () => {
    const { caller, userId } = await signedIn();
    const existing = await seedImageRows(studio.database, { userId, count: 95 });
    const seen: Image[] = [];
    let cursor: string | null = null;
    let inserted = 0;
    do {
      const path: string = `/api/v1/images?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      // Insert concurrently with each page read.
      const [response]: [ApiResponse<Image[]>, number] = await Promise.all([
        caller.call<Image[]>(list.GET, { path }),
        seedImageRows(studio.database, {
          userId,
          count: 2,
          prompt: (i) => `arrived ${inserted + i}`,
        }).then(() => (inserted += 2)),
      ]);
      if (!response.body.success) throw new Error(JSON.stringify(response.body));
      seen.push(...response.body.data);
      cursor = response.body.meta.pagination?.nextCursor ?? null;
    } while (cursor);
    const ids = seen.map((image) => image.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of existing) expect(ids).toContain(id);
    const times = seen.map((image) => image.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("lists newest or oldest first across pages, images made at the same instant ordered by id, each exactly once", async () => {
    const { caller, userId } = await signedIn();
    const ids = await seedImageRows(studio.database, { userId, count: 13 });
    // Five share one instant with the image before them, four another: pages must split them
    // without repeating or skipping any.
    await studio.database.query(
      `update public.images set created_at = '2026-03-01T10:00:00.123456Z' where id = any($1::uuid[])`,
      [ids.slice(2, 8)],
    );
    await studio.database.query(
      `update public.images set created_at = '2026-03-02T10:00:00Z' where id = any($1::uuid[])`,
      [ids.slice(8, 12)],
    );
    const byTimeThenId = (
      await studio.database.query<{ id: string }>(
        `select id from public.images where user_id = $1 order by created_at, id`,
        [userId],
      )
    ).map((row) => row.id);

    const oldest = await walk(caller, "limit=2&sort=oldest");
    expect(oldest.map((image) => image.id)).toEqual(byTimeThenId);
    const newest = await walk(caller, "limit=3&sort=newest");
    expect(newest.map((image) => image.id)).toEqual([...byTimeThenId].reverse());
    const unsorted = await walk(caller, "limit=4");
    expect(unsorted.map((image) => image.id)).toEqual([...byTimeThenId].reverse());
    // Filters apply in either order.
    const favorite = ids[9]!;
    await studio.database.query(`update public.images set favorite = true where id = $1`, [
      favorite,
    ]);
    expect((await walk(caller, "sort=oldest&favorite=true")).map((image) => image.id)).toEqual([
      favorite,
    ]);
  });

  it("refuses an unknown sort, and a cursor of one order used on the other, with VALIDATION_ERROR", async () => {
    const { caller, userId } = await signedIn();
    await seedImageRows(studio.database, { userId, count: 3 });
    for (const sort of ["popular", "", "OLDEST", "oldest,newest"]) {
      const response = await caller.call(list.GET, {
        path: `/api/v1/images?sort=${encodeURIComponent(sort)}`,
      });
      expect(response.status, sort).toBe(400);
      expect(response.body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });
    }
    const newestFirst = await caller.call<Image[]>(list.GET, { path: "/api/v1/images?limit=1" });
    const cursor = newestFirst.body.meta.pagination!.nextCursor!;
    const mixed = await caller.call(list.GET, {
      path: `/api/v1/images?limit=1&sort=oldest&cursor=${encodeURIComponent(cursor)}`,
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });
  });

  it("refuses a tampered cursor with VALIDATION_ERROR", async () => {
    const { caller, userId } = await signedIn();
    await seedImageRows(studio.database, { userId, count: 5 });
    const first = await caller.call<Image[]>(list.GET, { path: "/api/v1/images?limit=2" });
    const cursor = first.body.meta.pagination!.nextCursor!;
    const [payload, signature] = cursor.split(".");
    const forged = Buffer.from(
      JSON.stringify([
        "own",
        "2030-01-01T00:00:00.000000Z",
        "00000000-0000-4000-8000-000000000000",
      ]),
    ).toString("base64url");
    for (const bad of [
      `${forged}.${signature}`,
      `${payload}.AAAA${signature!.slice(4)}`,
      "garbage",
      `${payload}`,
    ]) {
      const response = await caller.call(list.GET, {
        path: `/api/v1/images?cursor=${encodeURIComponent(bad)}`,
      });
      expect(response.status, bad).toBe(400);
      expect(response.body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });
    }
  });

  it("searches prompts and tags, and filters by tag, favorite, aspect ratio, date and collection", async () => {
    const { caller, userId } = await signedIn();
    const ids = await seedImageRows(studio.database, {
      userId,
      count: 6,
      prompt: (i) =>
        [
          "a red fox in snow",
          "blue whales singing",
          "foxes at dawn",
          "a city at night",
          "mountain lake",
          "night market",
        ][i]!,
      tags: (i) =>
        [["animal"], ["ocean", "animal"], ["animal"], ["city"], [], ["city", "food"]][i]!,
      aspectRatio: (i) => (i % 2 ? "16:9" : "1:1"),
      favorite: (i) => i === 3,
    });
    const prompts = async (query: string) =>
      (await walk(caller, query)).map((image) => image.prompt).sort();
    expect(await prompts("q=fox")).toEqual(["a red fox in snow", "foxes at dawn"]);
    expect(await prompts("q=ocean")).toEqual(["blue whales singing"]);
    expect(await prompts("q=night")).toEqual(["a city at night", "night market"]);
    expect(await prompts("tag=animal")).toEqual([
      "a red fox in snow",
      "blue whales singing",
      "foxes at dawn",
    ]);
    expect(await prompts("favorite=true")).toEqual(["a city at night"]);
    expect(await prompts("aspectRatio=16:9")).toEqual([
      "a city at night",
      "blue whales singing",
      "night market",
    ]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await prompts(`from=${today}&to=${today}`)).length).toBe(6);
    expect(await prompts("to=2000-01-01")).toEqual([]);

    const created = await caller.call<Collection>(collections.POST, {
      method: "POST",
      path: "/api/v1/gallery/collections",
      body: { name: "Animals" },
    });
    const collection = created.body.success ? created.body.data : null;
    expect(collection).not.toBeNull();
    await caller.call(bulk.POST, {
      method: "POST",
      path: "/api/v1/images/bulk",
      body: { action: "addToCollection", imageIds: [ids[0], ids[2]], collectionId: collection!.id },
    });
    expect(await prompts(`collectionId=${collection!.id}`)).toEqual([
      "a red fox in snow",
      "foxes at dawn",
    ]);
    for (const bad of [
      "limit=0",
      "limit=101",
      "favorite=yes",
      "aspectRatio=2:1",
      "from=yesterday",
      "unknown=1",
    ]) {
      expect((await caller.call(list.GET, { path: `/api/v1/images?${bad}` })).status, bad).toBe(
        400,
      );
    }
  });
});

describe("collections", () => {
  it("creates, renames, describes, sets a cover, holds an image in several collections, and deletes", async () => {
    const { caller, userId } = await signedIn();
    const [first, second] = await seedImageRows(studio.database, { userId, count: 2 });
    const make = async (name: string) => {
      const response = await caller.call<Collection>(collections.POST, {
        method: "POST",
        path: "/api/v1/gallery/collections",
        body: { name },
      });
      expect(response.status).toBe(201);
      return (response.body as { data: Collection }).data;
    };
    const trips = await make("Trips");
    const best = await make("Best of");
    for (const collection of [trips, best]) {
      const added = await caller.call(collectionImages.POST, {
        method: "POST",
        path: `/api/v1/gallery/collections/${collection.id}/images`,
        params: { id: collection.id },
        body: { imageId: first },
      });
      expect(added.status).toBe(201);
    }
    await caller.call(collectionImages.POST, {
      method: "POST",
      path: `/api/v1/gallery/collections/${trips.id}/images`,
      params: { id: trips.id },
      body: { imageId: second },
    });
    const patched = await caller.call<Collection>(collectionById.PATCH, {
      method: "PATCH",
      path: `/api/v1/gallery/collections/${trips.id}`,
      params: { id: trips.id },
      body: { name: "Summer trips", description: "Sun and sea", coverImageId: first },
    });
    expect(patched.body).toMatchObject({
      success: true,
      data: {
        name: "Summer trips",
        description: "Sun and sea",
        coverImageId: first,
        imageCount: 2,
      },
    });
    expect((patched.body as { data: Collection }).data.coverUrl).toContain(first);
    const listed = await caller.call<Collection[]>(collections.GET, {
      path: "/api/v1/gallery/collections",
    });
    expect(
      (listed.body as { data: Collection[] }).data
        .map((collection) => collection.imageCount)
        .sort(),
    ).toEqual([1, 2]);
    const notMember = await caller.call(collectionById.PATCH, {
      method: "PATCH",
      path: `/api/v1/gallery/collections/${best.id}`,
      params: { id: best.id },
      body: { coverImageId: second },
    });
    expect(notMember.status).toBe(400);
    const removed = await caller.call(collectionImage.DELETE, {
      method: "DELETE",
      path: `/api/v1/gallery/collections/${trips.id}/images/${first}`,
      params: { id: trips.id, imageId: first! },
    });
    expect(removed.status).toBe(200);
    const after = await caller.call<Collection>(collectionById.GET, {
      path: `/api/v1/gallery/collections/${trips.id}`,
      params: { id: trips.id },
    });
    expect(after.body).toMatchObject({
      success: true,
      data: { imageCount: 1, coverImageId: null },
    });
    expect(
      (
        await caller.call(collectionById.DELETE, {
          method: "DELETE",
          path: `/api/v1/gallery/collections/${trips.id}`,
          params: { id: trips.id },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await caller.call(imageRoute.GET, {
          path: `/api/v1/images/${second}`,
          params: { id: second! },
        })
      ).status,
    ).toBe(200);
  });
});

// Who may see or change what, route by route and credential by credential: access-matrix.test.ts.
describe("public collections", () => {
  it("shows a public collection to anyone, with only its public images", async () => {
    const owner = await signedIn();
    const [visible, hidden] = await seedImageRows(studio.database, {
      userId: owner.userId,
      count: 2,
      isPublic: (i) => i === 0,
    });
    const created = await owner.caller.call<Collection>(collections.POST, {
      method: "POST",
      path: "/api/v1/gallery/collections",
      body: { name: "Shared", isPublic: true },
    });
    const collection = (created.body as { data: Collection }).data;
    expect(collection.shareUrl).toMatch(/^\/s\/c\/[A-Za-z0-9]{10}$/);
    await owner.caller.call(bulk.POST, {
      method: "POST",
      path: "/api/v1/images/bulk",
      body: { action: "addToCollection", imageIds: [visible, hidden], collectionId: collection.id },
    });
    const visitor = new ApiCaller();
    const seen = await visitor.call<Image[]>(collectionImages.GET, {
      path: `/api/v1/gallery/collections/${collection.id}/images`,
      params: { id: collection.id },
    });
    expect((seen.body as { data: Image[] }).data.map((image) => image.id)).toEqual([visible]);
    const summary = await visitor.call<Collection>(collectionById.GET, {
      path: `/api/v1/gallery/collections/${collection.id}`,
      params: { id: collection.id },
    });
    expect(summary.body).toMatchObject({ success: true, data: { imageCount: 1 } });
  });
});

describe("public gallery", () => {
  it("lists only opted-in images, newest published first or by downloads, searchable, for anonymous visitors", async () => {
    const owner = await signedIn();
    const marker = `zebra${Date.now()}`;
    const [privateOne, publicOne, popularOne] = await seedImageRows(studio.database, {
      userId: owner.userId,
      count: 3,
      prompt: (i) => `${marker} number ${i}`,
      isPublic: (i) => i > 0,
    });
    await studio.database.query("update public.images set download_count = 1000 where id = $1", [
      popularOne,
    ]);
    const visitor = new ApiCaller();
    const found = await visitor.call<PublicImage[]>(publicGallery.GET, {
      path: `/api/v1/gallery/public?q=${marker}`,
    });
    const ids = (found.body as { data: PublicImage[] }).data.map((image) => image.id);
    expect(ids).toEqual([popularOne, publicOne]);
    expect(ids).not.toContain(privateOne);
    expect((found.body as { data: PublicImage[] }).data[0]?.author.name).toBe("Gallery Person");
    const popular = await visitor.call<PublicImage[]>(publicGallery.GET, {
      path: `/api/v1/gallery/public?sort=popular&q=${marker}`,
    });
    expect((popular.body as { data: PublicImage[] }).data[0]?.id).toBe(popularOne);
    // Unpublishing removes it at once.
    await owner.caller.call(imageRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/images/${publicOne}`,
      params: { id: publicOne! },
      body: { isPublic: false },
    });
    const after = await visitor.call<PublicImage[]>(publicGallery.GET, {
      path: `/api/v1/gallery/public?q=${marker}`,
    });
    expect((after.body as { data: PublicImage[] }).data.map((image) => image.id)).toEqual([
      popularOne,
    ]);
  });
});

describe("bulk operations and files", () => {
  it("deletes many images with their files, and changes the visibility of many", async () => {
    const { caller } = await signedIn();
    const made: Image[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await caller.call<{ image: Image }>(generate.POST, {
        method: "POST",
        path: "/api/v1/images/generate",
        body: { prompt: `bulk ${i}` },
      });
      made.push((response.body as { data: { image: Image } }).data.image);
    }
    const published = await caller.call<{ affected: number }>(bulk.POST, {
      method: "POST",
      path: "/api/v1/images/bulk",
      body: { action: "setVisibility", isPublic: true, imageIds: made.map((image) => image.id) },
    });
    expect(published.body).toMatchObject({ success: true, data: { affected: 3 } });
    const one = await caller.call<{ image: Image }>(imageRoute.GET, {
      path: `/api/v1/images/${made[0]!.id}`,
      params: { id: made[0]!.id },
    });
    expect((one.body as { data: { image: Image } }).data.image.shareUrl).toMatch(
      /^\/s\/i\/[A-Za-z0-9]{10}$/,
    );

    const { existsSync } = await import("node:fs");
    const { join } = await import("node:path");
    const fileOf = (image: Image) =>
      join(studio.config.dataDir, "storage", image.userId!, image.id, "original.webp");
    expect(made.every((image) => existsSync(fileOf(image)))).toBe(true);
    const deleted = await caller.call<{ affected: number }>(bulk.POST, {
      method: "POST",
      path: "/api/v1/images/bulk",
      body: { action: "delete", imageIds: made.map((image) => image.id) },
    });
    expect(deleted.body).toMatchObject({ success: true, data: { affected: 3 } });
    expect(made.some((image) => existsSync(fileOf(image)))).toBe(false);
    expect(
      (
        await caller.call(imageRoute.GET, {
          path: `/api/v1/images/${made[0]!.id}`,
          params: { id: made[0]!.id },
        })
      ).status,
    ).toBe(404);
  });

  it("streams a ZIP of many images, one entry per image", async () => {
    const { caller } = await signedIn();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await caller.call<{ image: Image }>(generate.POST, {
        method: "POST",
        path: "/api/v1/images/generate",
        body: { prompt: `zip me ${i}` },
      });
      ids.push((response.body as { data: { image: Image } }).data.image.id);
    }
    const response = await caller.raw(archive.POST, {
      method: "POST",
      path: "/api/v1/images/archive",
      body: { imageIds: ids, size: "300" },
    });
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename=".*4-images\.zip"$/,
    );
    const { unzipSync } = await import("fflate");
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const names = Object.keys(entries);
    expect(names).toHaveLength(4);
    expect(names.every((name) => /^zip-me-\d-[0-9a-f]{8}-300\.webp$/.test(name))).toBe(true);
    expect(
      Object.values(entries).every(
        (bytes) => String.fromCharCode(...bytes.slice(8, 12)) === "WEBP",
      ),
    ).toBe(true);
  });
});

describe("lineage", () => {
  it("shows the chain of edits an image came from and led to", async () => {
    const { caller } = await signedIn();
    const root = await caller.call<{ image: Image }>(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt: "root" },
    });
    const rootImage = (root.body as { data: { image: Image } }).data.image;
    const { POST: editPost } = await import("@/app/api/v1/images/[id]/edit/route");
    const child = await caller.call<{ image: Image }>(editPost, {
      method: "POST",
      path: `/api/v1/images/${rootImage.id}/edit`,
      params: { id: rootImage.id },
      body: { prompt: "child" },
    });
    const childImage = (child.body as { data: { image: Image } }).data.image;
    const grandchild = await caller.call<{ image: Image }>(editPost, {
      method: "POST",
      path: `/api/v1/images/${childImage.id}/edit`,
      params: { id: childImage.id },
      body: { prompt: "grandchild" },
    });
    const grandchildImage = (grandchild.body as { data: { image: Image } }).data.image;
    const chain = await caller.call<ImageLineage>(lineage.GET, {
      path: `/api/v1/images/${childImage.id}/lineage`,
      params: { id: childImage.id },
    });
    expect(chain.body).toMatchObject({
      success: true,
      data: { ancestors: [{ id: rootImage.id }], descendants: [{ id: grandchildImage.id }] },
    });
  });
});
