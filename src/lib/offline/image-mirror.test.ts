import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Image } from "@/shared/api-types";
import { claimOfflineDbFor, deleteOfflineDb, openOfflineDb } from "./offline-db";
import { forgetImages, listMirroredImages, mirrorImagePage, mirrorImages } from "./image-mirror";

function image(id: string, createdAt: string, extra: Partial<Image> = {}): Image {
  return {
    id,
    userId: "user-a",
    prompt: `prompt ${id}`,
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
    createdAt,
    updatedAt: createdAt,
    shareUrl: null,
    urls: { original: `/api/v1/images/${id}/files/original`, thumbnails: {} },
    ...extra,
  };
}

const ids = (images: Image[]) => images.map((item) => item.id);

beforeEach(async () => {
  await deleteOfflineDb();
  await claimOfflineDbFor("user-a");
});

describe("image mirror", () => {
  it("lists newest first by (createdAt, id), or oldest first with sort=oldest, like the API", async () => {
    await mirrorImages([
      image("b", "2026-01-02T00:00:00.000Z"),
      image("a", "2026-01-01T00:00:00.000Z"),
      image("d", "2026-01-03T00:00:00.000Z"),
      image("c", "2026-01-02T00:00:00.000Z"),
    ]);
    expect(ids(await listMirroredImages())).toEqual(["d", "c", "b", "a"]);
    expect(ids(await listMirroredImages({ sort: "oldest" }))).toEqual(["a", "b", "c", "d"]);
  });

  it("applies the gallery filters it can", async () => {
    await mirrorImages([
      image("fox", "2026-01-01T00:00:00.000Z", { prompt: "A red fox", tags: ["animals"] }),
      image("sea", "2026-01-02T00:00:00.000Z", { favorite: true, aspectRatio: "16:9" }),
      image("owl", "2026-01-05T00:00:00.000Z", { tags: ["animals"], favorite: true }),
    ]);
    expect(ids(await listMirroredImages({ q: "fox" }))).toEqual(["fox"]);
    expect(ids(await listMirroredImages({ tag: "animals" }))).toEqual(["owl", "fox"]);
    expect(ids(await listMirroredImages({ favorite: true }))).toEqual(["owl", "sea"]);
    expect(ids(await listMirroredImages({ aspectRatio: "16:9" }))).toEqual(["sea"]);
    expect(ids(await listMirroredImages({ from: "2026-01-02", to: "2026-01-02" }))).toEqual([
      "sea",
    ]);
    const db = await openOfflineDb();
    await db.put("collections", {
      id: "col",
      name: "Col",
      description: null,
      imageIds: ["fox", "owl"],
      cachedUrls: [],
      bytes: 0,
      savedAt: 0,
    });
    expect(ids(await listMirroredImages({ collectionId: "col" }))).toEqual(["owl", "fox"]);
  });

  it("forgets images a fresh page shows are gone, and only within that page's range", async () => {
    await mirrorImages([
      image("e", "2026-01-05T00:00:00.000Z"),
      image("d", "2026-01-04T00:00:00.000Z"),
      image("c", "2026-01-03T00:00:00.000Z"),
      image("b", "2026-01-02T00:00:00.000Z"),
      image("a", "2026-01-01T00:00:00.000Z"),
    ]);
    // First page: "e" was deleted elsewhere, "f" is new; "b" and "a" lie beyond the page.
    await mirrorImagePage({
      images: [image("f", "2026-01-06T00:00:00.000Z"), image("d", "2026-01-04T00:00:00.000Z")],
      after: null,
      hasMore: true,
    });
    expect(ids(await listMirroredImages())).toEqual(["f", "d", "c", "b", "a"]);
    // Last page after "d": "c" is gone.
    await mirrorImagePage({
      images: [image("b", "2026-01-02T00:00:00.000Z"), image("a", "2026-01-01T00:00:00.000Z")],
      after: ["2026-01-04T00:00:00.000Z", "d"],
      hasMore: false,
    });
    expect(ids(await listMirroredImages())).toEqual(["f", "d", "b", "a"]);
    await forgetImages(["d"]);
    expect(ids(await listMirroredImages())).toEqual(["f", "b", "a"]);
  });

  it("is wiped when another user signs in on this device", async () => {
    await mirrorImages([image("a", "2026-01-01T00:00:00.000Z")]);
    await claimOfflineDbFor("user-a");
    expect(ids(await listMirroredImages())).toEqual(["a"]);
    await claimOfflineDbFor("user-b");
    expect(await listMirroredImages()).toEqual([]);
  });
});
