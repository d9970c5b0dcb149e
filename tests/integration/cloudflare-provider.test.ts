import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as register from "@/app/api/v1/auth/register/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as edit from "@/app/api/v1/images/[id]/edit/route";
import * as generate from "@/app/api/v1/images/generate/route";
import * as settings from "@/app/api/v1/settings/route";
import * as providerKey from "@/app/api/v1/settings/provider-key/route";
import type { Image, Profile, ProviderKeyInfo, Settings } from "@/shared/api-types";
import { images, usageLogs } from "@/server/db/schema";
import { ApiCaller } from "../support/api-caller";
import {
  FAKE_CLOUDFLARE_ACCOUNT,
  FAKE_CLOUDFLARE_TOKEN,
  cloudflareErrors,
  startFakeCloudflareServer,
  type FakeCloudflareServer,
} from "../support/fake-cloudflare-server";
import {
  FAKE_GEMINI_KEY,
  geminiErrors,
  startFakeGeminiServer,
  type FakeGeminiServer,
} from "../support/fake-gemini-server";
import { startTestStudio, type TestStudio } from "../support/test-services";

/**
 * Cloudflare Workers AI as the second provider, through the real route handlers, services and
 * adapters, against local servers speaking Gemini's and Cloudflare's wire formats, with faults
 * injected per request: keys, the default provider and fallback order, and what is charged.
 */

let studio: TestStudio;
let gemini: FakeGeminiServer;
let cloudflare: FakeCloudflareServer;

beforeAll(async () => {
  gemini = await startFakeGeminiServer();
  cloudflare = await startFakeCloudflareServer();
  studio = await startTestStudio({
    DEMO_PROVIDER: "off",
    GEMINI_API_BASE_URL: gemini.url,
    CLOUDFLARE_API_BASE_URL: cloudflare.url,
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    GENERATE_RATE_LIMIT_PER_MINUTE: "1000",
  });
});
afterAll(async () => {
  await studio?.dispose();
  await gemini?.close();
  await cloudflare?.close();
});

async function signedIn(): Promise<ApiCaller> {
  const caller = new ApiCaller();
  const response = await caller.call(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: {
      email: `cf${Date.now()}${Math.random()}@example.com`,
      password: "a good password",
      name: "Cloud",
    },
  });
  expect(response.status).toBe(201);
  return caller;
}

const putKey = (caller: ApiCaller, body: Record<string, unknown>) =>
  caller.call<ProviderKeyInfo>(providerKey.PUT, {
    method: "PUT",
    path: "/api/v1/settings/provider-key",
    body,
  });
const putCloudflare = (caller: ApiCaller, overrides: Record<string, unknown> = {}) =>
  putKey(caller, {
    provider: "cloudflare",
    apiKey: FAKE_CLOUDFLARE_TOKEN,
    accountId: FAKE_CLOUDFLARE_ACCOUNT,
    ...overrides,
  });
const putGemini = (caller: ApiCaller) =>
  putKey(caller, { provider: "gemini", apiKey: FAKE_GEMINI_KEY });
const readSettings = async (caller: ApiCaller) => {
  const response = await caller.call<Settings>(settings.GET, { path: "/api/v1/settings" });
  expect(response.status).toBe(200);
  if (!response.body.success) throw new Error("GET /settings failed");
  return { settings: response.body.data, raw: JSON.stringify(response.body) };
};
const patchSettings = (caller: ApiCaller, body: Record<string, unknown>) =>
  caller.call<Settings>(settings.PATCH, { method: "PATCH", path: "/api/v1/settings", body });
const generateJson = (caller: ApiCaller, body: Record<string, unknown>) =>
  caller.call<{ image: Image }>(generate.POST, {
    method: "POST",
    path: "/api/v1/images/generate",
    body,
  });
const quotaUsed = async (caller: ApiCaller) => {
  const me = await caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
  return me.body.success ? me.body.data.quota.usedToday : -1;
};
const userIdOf = async (caller: ApiCaller) => {
  const me = await caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
  if (!me.body.success) throw new Error("no profile");
  return me.body.data.user.id;
};
const runCalls = (from: number) =>
  cloudflare.requests.slice(from).filter((request) => request.method === "POST").length;
