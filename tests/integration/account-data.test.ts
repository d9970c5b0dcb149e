import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as account from "@/app/api/v1/account/route";
import * as accountExport from "@/app/api/v1/account/export/route";
import * as login from "@/app/api/v1/auth/login/route";
import * as publicGallery from "@/app/api/v1/gallery/public/route";
import * as images from "@/app/api/v1/images/route";
import * as providerKey from "@/app/api/v1/settings/provider-key/route";
import type { Image } from "@/shared/api-types";
import type { ManifestImage } from "@/server/account/account-export";
import { exportDepsOf, runDueExports, startAccountExport } from "@/server/account/account-exports";
import {
  FAKE_GEMINI_KEY,
  startFakeGeminiServer,
  type FakeGeminiServer,
} from "../support/fake-gemini-server";
import { madeUpSubscription } from "../support/fake-push-endpoint";
import {
  everyFileUnder,
  pathsNaming,
  whereValueRemains as whereValueRemainsIn,
} from "../support/leftovers";
import { seedImagesWithFiles } from "../support/seed-image-files";
import { signUp, TEST_PASSWORD, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
let gemini: FakeGeminiServer;

beforeAll(async () => {
  gemini = await startFakeGeminiServer();
  studio = await startTestStudio({ GEMINI_API_BASE_URL: gemini.url });
});
afterAll(async () => {
  await studio.dispose();
  await gemini.close();
});

async function exportOf(person: SignedUp) {
  const response = await person.caller.raw(accountExport.GET, { path: "/api/v1/account/export" });
  expect(response.status).toBe(200);
  const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
  const json = (name: string) => JSON.parse(new TextDecoder().decode(entries[name])) as unknown;
  return { response, entries, json };
}

const whereValueRemains = (value: string) => whereValueRemainsIn(studio.database, value);

describe("export everything", () => {
  let owner: SignedUp;
  let other: SignedUp;
  let ownIds: string[];

  beforeAll(async () => {
    owner = await signUp("exporter");
    other = await signUp("bystander");
    ownIds = await seedImagesWithFiles(studio, {
      userId: owner.user.id,
      count: 5,
      tags: (i) => [`tag-${i}`],
      favorite: (i) => i === 1,
      isPublic: (i) => i === 2,
    });
    await seedImagesWithFiles(studio, { userId: other.user.id, count: 3 });
    const collection = await studio.services.gallery.createCollection({
      userId: owner.user.id,
      input: { name: "Favourites", description: "The best ones" },
    });
    await studio.services.gallery.addImage({
      collectionId: collection.id,
      imageId: ownIds[0]!,
      userId: owner.user.id,
    });
    await owner.caller.call(providerKey.PUT, {
      method: "PUT",
      path: "/api/v1/settings/provider-key",
      body: { provider: "gemini", apiKey: FAKE_GEMINI_KEY },
    });
  });

  it("holds exactly the owner's originals, none of another user's, as a private attachment", async () => {
    const { response, entries, json } = await exportOf(owner);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="ai-image-studio-export-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const manifest = json("manifest.json") as { images: ManifestImage[] };
    expect(manifest.images.map((image) => image.id).sort()).toEqual([...ownIds].sort());
    const files = Object.keys(entries).filter((name) => name.startsWith("images/"));
    expect(files.sort()).toEqual(manifest.images.map((image) => image.file).sort());
    for (const name of files) expect(entries[name]!.byteLength).toBeGreaterThan(0);
  });

  it("describes each image exactly as the API does, plus its file and template", async () => {
    const [styled] = await studio.database.query<{ id: string; name: string }>(
      "select id, name from public.style_templates order by sort_order limit 1",
    );
    await studio.database.query("update public.images set style_template_id = $1 where id = $2", [
      styled!.id,
      ownIds[3],
    ]);
    const { json } = await exportOf(owner);
    const manifest = json("manifest.json") as { images: ManifestImage[] };
    const listed = await owner.caller.call<Image[]>(images.GET, {
      path: "/api/v1/images?limit=100",
    });
    if (!listed.body.success) throw new Error("list failed");
    const byId = new Map(listed.body.data.map((image) => [image.id, image]));
    for (const { file, template, ...image } of manifest.images) {
      expect(image).toEqual(byId.get(image.id));
      expect(file).toMatch(/^images\/.+\.webp$/);
      expect(template).toEqual(image.id === ownIds[3] ? styled : null);
    }
  });

  it("lists collections with their image ids, and settings without any secret", async () => {
    const { json, entries } = await exportOf(owner);
    const { collections } = json("collections.json") as {
      collections: { name: string; description: string; isPublic: boolean; imageIds: string[] }[];
    };
    expect(collections).toEqual([
      expect.objectContaining({
        name: "Favourites",
        description: "The best ones",
        isPublic: false,
        imageIds: [ownIds[0]],
      }),
    ]);
    const settingsText = new TextDecoder().decode(entries["settings.json"]);
    expect(JSON.parse(settingsText)).toMatchObject({
      account: { email: owner.email },
      settings: expect.objectContaining({ defaultQuality: expect.any(String) }),
    });
    expect(settingsText).not.toContain(FAKE_GEMINI_KEY);
    expect(settingsText).not.toMatch(/ciphertext|password|hash|secret|apiKey/i);
  });
});

describe("delete the account", () => {
  async function populated() {
    const person = await signUp("leaver");
    const ids = await seedImagesWithFiles(studio, {
      userId: person.user.id,
      count: 3,
      isPublic: (i) => i === 0,
    });
    const collection = await studio.services.gallery.createCollection({
      userId: person.user.id,
      input: { name: "Mine" },
    });
    await studio.services.gallery.addImage({
      collectionId: collection.id,
      imageId: ids[0]!,
      userId: person.user.id,
    });
    await studio.services.apiKeys.create({
      userId: person.user.id,
      name: "Script",
      scopes: ["images:read"],
      expiresInDays: null,
      audit: { requestId: "test", meta: { ip: null, userAgent: null } },
    });
    await person.caller.call(providerKey.PUT, {
      method: "PUT",
      path: "/api/v1/settings/provider-key",
      body: { provider: "gemini", apiKey: FAKE_GEMINI_KEY },
    });
    // A device that gets Web Push (its push service is never called here).
    await studio.services.push.subscribe({
      userId: person.user.id,
      subscription: madeUpSubscription(),
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36",
    });
    // A ready export in storage, and one still in preparation.
    const { export: ready } = await startAccountExport({
      db: studio.database.db,
      userId: person.user.id,
    });
    await runDueExports(exportDepsOf(studio.services), { id: ready.id });
    await startAccountExport({ db: studio.database.db, userId: person.user.id });
    return { person, ids };
  }

  const storageDir = () => join(studio.config.dataDir, "storage");

  it("leaves nothing of the user in any table or in storage, and keeps another user's data", async () => {
    const { person, ids } = await populated();
    const bystander = await signUp("stays");
    const [kept] = await seedImagesWithFiles(studio, { userId: bystander.user.id, count: 1 });
    expect(await whereValueRemains(person.user.id)).not.toEqual([]);
    // Every file of the embedded object store, wherever it lies, is checked against everything
    // that names this person's data: their id, their images' ids and their storage keys.
    const keys = (
      await studio.database.query<{ storage_key: string }>(
        "select storage_key from public.images where user_id = $1",
        [person.user.id],
      )
    ).map((row) => row.storage_key);
    expect(keys).toHaveLength(ids.length);
    const namesOfTheirs = [person.user.id, ...ids, ...keys];
    const before = pathsNaming(everyFileUnder(storageDir()), namesOfTheirs);
    // The walk does find them: each image's files and the ready export.
    for (const key of keys) expect(pathsNaming(before, [key]).length).toBeGreaterThan(0);
    expect(before.some((path) => path.startsWith(`exports/${person.user.id}/`))).toBe(true);
    const keptFiles = pathsNaming(everyFileUnder(storageDir()), [bystander.user.id]);
    expect(keptFiles).not.toEqual([]);

    const response = await person.caller.call<{ deleted: boolean }>(account.DELETE, {
      method: "DELETE",
      path: "/api/v1/account",
      // The contract's field names (API.md: `{email, password?}`).
      body: { email: person.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.status).toBe(200);
    expect(person.caller.cookies.size).toBe(0);

    expect(await whereValueRemains(person.user.id)).toEqual([]);
    // The only thing with the address left is the goodbye mail being sent to it.
    expect(await whereValueRemains(person.email)).toEqual(["public.mail_outbox.to_email"]);
    const mail = await studio.database.query<{ kind: string; user_id: string | null }>(
      "select kind, user_id from public.mail_outbox where to_email = $1",
      [person.email],
    );
    expect(mail).toEqual([{ kind: "account-deleted", user_id: null }]);
    expect(pathsNaming(everyFileUnder(storageDir()), namesOfTheirs)).toEqual([]);
    expect(pathsNaming(everyFileUnder(storageDir()), [bystander.user.id])).toEqual(keptFiles);

    const explore = await bystander.caller.call<Image[]>(publicGallery.GET, {
      path: "/api/v1/gallery/public?limit=100",
    });
    if (!explore.body.success) throw new Error("explore failed");
    expect(explore.body.data.map((image) => image.id)).not.toContain(ids[0]);

    const relogin = await new (await import("../support/api-caller")).ApiCaller().call(login.POST, {
      method: "POST",
      path: "/api/v1/auth/login",
      body: { email: person.email, password: TEST_PASSWORD },
    });
    expect(relogin.status).toBe(401);

    const theirs = await bystander.caller.call<Image[]>(images.GET, { path: "/api/v1/images" });
    if (!theirs.body.success) throw new Error("list failed");
    expect(theirs.body.data.map((image) => image.id)).toEqual([kept]);
  });

  it("refuses a wrong email or a wrong password with a 400 envelope and changes nothing", async () => {
    const { person } = await populated();
    const before = await whereValueRemains(person.user.id);
    for (const [body, field] of [
      [{ email: "someone-else@example.com", password: TEST_PASSWORD }, "email"],
      [{ email: person.email, password: "not the password" }, "password"],
      [{ email: person.email }, "password"],
      [{ password: TEST_PASSWORD }, "email"],
      // The name earlier clients sent is still taken.
      [{ confirmEmail: "someone-else@example.com", password: TEST_PASSWORD }, "email"],
      [{ confirmEmail: person.email, password: "not the password" }, "password"],
    ] as const) {
      const response = await person.caller.call(account.DELETE, {
        method: "DELETE",
        path: "/api/v1/account",
        body,
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body, JSON.stringify(body)).toMatchObject({
        success: false,
        error: { code: "VALIDATION_ERROR", details: { issues: [{ path: field }] } },
      });
    }
    expect(await whereValueRemains(person.user.id)).toEqual(before);
    const still = await person.caller.call<Image[]>(images.GET, { path: "/api/v1/images" });
    expect(still.status).toBe(200);
  });
});
