import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  startFakeSupabaseStorageServer,
  type FakeSupabaseStorageServer,
} from "../../../tests/support/fake-supabase-storage-server";
import { createSupabaseObjectStore } from "./supabase-object-store";

const SECRET_KEY = `sb_secret_${randomBytes(12).toString("base64url")}`;
const BUCKET = "images";

let server: FakeSupabaseStorageServer;
const storeWith = (secretKey = SECRET_KEY) =>
  createSupabaseObjectStore({ url: server.url, secretKey, bucket: BUCKET });

beforeAll(async () => {
  server = await startFakeSupabaseStorageServer({ secretKey: SECRET_KEY });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.objects.clear();
  server.buckets.clear();
  server.bucketSettings.clear();
  server.buckets.add(BUCKET);
  server.requests.length = 0;
});

describe("Supabase Storage object store", () => {
  it("lists every key, folder by folder and page by page", async () => {
    const store = storeWith();
    const keys = [
      "top.json",
      "u1/a/original.webp",
      "u1/a/thumb-150.webp",
      "u1/b/original.webp",
      "templates/t1/preview-1.webp",
      ...Array.from(
        { length: 1003 },
        (_, i) => `exports/u2/x/part-${String(i).padStart(5, "0")}.zip`,
      ),
    ];
    for (const key of keys) await store.put(key, new Uint8Array([1]), "image/webp");
    expect(await store.list!()).toEqual([...keys].sort());
  });

  it("keeps bytes and content type through put and get, and stores with a long cache lifetime", async () => {
    const store = storeWith();
    const body = new Uint8Array(randomBytes(4096));
    await store.put("u1/img-1/800.webp", body, "image/webp");

    const stored = server.objects.get(`${BUCKET}/u1/img-1/800.webp`);
    expect(stored?.cacheControl).toBe("max-age=31536000");
    expect(await store.get("u1/img-1/800.webp")).toEqual({ body, contentType: "image/webp" });
  });

  it("overwrites an existing object (upsert)", async () => {
    const store = storeWith();
    await store.put("u1/a.png", new Uint8Array([1, 2, 3]), "image/png");
    await store.put("u1/a.png", new Uint8Array([4, 5]), "image/avif");
    expect(await store.get("u1/a.png")).toEqual({
      body: new Uint8Array([4, 5]),
      contentType: "image/avif",
    });
  });

  it("answers null for a missing object", async () => {
    expect(await storeWith().get("u1/missing.webp")).toBeNull();
  });

  it("throws, not null, when the bucket itself is missing", async () => {
    server.buckets.clear();
    await expect(storeWith().get("u1/missing.webp")).rejects.toThrow(/NoSuchBucket/);
  });

  it("removes many keys in one request, missing ones included", async () => {
    const store = storeWith();
    await store.put("u1/a.webp", new Uint8Array([1]), "image/webp");
    await store.put("u1/b.webp", new Uint8Array([2]), "image/webp");
    await store.put("u1/keep.webp", new Uint8Array([3]), "image/webp");
    server.requests.length = 0;

    await store.remove(["u1/a.webp", "u1/b.webp", "u1/never-there.webp"]);

    expect(server.requests).toEqual([`DELETE /storage/v1/object/${BUCKET}`]);
    expect([...server.objects.keys()]).toEqual([`${BUCKET}/u1/keep.webp`]);
    expect(await store.get("u1/a.webp")).toBeNull();
  });

  it("signs a URL that serves the object without a key, and null for a missing object", async () => {
    const store = createSupabaseObjectStore({
      url: server.url,
      secretKey: SECRET_KEY,
      bucket: BUCKET,
      signedUrlSeconds: 60,
    });
    await store.put("u1/signed.webp", new Uint8Array([7, 8]), "image/webp");
    const url = await store.signedUrl!("u1/signed.webp");
    const response = await fetch(url!);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([7, 8]));
    expect(await store.signedUrl!("u1/missing.webp")).toBeNull();
  });

  it("offers no signed URLs unless given their lifetime (files are then streamed)", () => {
    expect(storeWith().signedUrl).toBeUndefined();
  });

  it("sends no request to remove an empty list (Storage refuses empty prefixes)", async () => {
    await storeWith().remove([]);
    expect(server.requests).toEqual([]);
  });

  it("creates a missing bucket as private on ping, then pings without creating it again", async () => {
    server.buckets.clear();
    const store = storeWith();
    await store.ping();

    expect(server.buckets.has(BUCKET)).toBe(true);
    expect(server.bucketSettings.get(BUCKET)).toMatchObject({
      public: false,
      fileSizeLimit: 10_000_000,
    });
    server.requests.length = 0;
    await store.ping();
    expect(server.requests).toEqual([`GET /storage/v1/bucket/${BUCKET}`]);
    await store.put("u1/after-ping.webp", new Uint8Array([9]), "image/webp");
  });

  it("refuses a public bucket on ping", async () => {
    server.bucketSettings.set(BUCKET, {
      public: true,
      fileSizeLimit: null,
      allowedMimeTypes: null,
      createdAt: new Date().toISOString(),
    });
    await expect(storeWith().ping()).rejects.toThrow(/public/);
  });

  it("throws on ping and put with a wrong secret key, without echoing the key", async () => {
    const wrongKey = `sb_secret_${randomBytes(12).toString("base64url")}`;
    const store = storeWith(wrongKey);
    const pingError = await store.ping().then(
      () => null,
      (error: unknown) => error,
    );
    expect(pingError).toBeInstanceOf(Error);
    expect((pingError as Error).message).toMatch(/HTTP 401/);
    expect((pingError as Error).message).not.toContain(wrongKey);
    await expect(store.put("u1/x.webp", new Uint8Array([1]), "image/webp")).rejects.toThrow(
      /HTTP 401/,
    );
    expect(server.objects.size).toBe(0);
  });

  it.each([
    "../etc/passwd",
    "/absolute.webp",
    "u1//double.webp",
    "u1/../escape.webp",
    "u1/with space.webp",
    "",
  ])("refuses the unsafe key %j before any request", async (key) => {
    const store = storeWith();
    await expect(store.put(key, new Uint8Array([1]), "image/webp")).rejects.toThrow(/unsafe/);
    await expect(store.get(key)).rejects.toThrow(/unsafe/);
    await expect(store.remove(["u1/fine.webp", key])).rejects.toThrow(/unsafe/);
    expect(server.requests).toEqual([]);
  });
});