const geminiCalls = (from: number) =>
  gemini.requests.slice(from).filter((request) => request.path.endsWith(":generateContent")).length;

describe("the user's Cloudflare account id and API token", () => {
  it("refuses a token Cloudflare rejects with PROVIDER_KEY_INVALID and stores nothing", async () => {
    const caller = await signedIn();
    const response = await putCloudflare(caller, { apiKey: "a-token-cloudflare-rejects-00000000" });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      success: false,
      error: { code: "PROVIDER_KEY_INVALID" },
    });
    const wrongAccount = await putCloudflare(caller, {
      accountId: "ffffffffffffffffffffffffffffffff",
    });
    expect(wrongAccount.status).toBe(400);
    expect((await readSettings(caller)).settings.providers).toEqual([]);
  });

  it("refuses malformed bodies with VALIDATION_ERROR before asking Cloudflare", async () => {
    const caller = await signedIn();
    const before = cloudflare.requests.length;
    for (const body of [
      { provider: "cloudflare", apiKey: FAKE_CLOUDFLARE_TOKEN },
      { provider: "cloudflare", apiKey: FAKE_CLOUDFLARE_TOKEN, accountId: "not-an-account" },
      { provider: "cloudflare", apiKey: "short", accountId: FAKE_CLOUDFLARE_ACCOUNT },
      {
        provider: "cloudflare",
        apiKey: "tok\u0000en-00000000000000000000",
        accountId: FAKE_CLOUDFLARE_ACCOUNT,
      },
      { provider: "gemini", apiKey: FAKE_GEMINI_KEY, accountId: FAKE_CLOUDFLARE_ACCOUNT },
      { provider: "replicate", apiKey: FAKE_CLOUDFLARE_TOKEN },
    ]) {
      const response = await putKey(caller, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });
    }
    expect(cloudflare.requests.length).toBe(before);
  });

  it("stores a valid token sealed, lists only its last four, and forgets it on DELETE ?provider=cloudflare", async () => {
    const caller = await signedIn();
    const saved = await putCloudflare(caller, { accountId: FAKE_CLOUDFLARE_ACCOUNT.toUpperCase() });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      success: true,
      data: { provider: "cloudflare", last4: FAKE_CLOUDFLARE_TOKEN.slice(-4) },
    });
    expect(JSON.stringify(saved.body)).not.toContain(FAKE_CLOUDFLARE_TOKEN);
    const userId = await userIdOf(caller);
    const [row] = await studio.database.query<{ ciphertext: string; account_id: string }>(
      "select ciphertext, account_id from public.provider_keys where user_id = $1 and provider = 'cloudflare'",
      [userId],
    );
    expect(row?.account_id).toBe(FAKE_CLOUDFLARE_ACCOUNT);
    expect(row?.ciphertext).not.toContain(FAKE_CLOUDFLARE_TOKEN.slice(0, 16));

    const { settings: listed, raw } = await readSettings(caller);
    expect(listed.providers).toEqual([
      expect.objectContaining({ provider: "cloudflare", last4: FAKE_CLOUDFLARE_TOKEN.slice(-4) }),
    ]);
    expect(raw).not.toContain(FAKE_CLOUDFLARE_TOKEN);
    // /auth/profile's providerKey stays the Gemini key, as the contract says.
    const me = await caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
    expect(me.body.success && me.body.data.providerKey).toBeNull();

    const badQuery = await caller.call(providerKey.DELETE, {
      method: "DELETE",
      path: "/api/v1/settings/provider-key?provider=openai",
    });
    expect(badQuery.status).toBe(400);
    // No query means Gemini, as before: the Cloudflare token stays.
    await caller.call(providerKey.DELETE, {
      method: "DELETE",
      path: "/api/v1/settings/provider-key",
    });
    expect((await readSettings(caller)).settings.providers).toHaveLength(1);
    const removed = await caller.call(providerKey.DELETE, {
      method: "DELETE",
      path: "/api/v1/settings/provider-key?provider=cloudflare",
    });
    expect(removed.status).toBe(200);
    expect((await readSettings(caller)).settings.providers).toEqual([]);
  });
});

