import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as collectionImages from "@/app/api/v1/gallery/collections/[id]/images/route";
import * as collectionById from "@/app/api/v1/gallery/collections/[id]/route";
import * as collections from "@/app/api/v1/gallery/collections/route";
import * as publicGallery from "@/app/api/v1/gallery/public/route";
import * as download from "@/app/api/v1/images/[id]/download/route";
import * as lineage from "@/app/api/v1/images/[id]/lineage/route";
import * as imageRoute from "@/app/api/v1/images/[id]/route";
import { loadSharedCollection, loadSharedImage } from "@/components/share/shared-data";
import type { Collection, Image, ImageLineage, PublicImage } from "@/shared/api-types";
import { createImagesService } from "@/server/images/images-service";
import { createMemoryKv } from "@/server/kv/memory-kv";
import { ApiCaller } from "../support/api-caller";
import { seedImagesWithFiles } from "../support/seed-image-files";
import { signUp, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio({ AUTH_RATE_LIMIT_PER_MINUTE: "1000" });
});
afterAll(async () => {
  await studio?.dispose();
});

const dataOf = <T>(response: { body: unknown }): T => {
  const body = response.body as { success: boolean; data: T };
  if (!body.success) throw new Error(JSON.stringify(body));
  return body.data;
};

async function publicCollectionOf(owner: SignedUp, imageIds: string[], coverImageId: string) {
  const collection = dataOf<Collection>(
    await owner.caller.call(collections.POST, {
      method: "POST",
      path: "/api/v1/gallery/collections",
      body: { name: "Shared with a secret cover", isPublic: true },
    }),
  );
  for (const imageId of imageIds) {
    await owner.caller.call(collectionImages.POST, {
      method: "POST",
      path: `/api/v1/gallery/collections/${collection.id}/images`,
      params: { id: collection.id },
      body: { imageId },
    });
  }
  return dataOf<Collection>(
    await owner.caller.call(collectionById.PATCH, {
      method: "PATCH",
      path: `/api/v1/gallery/collections/${collection.id}`,
      params: { id: collection.id },
      body: { coverImageId },
    }),
  );
}

describe("what others see of someone's public collection", () => {
  it("never names or shows a private cover to anyone but the owner: no coverImageId, and the newest public image as the picture", async () => {
    const owner = await signUp("cover-owner");
    const stranger = await signUp("cover-stranger");
    const [shown, secret] = await seedImagesWithFiles(studio, {
      userId: owner.user.id,
      count: 2,
      isPublic: (i) => i === 0,
    });
    const created = await publicCollectionOf(owner, [shown!, secret!], secret!);
    expect(created).toMatchObject({ coverImageId: secret });

    const asStranger = (caller: ApiCaller) =>
      caller.call<Collection>(collectionById.GET, {
        path: `/api/v1/gallery/collections/${created.id}`,
        params: { id: created.id },
      });
    for (const caller of [new ApiCaller(), stranger.caller]) {
      const seen = dataOf<Collection>(await asStranger(caller));
      expect(seen.coverImageId).toBeNull();
      expect(seen.coverUrl).toContain(shown);
      expect(JSON.stringify(seen)).not.toContain(secret);
    }
    const shared = await loadSharedCollection(created.shareUrl!.split("/").pop()!);
    expect(shared?.collection.coverImageId).toBeNull();
    expect(shared?.cover?.id).toBe(shown);
    expect(JSON.stringify(shared)).not.toContain(secret);

    // With no public image at all, visitors see no cover.
    await studio.database.query("update public.images set is_public = false where id = $1", [
      shown,
    ]);
    const empty = dataOf<Collection>(await asStranger(new ApiCaller()));
    expect(empty).toMatchObject({ coverImageId: null, coverUrl: null, imageCount: 0 });

    // The owner still sees the cover they chose.
    const own = dataOf<Collection>(await asStranger(owner.caller));
    expect(own.coverImageId).toBe(secret);
    expect(own.coverUrl).toContain(secret);
  });
});

