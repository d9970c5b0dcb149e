import type { Image } from "@/shared/api-types";
import { openOfflineDb, type MirroredImage } from "./offline-db";

/*
 * A copy of the image metadata the user has seen, so the gallery can open offline. The API
 * lists newest first by (createdAt, id) (or oldest first with sort=oldest); the "byOrder" index
 * walked backwards (or forwards) gives the same order.
 */

/** The gallery filters this copy can apply (the same names as GET /images). */
export interface MirrorFilters {
  q?: string;
  tag?: string;
  favorite?: boolean;
  aspectRatio?: string;
  templateId?: string;
  from?: string;
  to?: string;
  collectionId?: string;
  sort?: "newest" | "oldest";
}

export type OrderKey = [createdAt: string, id: string];

function orderKeyOf(image: Pick<Image, "createdAt" | "id">): OrderKey {
  return [image.createdAt, image.id];
}

/** Stores (or refreshes) images. */
export async function mirrorImages(images: readonly Image[], now = Date.now()): Promise<void> {
  if (images.length === 0) return;
  const db = await openOfflineDb();
  const tx = db.transaction("images", "readwrite");
  await Promise.all(
    images.map((image) =>
      tx.store.put({ id: image.id, image, createdAt: image.createdAt, savedAt: now }),
    ),
  );
  await tx.done;
}

/**
 * Stores one page of the unfiltered newest-first list and forgets images that the page shows
 * are gone: those ordered between `after` (the previous page's last image; none for the first
 * page) and this page's last image (or the very end when there are no more pages).
 */
export async function mirrorImagePage({
  images,
  after,
  hasMore,
  now = Date.now(),
}: {
  images: readonly Image[];
  after: OrderKey | null;
  hasMore: boolean;
  now?: number;
}): Promise<void> {
  const db = await openOfflineDb();
  const tx = db.transaction("images", "readwrite");
  const last = images.at(-1);
  const lower = hasMore && last ? orderKeyOf(last) : null;
  if (lower || after) {
    const range =
      lower && after
        ? IDBKeyRange.bound(lower, after, false, true)
        : lower
          ? IDBKeyRange.lowerBound(lower)
          : IDBKeyRange.upperBound(after!, true);
    const keep = new Set(images.map((image) => image.id));
    let cursor = await tx.store.index("byOrder").openCursor(range);
    while (cursor) {
      if (!keep.has(cursor.value.id)) await cursor.delete();
      cursor = await cursor.continue();
    }
  } else if (!hasMore) {
    // The whole list fits in this one page: it is the truth.
    const keep = new Set(images.map((image) => image.id));
    let cursor = await tx.store.openCursor();
    while (cursor) {
      if (!keep.has(cursor.value.id)) await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await Promise.all(
    images.map((image) =>
      tx.store.put({ id: image.id, image, createdAt: image.createdAt, savedAt: now }),
    ),
  );
  await tx.done;
}

export async function forgetImages(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const db = await openOfflineDb();
  const tx = db.transaction("images", "readwrite");
  await Promise.all(ids.map((id) => tx.store.delete(id)));
  await tx.done;
}

export async function readMirroredImage(id: string): Promise<Image | null> {
  const db = await openOfflineDb();
  return (await db.get("images", id))?.image ?? null;
}

/** The stored images matching `filters`, newest (or oldest) first, as the API would list them. */
export async function listMirroredImages(filters: MirrorFilters = {}): Promise<Image[]> {
  const db = await openOfflineDb();
  const tx = db.transaction(["images", "collections"], "readonly");
  let members: Set<string> | null = null;
  if (filters.collectionId) {
    const collection = await tx.objectStore("collections").get(filters.collectionId);
    members = new Set(collection?.imageIds ?? []);
  }
  const matches = matcherFor(filters, members);
  const result: Image[] = [];
  let cursor = await tx
    .objectStore("images")
    .index("byOrder")
    .openCursor(null, filters.sort === "oldest" ? "next" : "prev");
  while (cursor) {
    if (matches(cursor.value)) result.push(cursor.value.image);
    cursor = await cursor.continue();
  }
  await tx.done;
  return result;
}

function matcherFor(filters: MirrorFilters, members: Set<string> | null) {
  const q = filters.q?.trim().toLowerCase();
  const from = filters.from ? Date.parse(filters.from) : null;
  // `to` is a day: the whole day counts.
  const to = filters.to
    ? Date.parse(filters.to) + (filters.to.length <= 10 ? 86_400_000 : 0)
    : null;
  return ({ image }: MirroredImage) => {
    if (members && !members.has(image.id)) return false;
    if (q && !`${image.prompt} ${image.tags.join(" ")}`.toLowerCase().includes(q)) return false;
    if (filters.tag && !image.tags.includes(filters.tag.toLowerCase())) return false;
    if (filters.favorite && !image.favorite) return false;
    if (filters.aspectRatio && image.aspectRatio !== filters.aspectRatio) return false;
    if (filters.templateId && image.styleTemplateId !== filters.templateId) return false;
    const created = Date.parse(image.createdAt);
    if (from !== null && !Number.isNaN(from) && created < from) return false;
    if (to !== null && !Number.isNaN(to) && created >= to) return false;
    return true;
  };
}
