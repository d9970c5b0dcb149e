import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as collectionImages from "@/app/api/v1/gallery/collections/[id]/images/route";
import * as collections from "@/app/api/v1/gallery/collections/route";
import * as publicGallery from "@/app/api/v1/gallery/public/route";
import * as imageRoute from "@/app/api/v1/images/[id]/route";
import * as list from "@/app/api/v1/images/route";
import type { Collection, Image, PublicImage } from "@/shared/api-types";
import { ApiCaller, type ApiResponse } from "../support/api-caller";
import { signUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

// Lists have Postgres write their timestamps as text; a single image still goes through a JS
// Date. These tests hold the two to the same bytes, on PGlite and on the PostgreSQL server
// (whose drivers hand timestamps to Node differently), at the edges where they could part:
// microseconds that would round up into the next second, minute, year; whole seconds.

let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio({ AUTH_RATE_LIMIT_PER_MINUTE: "1000" });
});
afterAll(async () => {
  await studio?.dispose();
});

const dataOf = <T>(response: ApiResponse<T>): T => {
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return response.body.data;
};

/** Stored stamps (microseconds) and what the API has always written for them (toISOString). */
const STAMPS = [
  { stored: "2026-12-31 23:59:59.999999+00", api: "2026-12-31T23:59:59.999Z" },
  { stored: "2026-03-04 05:06:07.123456+00", api: "2026-03-04T05:06:07.123Z" },
  { stored: "2026-07-08 09:10:11+00", api: "2026-07-08T09:10:11.000Z" },
  { stored: "2026-02-28 23:59:59.000999+00", api: "2026-02-28T23:59:59.000Z" },
];

/** A share id (10 letters and digits) of its own per call. */
const shareIdOf = (seed: string) =>
  `${crypto.randomUUID().replaceAll("-", "")}${seed}`.replace(/[^A-Za-z0-9]/g, "").slice(0, 10);

/** An image row with the given stamps as created, updated and published (all public). */
async function insertStampedImage(
  userId: string,
  prompt: string,
  created: string,
  updated: string,
) {
  const [row] = await studio.database.query<{ id: string }>(
    `insert into public.images (user_id, prompt, aspect_ratio, quality, width, height, seed, model,
       storage_key, mime_type, byte_size, thumbnail_sizes, tags, is_public, published_at, share_id,
       favorite, created_at, updated_at)
     values ($1, $2, '1:1', 'standard', 1024, 1024, 7, 'demo', $3, 'image/webp', 1000,
       '{150,300}', '{stamped}', true, $4, $5, true, $4, $6)
     returning id`,
    [userId, prompt, `${userId}/${crypto.randomUUID()}`, created, shareIdOf(prompt), updated],
  );
  return row!.id;
}

describe("timestamps in lists", () => {
  it("own list, public search and collection pages carry each image exactly as GET /images/:id does, timestamps to the millisecond byte for byte", async () => {
    const owner = await signUp("stamps-owner");
    const stranger = new ApiCaller();
    const word = `stampword${Date.now()}`;
    const ids: string[] = [];
    for (const [i, stamp] of STAMPS.entries()) {
      // updated_at takes the next stamp, so created and updated differ per image.
      const updated = STAMPS[(i + 1) % STAMPS.length]!.stored;
      ids.push(
        await insertStampedImage(owner.user.id, `${word} picture ${i}`, stamp.stored, updated),
      );
    }
    const collection = dataOf<Collection>(
      await owner.caller.call<Collection>(collections.POST, {
        method: "POST",
        path: "/api/v1/gallery/collections",
        body: { name: "Stamped", isPublic: true },
      }),
    );
    for (const imageId of ids) {
      await owner.caller.call(collectionImages.POST, {
        method: "POST",
        path: `/api/v1/gallery/collections/${collection.id}/images`,
        params: { id: collection.id },
        body: { imageId },
      });
    }

    const single = async (caller: ApiCaller, id: string) =>
      dataOf<{ image: Image }>(
        await caller.call<{ image: Image }>(imageRoute.GET, {
          path: `/api/v1/images/${id}`,
          params: { id },
        }),
      ).image;
    const ownList = dataOf<Image[]>(
      await owner.caller.call<Image[]>(list.GET, { path: "/api/v1/images?limit=30" }),
    );
    const publicList = dataOf<PublicImage[]>(
      await stranger.call<PublicImage[]>(publicGallery.GET, {
        path: `/api/v1/gallery/public?q=${word}&limit=30`,
      }),
    );
    const collectionList = dataOf<Image[]>(
      await stranger.call<Image[]>(collectionImages.GET, {
        path: `/api/v1/gallery/collections/${collection.id}/images`,
        params: { id: collection.id },
      }),
    );
    expect(ownList.map((image) => image.id).sort()).toEqual([...ids].sort());
    expect(publicList.map((image) => image.id).sort()).toEqual([...ids].sort());
    expect(collectionList.map((image) => image.id).sort()).toEqual([...ids].sort());

    for (const [i, id] of ids.entries()) {
      const asOwner = await single(owner.caller, id);
      const asStranger = await single(stranger, id);
      expect(asOwner.createdAt).toBe(STAMPS[i]!.api);
      expect(asOwner.updatedAt).toBe(STAMPS[(i + 1) % STAMPS.length]!.api);
      expect(ownList.find((image) => image.id === id)).toEqual(asOwner);
      const { author, ...publicImage } = publicList.find((image) => image.id === id)!;
      expect(author).toEqual({ name: owner.user.name });
      expect(publicImage).toEqual(asStranger);
      expect(collectionList.find((image) => image.id === id)).toEqual(asStranger);
    }
  });
});
