import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as imageRoute from "@/app/api/v1/images/[id]/route";
import { parseConfig } from "@/server/config/env";
import { contentSecurityPolicy, fileOriginOf } from "@/server/http/security-headers";
import { createSupabaseObjectStore } from "@/server/storage/supabase-object-store";
import { ApiCaller } from "../support/api-caller";
import { requestImageFile, seedOneImageWithFiles } from "../support/image-file-requests";
import {
  startFakeSupabaseStorageServer,
  type FakeSupabaseStorageServer,
} from "../support/fake-supabase-storage-server";
import { signUp, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

/*
 * Supabase mode: the files route checks who may see the file exactly as it always did, then
 * hands the bytes to Supabase Storage (a 307 to a short-lived signed URL) instead of passing them
 * through the function. Real supabase-js signs against the local Storage stand-in, which checks
 * the token (and its expiry, on its own clock) as Storage does.
 */

const SECRET_KEY = `sb_secret_${randomBytes(12).toString("base64url")}`;
const BUCKET = "images";
const TTL_SECONDS = 60;

let storage: FakeSupabaseStorageServer;
let studio: TestStudio;

beforeAll(async () => {
  storage = await startFakeSupabaseStorageServer({ secretKey: SECRET_KEY });
  storage.buckets.add(BUCKET);
  studio = await startTestStudio(
    { AUTH_RATE_LIMIT_PER_MINUTE: "1000" },
    {
      wrapObjectStore: () =>
        createSupabaseObjectStore({
          url: storage.url,
          secretKey: SECRET_KEY,
          bucket: BUCKET,
          signedUrlSeconds: TTL_SECONDS,
        }),
    },
  );
});
afterAll(async () => {
  await studio?.dispose();
  await storage?.close();
});
beforeEach(() => {
  storage.requests.length = 0;
});

const fileOf = requestImageFile;
const imageOf = (owner: SignedUp, isPublic: boolean) =>
  seedOneImageWithFiles(studio, owner, isPublic);

async function storageKeyOf(id: string): Promise<string> {
  const [row] = await studio.database.query<{ storage_key: string }>(
    "select storage_key from public.images where id = $1",
    [id],
  );
  return row!.storage_key;
}

/** The signed URL a redirect points at; asserts the redirect's own headers on the way. */
function locationOf(response: Response): string {
  expect(response.status).toBe(307);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const location = response.headers.get("location");
  expect(location).toBeTruthy();
  expect(location!.startsWith(`${storage.url}/storage/v1/object/sign/${BUCKET}/`)).toBe(true);
  return location!;
}

/** What a browser following the redirect gets: no key, no cookie, just the URL. */
const follow = (url: string) => fetch(url, { headers: { origin: "https://studio.example" } });

const signRequests = () =>
  storage.requests.filter((line) => line.startsWith("POST /storage/v1/object/sign/"));

describe("image files in Supabase mode", () => {
  it("redirects the owner of a private image to a signed URL that serves exactly its bytes to any origin", async () => {
    const owner = await signUp("files-sb");
    const id = await imageOf(owner, false);
    const location = locationOf(await fileOf(owner.caller, id, "300"));

    const file = await follow(location);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/webp");
    expect(file.headers.get("access-control-allow-origin")).toBe("*");
    const stored = storage.objects.get(`${BUCKET}/${await storageKeyOf(id)}/300.webp`);
    expect(Buffer.from(await file.arrayBuffer()).equals(stored!.body)).toBe(true);
  });

  it("points a size the image does not have at its original, as the streamed route does", async () => {
    const owner = await signUp("files-sb");
    const id = await imageOf(owner, false);
    const location = locationOf(await fileOf(owner.caller, id, "1920"));
    expect(new URL(location).pathname).toBe(
      `/storage/v1/object/sign/${BUCKET}/${await storageKeyOf(id)}/original.webp`,
    );
    expect((await follow(location)).status).toBe(200);
  });

  it("answers another user and a visitor 404 for a private image, with no URL and no signing", async () => {
    const owner = await signUp("files-sb");
    const other = await signUp("files-sb");
    const id = await imageOf(owner, false);
    for (const caller of [other.caller, new ApiCaller()]) {
      const response = await fileOf(caller, id, "300");
      expect(response.status).toBe(404);
      expect(response.headers.get("location")).toBeNull();
      expect(await response.text()).not.toContain(storage.url);
    }
    expect(signRequests()).toEqual([]);
  });

  it("gives a visitor a working URL for a public image, and 404 as soon as it is made private", async () => {
    const owner = await signUp("files-sb");
    const id = await imageOf(owner, true);
    const visitor = new ApiCaller();
    const before = locationOf(await fileOf(visitor, id, "150"));
    expect((await follow(before)).status).toBe(200);

    const patched = await owner.caller.call(imageRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/images/${id}`,
      params: { id },
      body: { isPublic: false },
    });
    expect(patched.status).toBe(200);

    const after = await fileOf(visitor, id, "150");
    expect(after.status).toBe(404);
    expect(after.headers.get("location")).toBeNull();
    // A URL handed out before the change is a signed one: it lasts its TTL and no longer.
    storage.advanceClock(TTL_SECONDS);
    expect((await follow(before)).status).toBe(400);
  });

  it("answers 404 for a deleted image, and the URL handed out before it no longer serves the file", async () => {
    const owner = await signUp("files-sb");
    const id = await imageOf(owner, false);
    const before = locationOf(await fileOf(owner.caller, id, "original"));

    const deleted = await owner.caller.call(imageRoute.DELETE, {
      method: "DELETE",
      path: `/api/v1/images/${id}`,
      params: { id },
    });
    expect(deleted.status).toBe(200);

    const after = await fileOf(owner.caller, id, "original");
    expect(after.status).toBe(404);
    expect(after.headers.get("location")).toBeNull();
    const stale = await follow(before);
    expect(stale.status).toBe(400);
    expect(await stale.json()).toMatchObject({ statusCode: "404", code: "NoSuchKey" });
  });

  it("answers 404 for an unknown image without asking Storage", async () => {
    const owner = await signUp("files-sb");
    const response = await fileOf(owner.caller, "00000000-0000-4000-8000-000000000000", "300");
    expect(response.status).toBe(404);
    expect(signRequests()).toEqual([]);
  });

  it("answers 404, not a dead redirect, when the image's file is missing from Storage", async () => {
    const owner = await signUp("files-sb");
    const id = await imageOf(owner, false);
    storage.objects.delete(`${BUCKET}/${await storageKeyOf(id)}/300.webp`);
    const response = await fileOf(owner.caller, id, "300");
    expect(response.status).toBe(404);
    expect(response.headers.get("location")).toBeNull();
  });

  it("lets a signed URL expire after its TTL on Storage's clock", async () => {
    const owner = await signUp("files-sb");
    const id = await imageOf(owner, false);
    const location = locationOf(await fileOf(owner.caller, id, "300"));

    storage.advanceClock(TTL_SECONDS - 1);
    expect((await follow(location)).status).toBe(200);
    storage.advanceClock(1);
    const expired = await follow(location);
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ code: "InvalidJWT", message: "jwt expired" });

    // The studio's URL stays the same and simply hands out a fresh one.
    const fresh = locationOf(await fileOf(owner.caller, id, "300"));
    expect((await follow(fresh)).status).toBe(200);
  });

  it("still confirms a kept copy with 304 to whoever may see it, without asking Storage", async () => {
    const owner = await signUp("files-sb");
    const other = await signUp("files-sb");
    const id = await imageOf(owner, false);
    const etag = `"${id}-300"`;
    const mine = await fileOf(owner.caller, id, "300", { "if-none-match": etag });
    expect(mine.status).toBe(304);
    const theirs = await fileOf(other.caller, id, "300", { "if-none-match": etag });
    expect(theirs.status).toBe(404);
    expect(signRequests()).toEqual([]);
  });
});

describe("choosing redirects in Supabase mode", () => {
  const supabaseEnv = {
    NODE_ENV: "test",
    SUPABASE_URL: "https://abcd.supabase.co",
    SUPABASE_PUBLISHABLE_KEY: "sb_publishable_x",
    SUPABASE_SECRET_KEY: "sb_secret_x",
    DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test",
    APP_SECRET: "a-test-app-secret-that-is-long-enough-0123",
  };

  it("redirects by default with a 60 s URL, for as long as STORAGE_SIGNED_URL_SECONDS says, and streams with STORAGE_REDIRECTS=off", () => {
    expect(parseConfig(supabaseEnv).objectStore).toMatchObject({ signedUrlSeconds: 60 });
    expect(
      parseConfig({ ...supabaseEnv, STORAGE_SIGNED_URL_SECONDS: "300" }).objectStore,
    ).toMatchObject({ signedUrlSeconds: 300 });
    expect(parseConfig({ ...supabaseEnv, STORAGE_REDIRECTS: "off" }).objectStore).toMatchObject({
      signedUrlSeconds: null,
    });
    expect(() => parseConfig({ ...supabaseEnv, STORAGE_SIGNED_URL_SECONDS: "5" })).toThrow(
      /STORAGE_SIGNED_URL_SECONDS/,
    );
  });

  it("lets pages load images from the Storage origin only when files are redirected there", () => {
    const csp = (env: Record<string, string>) =>
      contentSecurityPolicy({
        nonce: "n",
        isDevelopment: false,
        upgradeInsecure: false,
        fileOrigin: fileOriginOf(parseConfig(env).objectStore),
      });
    expect(csp(supabaseEnv)).toContain("img-src 'self' blob: data: https://abcd.supabase.co;");
    expect(csp(supabaseEnv)).toContain("connect-src 'self' https://abcd.supabase.co");
    expect(csp({ ...supabaseEnv, STORAGE_REDIRECTS: "off" })).not.toContain("supabase.co");
    expect(csp({ NODE_ENV: "test", DATA_DIR: "/nonexistent" })).not.toContain("supabase.co");
  });

  it("has no signed URLs in a store that streams (STORAGE_REDIRECTS=off)", () => {
    const streaming = createSupabaseObjectStore({
      url: storage.url,
      secretKey: SECRET_KEY,
      bucket: BUCKET,
      signedUrlSeconds: null,
    });
    expect(streaming.signedUrl).toBeUndefined();
  });
});
