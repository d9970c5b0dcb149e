import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as register from "@/app/api/v1/auth/register/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as generate from "@/app/api/v1/images/generate/route";
import * as providerKey from "@/app/api/v1/settings/provider-key/route";
import type { Image, Profile, ProviderKeyInfo } from "@/shared/api-types";
import { ApiCaller } from "../support/api-caller";
import {
  FAKE_GEMINI_KEY,
  geminiErrors,
  startFakeGeminiServer,
  type FakeGeminiServer,
} from "../support/fake-gemini-server";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
let gemini: FakeGeminiServer;

beforeAll(async () => {
  gemini = await startFakeGeminiServer();
  studio = await startTestStudio({
    DEMO_PROVIDER: "off",
    GEMINI_API_BASE_URL: gemini.url,
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
  });
});
afterAll(async () => {
  await studio?.dispose();
  await gemini?.close();
});

async function signedIn(): Promise<ApiCaller> {
  const caller = new ApiCaller();
  const response = await caller.call(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: {
      email: `key${Date.now()}${Math.random()}@example.com`,
      password: "a good password",
      name: "Key",
    },
  });
  expect(response.status).toBe(201);
  return caller;
}

const putKey = (caller: ApiCaller, apiKey: string) =>
  caller.call<ProviderKeyInfo>(providerKey.PUT, {
    method: "PUT",
    path: "/api/v1/settings/provider-key",
    body: { provider: "gemini", apiKey },
  });
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

describe("the user's Gemini key", () => {
  it("answers PROVIDER_KEY_MISSING with a way forward when there is no key and no demo", async () => {
    const caller = await signedIn();
    const response = await generateJson(caller, { prompt: "anything" });
    expect(response.status).toBe(412);
    expect(response.body).toMatchObject({
      success: false,
      error: { code: "PROVIDER_KEY_MISSING", details: { settingsUrl: "/settings#gemini-key" } },
    });
    expect(await quotaUsed(caller)).toBe(0);
  });

  it("refuses a key Google rejects with PROVIDER_KEY_INVALID and stores nothing", async () => {
    const caller = await signedIn();
    const response = await putKey(caller, "AIzaThisKeyIsNotValidAtAll000000000000");
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      success: false,
      error: { code: "PROVIDER_KEY_INVALID" },
    });
    const me = await caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
    expect(me.body.success && me.body.data.providerKey).toBeNull();
  });

  it("stores a valid key encrypted, shows only its last four characters, and generates with it", async () => {
    const caller = await signedIn();
    const saved = await putKey(caller, FAKE_GEMINI_KEY);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      success: true,
      data: { provider: "gemini", last4: FAKE_GEMINI_KEY.slice(-4) },
    });
    expect(JSON.stringify(saved.body)).not.toContain(FAKE_GEMINI_KEY);
    const stored = await studio.database.query<{ ciphertext: string }>(
      "select ciphertext from public.provider_keys",
    );
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) expect(row.ciphertext).not.toContain(FAKE_GEMINI_KEY.slice(4, 20));

    const me = await caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
    expect(JSON.stringify(me.body)).not.toContain(FAKE_GEMINI_KEY);
    expect(me.body.success && me.body.data.providerKey?.last4).toBe(FAKE_GEMINI_KEY.slice(-4));

    const before = gemini.requests.length;
    const image = await generateJson(caller, {
      prompt: "a teapot on the moon",
      aspectRatio: "9:16",
      seed: 7,
    });
    expect(image.status).toBe(201);
    expect(image.body.success && image.body.data.image).toMatchObject({
      model: "gemini-3.1-flash-image",
      aspectRatio: "9:16",
      seed: 7,
    });
    const sent = gemini.requests
      .slice(before)
      .find((request) => request.path.endsWith(":generateContent"));
    expect(sent?.key).toBe("valid");
    expect(JSON.stringify(sent?.body)).toContain("a teapot on the moon");

    expect(
      (
        await caller.call(providerKey.DELETE, {
          method: "DELETE",
          path: "/api/v1/settings/provider-key",
        })
      ).status,
    ).toBe(200);
    expect((await generateJson(caller, { prompt: "after removal" })).status).toBe(412);
  });

  it("gives the quota back when Gemini refuses the prompt for safety", async () => {
    const caller = await signedIn();
    await putKey(caller, FAKE_GEMINI_KEY);
    gemini.enqueue({ kind: "prompt-blocked", blockReason: "SAFETY" });
    const response = await generateJson(caller, { prompt: "something the filter dislikes" });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ success: false, error: { code: "CONTENT_BLOCKED" } });
    expect(await quotaUsed(caller)).toBe(0);
  });

  it("gives the quota back when the project has no image quota (429 limit 0), with a billing hint", async () => {
    const caller = await signedIn();
    await putKey(caller, FAKE_GEMINI_KEY);
    gemini.enqueue(geminiErrors.noImageQuota());
    const response = await generateJson(caller, { prompt: "a quiet harbour" });
    expect(response.status).toBe(502);
    expect(response.body).toMatchObject({
      success: false,
      error: { code: "PROVIDER_ERROR", details: { reason: "NO_IMAGE_QUOTA", retryable: false } },
    });
    expect(await quotaUsed(caller)).toBe(0);
  });

  it("refuses to save a key that is not a string of the right shape", async () => {
    const caller = await signedIn();
    for (const body of [
      { provider: "openai", apiKey: FAKE_GEMINI_KEY },
      { provider: "gemini", apiKey: "short" },
      { provider: "gemini" },
    ]) {
      const response = await caller.call(providerKey.PUT, {
        method: "PUT",
        path: "/api/v1/settings/provider-key",
        body,
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });
});