describe("default provider and fallback order", () => {
  it("PATCH /settings takes a default provider and a fallback order without duplicates", async () => {
    const caller = await signedIn();
    const initial = (await readSettings(caller)).settings;
    expect(initial).toMatchObject({ defaultProvider: "gemini", fallbackOrder: [] });
    const changed = await patchSettings(caller, {
      defaultProvider: "cloudflare",
      fallbackOrder: ["gemini"],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      success: true,
      data: { defaultProvider: "cloudflare", fallbackOrder: ["gemini"] },
    });
    for (const body of [
      { defaultProvider: "openai" },
      { fallbackOrder: ["gemini", "gemini"] },
      { fallbackOrder: ["demo"] },
      { fallbackOrder: "gemini" },
    ]) {
      const response = await patchSettings(caller, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });
    }
    expect((await readSettings(caller)).settings).toMatchObject({
      defaultProvider: "cloudflare",
      fallbackOrder: ["gemini"],
    });
  });

  it("with only a Cloudflare token, Cloudflare makes the image, and the image and usage log say so", async () => {
    const caller = await signedIn();
    await putCloudflare(caller);
    const from = cloudflare.requests.length;
    const response = await generateJson(caller, {
      prompt: "a red fox in snow",
      aspectRatio: "16:9",
      seed: 42,
    });
    expect(response.status).toBe(201);
    if (!response.body.success) throw new Error("generate failed");
    const image = response.body.data.image;
    expect(image).toMatchObject({
      provider: "cloudflare",
      model: "@cf/black-forest-labs/flux-1-schnell",
      aspectRatio: "16:9",
      width: 1344,
      height: 768,
      seed: 42,
    });
    expect(runCalls(from)).toBe(1);
    const [log] = await studio.database.db
      .select({ provider: usageLogs.provider, model: usageLogs.model })
      .from(usageLogs)
      .where(and(eq(usageLogs.imageId, image.id), eq(usageLogs.status, "success")));
    expect(log).toEqual({ provider: "cloudflare", model: "@cf/black-forest-labs/flux-1-schnell" });
    const [row] = await studio.database.db
      .select({ provider: images.provider })
      .from(images)
      .where(eq(images.id, image.id));
    expect(row?.provider).toBe("cloudflare");
    expect(await quotaUsed(caller)).toBe(1);
  });

  it("Gemini without image quota (429 limit 0) → Cloudflare makes it", async () => {
    const caller = await signedIn();
    await putGemini(caller);
    await putCloudflare(caller);
    await patchSettings(caller, { defaultProvider: "gemini", fallbackOrder: ["cloudflare"] });
    gemini.enqueue(geminiErrors.noImageQuota());
    const g = gemini.requests.length;
    const c = cloudflare.requests.length;
    const response = await generateJson(caller, { prompt: "a lighthouse" });
    expect(response.status).toBe(201);
    expect(response.body.success && response.body.data.image.provider).toBe("cloudflare");
    expect(geminiCalls(g)).toBe(1);
    expect(runCalls(c)).toBe(1);
    expect(await quotaUsed(caller)).toBe(1);
  });

  it("Cloudflare 5xx (after its retries) → Gemini makes it", async () => {
    const caller = await signedIn();
    await putGemini(caller);
    await putCloudflare(caller);
    await patchSettings(caller, { defaultProvider: "cloudflare", fallbackOrder: ["gemini"] });
    cloudflare.enqueue(
      cloudflareErrors.unavailable(),
      cloudflareErrors.internal(),
      cloudflareErrors.unavailable(),
    );
    const g = gemini.requests.length;
    const c = cloudflare.requests.length;
    const response = await generateJson(caller, { prompt: "a quiet harbour" });
    expect(response.status).toBe(201);
    expect(response.body.success && response.body.data.image).toMatchObject({
      provider: "gemini",
      model: "gemini-3.1-flash-image",
    });
    expect(runCalls(c)).toBe(3);
    expect(geminiCalls(g)).toBe(1);
  });

  it("both fail → PROVIDER_ERROR naming both, and the quota is given back", async () => {
    const caller = await signedIn();
    await putGemini(caller);
    await putCloudflare(caller);
    await patchSettings(caller, { defaultProvider: "gemini", fallbackOrder: ["cloudflare"] });
    gemini.enqueue(geminiErrors.noImageQuota());
    cloudflare.enqueue(cloudflareErrors.dailyAllocation());
    const response = await generateJson(caller, { prompt: "an orchard" });
    expect(response.status).toBe(502);
    expect(response.body).toMatchObject({
      success: false,
      error: {
        code: "PROVIDER_ERROR",
        details: {
          reason: "NO_IMAGE_QUOTA",
          tried: [
            { provider: "gemini", source: "user", code: "PROVIDER_ERROR" },
            { provider: "cloudflare", source: "user", code: "PROVIDER_ERROR" },
          ],
        },
      },
    });
    expect(JSON.stringify(response.body)).not.toContain(FAKE_CLOUDFLARE_TOKEN);
    expect(JSON.stringify(response.body)).not.toContain(FAKE_GEMINI_KEY);
    expect(await quotaUsed(caller)).toBe(0);
  });

  it("a prompt the provider blocks is not sent to the next one", async () => {
    const caller = await signedIn();
    await putGemini(caller);
    await putCloudflare(caller);
    await patchSettings(caller, { defaultProvider: "cloudflare", fallbackOrder: ["gemini"] });
    cloudflare.enqueue(cloudflareErrors.nsfw());
    const g = gemini.requests.length;
    const response = await generateJson(caller, { prompt: "something the filter dislikes" });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ success: false, error: { code: "CONTENT_BLOCKED" } });
    expect(geminiCalls(g)).toBe(0);
    expect(await quotaUsed(caller)).toBe(0);
  });

  it("an empty fallback order means no fallback: Cloudflare's used-up allocation is the answer", async () => {
    const caller = await signedIn();
    await putGemini(caller);
    await putCloudflare(caller);
    await patchSettings(caller, { defaultProvider: "cloudflare", fallbackOrder: [] });
    cloudflare.enqueue(cloudflareErrors.dailyAllocation());
    const g = gemini.requests.length;
    const response = await generateJson(caller, { prompt: "a meadow" });
    expect(response.status).toBe(502);
    expect(response.body).toMatchObject({
      success: false,
      error: { code: "PROVIDER_ERROR", details: { provider: "cloudflare", reason: "quota" } },
    });
    expect(geminiCalls(g)).toBe(0);
    expect(await quotaUsed(caller)).toBe(0);
  });
});