describe("what others see of someone's public image", () => {
  it("carries no author id, favorite flag or source ids (null, false, empty; keys kept) for anyone but the owner, on every endpoint and share page", async () => {
    const owner = await signUp("fav-owner");
    const stranger = await signUp("fav-stranger");
    const [root, middle, leaf] = await seedImagesWithFiles(studio, {
      userId: owner.user.id,
      count: 3,
      isPublic: () => true,
      favorite: () => true,
      prompt: (i) => `favourite lineage ${i}`,
    });
    await studio.database.query("update public.images set parent_id = $1 where id = $2", [
      root,
      middle,
    ]);
    await studio.database.query("update public.images set parent_id = $1 where id = $2", [
      middle,
      leaf,
    ]);
    const collection = await publicCollectionOf(owner, [root!, middle!, leaf!], middle!);

    const imagesSeenBy = async (caller: ApiCaller): Promise<Image[]> => {
      const one = dataOf<{ image: Image }>(
        await caller.call(imageRoute.GET, {
          path: `/api/v1/images/${middle}`,
          params: { id: middle! },
        }),
      ).image;
      const gallery = dataOf<PublicImage[]>(
        await caller.call(publicGallery.GET, {
          path: "/api/v1/gallery/public?q=favourite%20lineage&limit=100",
        }),
      );
      const inCollection = dataOf<Image[]>(
        await caller.call(collectionImages.GET, {
          path: `/api/v1/gallery/collections/${collection.id}/images`,
          params: { id: collection.id },
        }),
      );
      const chain = dataOf<ImageLineage>(
        await caller.call(lineage.GET, {
          path: `/api/v1/images/${middle}/lineage`,
          params: { id: middle! },
        }),
      );
      expect(gallery).toHaveLength(3);
      expect(inCollection).toHaveLength(3);
      expect(chain.ancestors.map((image) => image.id)).toEqual([root]);
      expect(chain.descendants.map((image) => image.id)).toEqual([leaf]);
      return [one, ...gallery, ...inCollection, ...chain.ancestors, ...chain.descendants];
    };

    for (const caller of [new ApiCaller(), stranger.caller]) {
      for (const image of await imagesSeenBy(caller)) {
        expect(image).toHaveProperty("userId", null);
        expect(image).toHaveProperty("favorite", false);
        // The ids it was made from may name private images: the lineage endpoint shows what
        // of the chain this viewer may see.
        expect(image).toHaveProperty("parentId", null);
        expect(image).toHaveProperty("sourceImageIds", []);
      }
    }
    const ownView = (await imagesSeenBy(owner.caller)).find((image) => image.id === middle);
    expect(ownView).toMatchObject({ parentId: root, favorite: true, userId: owner.user.id });
    // Publishing again (seeded rows are public without a share id) gives it its link.
    const shareId = dataOf<{ image: Image }>(
      await owner.caller.call(imageRoute.PATCH, {
        method: "PATCH",
        path: `/api/v1/images/${middle}`,
        params: { id: middle! },
        body: { isPublic: true },
      }),
    )
      .image.shareUrl!.split("/")
      .pop()!;
    const sharedImage = await loadSharedImage(shareId);
    expect(sharedImage?.image).toMatchObject({ id: middle, userId: null, favorite: false });
    expect(JSON.stringify(sharedImage?.image)).not.toContain(owner.user.id);
    const sharedCollection = await loadSharedCollection(collection.shareUrl!.split("/").pop()!);
    expect(sharedCollection?.firstPage.items).toHaveLength(3);
    for (const image of [...sharedCollection!.firstPage.items, sharedCollection!.cover!]) {
      expect(image).toMatchObject({ userId: null, favorite: false });
    }

    // The owner sees their own flag and id where they are the viewer.
    const own = dataOf<{ image: Image }>(
      await owner.caller.call(imageRoute.GET, {
        path: `/api/v1/images/${middle}`,
        params: { id: middle! },
      }),
    ).image;
    expect(own).toMatchObject({ userId: owner.user.id, favorite: true });
    const ownChain = dataOf<ImageLineage>(
      await owner.caller.call(lineage.GET, {
        path: `/api/v1/images/${middle}/lineage`,
        params: { id: middle! },
      }),
    );
    expect(ownChain.ancestors[0]).toMatchObject({ userId: owner.user.id, favorite: true });
  });
});

describe("download counts", () => {
  const downloadAs = (caller: ApiCaller, id: string, headers: Record<string, string> = {}) =>
    caller.raw(download.GET, {
      path: `/api/v1/images/${id}/download?size=300`,
      params: { id },
      headers,
    });
  const countOf = async (id: string) =>
    (
      await studio.database.query<{ download_count: number }>(
        "select download_count from public.images where id = $1",
        [id],
      )
    )[0]!.download_count;

  it("counts at most one download per viewer and image a day, and never the owner's own", async () => {
    const owner = await signUp("count-owner");
    const fan = await signUp("count-fan");
    const [image, other] = await seedImagesWithFiles(studio, {
      userId: owner.user.id,
      count: 2,
      isPublic: () => true,
    });
    for (let i = 0; i < 5; i++) {
      expect((await downloadAs(new ApiCaller(), image!, { "user-agent": `bot ${i}` })).status).toBe(
        200,
      );
    }
    expect(await countOf(image!)).toBe(1);
    for (let i = 0; i < 3; i++) expect((await downloadAs(fan.caller, image!)).status).toBe(200);
    expect(await countOf(image!)).toBe(2);
    for (let i = 0; i < 3; i++) expect((await downloadAs(owner.caller, image!)).status).toBe(200);
    expect(await countOf(image!)).toBe(2);
    // Per image: the same viewer still counts once on another image.
    await downloadAs(fan.caller, other!);
    await downloadAs(fan.caller, other!);
    expect(await countOf(other!)).toBe(1);
  });

  it("counts the same viewer again on the next day", async () => {
    const owner = await signUp("day-owner");
    const [image] = await seedImagesWithFiles(studio, {
      userId: owner.user.id,
      count: 1,
      isPublic: () => true,
    });
    let now = Date.parse("2026-03-01T10:00:00Z");
    const images = createImagesService({
      db: studio.database.db,
      objectStore: studio.services.objectStore,
      kv: createMemoryKv(() => now),
    });
    const viewer = { userId: null, ip: "203.0.113.7" };
    const fetchIt = () => images.downloadFile({ id: image!, viewer, variant: "150" });
    await fetchIt();
    await fetchIt();
    now += 15 * 60 * 60 * 1000; // 01:00 the next day (UTC)
    await fetchIt();
    await fetchIt();
    expect(await countOf(image!)).toBe(2);
  });
});