describe("input images and a text-only provider", () => {
  it("an edit skips Cloudflare for the next provider that takes images, and is refused clearly when none does", async () => {
    const caller = await signedIn();
    await putCloudflare(caller);
    await patchSettings(caller, { defaultProvider: "cloudflare", fallbackOrder: [] });
    const made = await generateJson(caller, { prompt: "a paper boat" });
    expect(made.status).toBe(201);
    if (!made.body.success) throw new Error("generate failed");
    const source = made.body.data.image;
    const editOf = () =>
      caller.call<{ image: Image }>(edit.POST, {
        method: "POST",
        path: `/api/v1/images/${source.id}/edit`,
        params: { id: source.id },
        body: { prompt: "make the boat red" },
      });

    const c = cloudflare.requests.length;
    const refused = await editOf();
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      success: false,
      error: {
        code: "VALIDATION_ERROR",
        details: { reason: "INPUT_IMAGES_UNSUPPORTED", issues: [{ path: "" }] },
      },
    });
    expect(runCalls(c)).toBe(0);
    expect(await quotaUsed(caller)).toBe(1);

    await putGemini(caller);
    await patchSettings(caller, { fallbackOrder: ["gemini"] });
    const g = gemini.requests.length;
    const edited = await editOf();
    expect(edited.status).toBe(201);
    expect(edited.body.success && edited.body.data.image).toMatchObject({
      provider: "gemini",
      parentId: source.id,
    });
    expect(geminiCalls(g)).toBe(1);
    expect(runCalls(c)).toBe(0);
    expect(await quotaUsed(caller)).toBe(2);
  });
});
