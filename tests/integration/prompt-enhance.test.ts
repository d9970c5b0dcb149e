import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as enhance from "@/app/api/v1/prompts/enhance/route";
import * as providerKey from "@/app/api/v1/settings/provider-key/route";
import type { Profile } from "@/shared/api-types";
import { ApiCaller } from "../support/api-caller";
import {
  FAKE_ENHANCEMENT_SUFFIX,
  FAKE_GEMINI_KEY,
  FAKE_GEMINI_TEXT_MODEL,
  geminiErrors,
  startFakeGeminiServer,
  type FakeGeminiServer,
} from "../support/fake-gemini-server";
import { generationTimings } from "@/server/usage/usage-log";
import { computeDays, dayOf } from "@/server/usage/usage-rollups";
import { signUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";
import { awayFromWindowEdge } from "../support/rate-window";

/**
 * POST /prompts/enhance through the real route, services, moderation, rate limiter, usage log
 * and @google/genai, against the fake Gemini server's streamGenerateContent (SSE) — and with the
 * demo enhancer where the studio runs without Gemini.
 */

interface StreamEvent {
  event: string;
  data: Record<string, unknown>;
}

async function readEvents(response: Response): Promise<StreamEvent[]> {
  const text = await response.text();
  return text
    .split("\n\n")
    .filter((block) => block.startsWith("event:"))
    .map((block) => {
      const [eventLine = "", dataLine = ""] = block.split("\n");
      return {
        event: eventLine.slice("event: ".length),
        data: JSON.parse(dataLine.slice("data: ".length)) as Record<string, unknown>,
      };
    });
}

const enhanceJson = (caller: ApiCaller, body: unknown) =>
  caller.call<{ prompt: string }>(enhance.POST, {
    method: "POST",
    path: "/api/v1/prompts/enhance",
    body,
  });

const enhanceStream = (caller: ApiCaller, body: unknown) =>
  caller.raw(enhance.POST, {
    method: "POST",
    path: "/api/v1/prompts/enhance",
    body,
    headers: { accept: "text/event-stream" },
  });

async function quotaOf(caller: ApiCaller) {
  const me = await caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
  if (!me.body.success) throw new Error("profile failed");
  return me.body.data.quota;
}

describe("prompt enhancement with Gemini (user's key, fake server)", () => {
  let studio: TestStudio;
  let gemini: FakeGeminiServer;

  beforeAll(async () => {
    gemini = await startFakeGeminiServer();
    studio = await startTestStudio({
      DEMO_PROVIDER: "off",
      GEMINI_API_BASE_URL: gemini.url,
      ENHANCE_RATE_LIMIT_PER_MINUTE: "6",
      AUTH_RATE_LIMIT_PER_MINUTE: "1000",
      MODERATION_BLOCKLIST: "forbidden phrase",
    });
  });
  afterAll(async () => {
    await studio?.dispose();
    await gemini?.close();
  });

  async function withKey() {
    const person = await signUp("enhance");
    const saved = await person.caller.call(providerKey.PUT, {
      method: "PUT",
      path: "/api/v1/settings/provider-key",
      body: { provider: "gemini", apiKey: FAKE_GEMINI_KEY },
    });
    expect(saved.status).toBe(200);
    gemini.reset();
    return person;
  }

  async function enhanceLogs(userId: string) {
    return studio.database.query<{ status: string; error_code: string | null; model: string }>(
      "select status, error_code, model from public.usage_logs where user_id = $1 and action = 'prompt.enhance' order by created_at",
      [userId],
    );
  }

  it("refuses politely with 412 PROVIDER_KEY_MISSING when there is no key to use", async () => {
    const { caller } = await signUp("nokey");
    const response = await enhanceJson(caller, { prompt: "a red fox in snow" });
    expect(response.status).toBe(412);
    expect(response.body.success).toBe(false);
    if (response.body.success) return;
    expect(response.body.error.code).toBe("PROVIDER_KEY_MISSING");
    expect(response.body.error.message).toMatch(/Gemini API key in Settings/);
    expect(gemini.requests.filter((request) => request.model !== null)).toHaveLength(0);
  });

  it("streams delta events from streamGenerateContent, then done with the whole prompt; no image quota spent", async () => {
    const { caller, user } = await withKey();
    const before = await quotaOf(caller);
    const response = await enhanceStream(caller, { prompt: "  a red fox in fresh snow  " });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("ratelimit-limit")).toBe("6");
    const events = await readEvents(response);
    const deltas = events.filter((event) => event.event === "delta");
    expect(deltas.length).toBeGreaterThan(1);
    const streamed = deltas.map((event) => event.data.text as string).join("");
    const expected = `a red fox in fresh snow${FAKE_ENHANCEMENT_SUFFIX}`;
    expect(streamed).toBe(expected);
    const finals = events.filter((event) => event.event !== "delta");
    expect(finals).toEqual([{ event: "done", data: { prompt: expected } }]);

    // The real wire call: the text model, SSE, the user's prompt alone as the user turn, the rules
    // as the system instruction, no thinking for a 2.5 Flash model.
    const [call] = gemini.requests;
    expect(call?.path).toBe(`/v1beta/models/${FAKE_GEMINI_TEXT_MODEL}:streamGenerateContent`);
    expect(call?.query).toEqual({ alt: "sse" });
    expect(call?.key).toBe("valid");
    const body = call?.body as {
      contents: { parts: { text: string }[] }[];
      systemInstruction: { parts: { text: string }[] };
      generationConfig: { thinkingConfig?: { thinkingBudget: number } };
    };
    expect(body.contents).toHaveLength(1);
    expect(body.contents[0]?.parts).toEqual([{ text: "a red fox in fresh snow" }]);
    const rules = body.systemInstruction.parts.map((part) => part.text).join("");
    expect(rules).toMatch(/same language as the user's prompt/);
    expect(rules).toMatch(/no preamble/);
    expect(rules).toMatch(/never more than 1000/);
    expect(body.generationConfig.thinkingConfig).toEqual({ thinkingBudget: 0 });

    const after = await quotaOf(caller);
    expect(after.usedToday).toBe(before.usedToday);
    expect(after.remainingToday).toBe(before.remainingToday);
    expect(await enhanceLogs(user.id)).toEqual([
      { status: "success", error_code: null, model: FAKE_GEMINI_TEXT_MODEL },
    ]);
  });

  it("answers JSON {prompt} without Accept: text/event-stream, cleaned of a label and quotes", async () => {
    const { caller } = await withKey();
    gemini.enqueue({
      kind: "text",
      chunks: ['Enhanced prompt: "A lighthouse ', "at dusk, waves crashing ", 'on dark rocks."'],
    });
    const response = await enhanceJson(caller, { prompt: "a lighthouse at dusk" });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      success: true,
      data: { prompt: "A lighthouse at dusk, waves crashing on dark rocks." },
    });
    expect(response.headers.get("ratelimit-remaining")).toBe("5");
  });

  it("keeps a suggestion within the 1000-character prompt limit", async () => {
    const { caller } = await withKey();
    const sentence = "Soft golden light falls across the misty valley at dawn. ";
    gemini.enqueue({ kind: "text", chunks: Array.from({ length: 30 }, () => sentence) });
    const response = await enhanceJson(caller, { prompt: "a valley" });
    expect(response.status).toBe(200);
    if (!response.body.success) return;
    expect(response.body.data.prompt.length).toBeLessThanOrEqual(1000);
    expect(response.body.data.prompt.endsWith("dawn.")).toBe(true);
  });

  it("is style-aware: the template's name, description and wording reach the instruction", async () => {
    const { caller } = await withKey();
    const [template] = await studio.database.query<{
      id: string;
      name: string;
      prompt_prefix: string;
    }>("select id, name, prompt_prefix from public.style_templates where is_active limit 1");
    const response = await enhanceJson(caller, {
      prompt: "a cat on a windowsill",
      styleTemplateId: template!.id,
    });
    expect(response.status).toBe(200);
    const body = gemini.requests.at(-1)?.body as {
      systemInstruction: { parts: { text: string }[] };
    };
    const rules = body.systemInstruction.parts.map((part) => part.text).join("");
    expect(rules).toContain(`"${template!.name}" style`);
    if (template!.prompt_prefix.trim()) expect(rules).toContain(template!.prompt_prefix.trim());
  });

  it("answers 400 PROVIDER_KEY_INVALID when Google rejects the key", async () => {
    const { caller, user } = await withKey();
    gemini.validKeys.delete(FAKE_GEMINI_KEY);
    try {
      const response = await enhanceStream(caller, { prompt: "a quiet harbour" });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("PROVIDER_KEY_INVALID");
      expect(JSON.stringify(body)).not.toContain(FAKE_GEMINI_KEY);
    } finally {
      gemini.validKeys.add(FAKE_GEMINI_KEY);
    }
    expect((await enhanceLogs(user.id)).at(-1)).toMatchObject({
      status: "failure",
      error_code: "PROVIDER_KEY_INVALID",
    });
  });

  it("explains a key that cannot do it right now (429 RESOURCE_EXHAUSTED), without retrying", async () => {
    const { caller } = await withKey();
    gemini.enqueue(geminiErrors.rateLimited({ retryDelay: "12s", model: FAKE_GEMINI_TEXT_MODEL }));
    const response = await enhanceJson(caller, { prompt: "a quiet harbour" });
    expect(response.status).toBe(502);
    if (response.body.success) throw new Error("expected a refusal");
    expect(response.body.error.code).toBe("PROVIDER_ERROR");
    expect(response.body.error.message).toMatch(/cannot enhance prompts right now/);
    expect(response.body.error.details).toMatchObject({
      providerStatus: 429,
      reason: "PROVIDER_RATE_LIMITED",
      retryAfterSeconds: 12,
    });
    expect(gemini.requests).toHaveLength(1);

    gemini.enqueue(geminiErrors.noImageQuota({ model: FAKE_GEMINI_TEXT_MODEL }));
    const none = await enhanceJson(caller, { prompt: "a quiet harbour" });
    expect(none.status).toBe(502);
    if (none.body.success) throw new Error("expected a refusal");
    expect(none.body.error.details).toMatchObject({ reason: "NO_TEXT_QUOTA", retryable: false });
  });

  it("tries once more when the model is overloaded before any text came", async () => {
    const { caller } = await withKey();
    gemini.enqueue(geminiErrors.unavailable());
    const response = await enhanceJson(caller, { prompt: "a windmill" });
    expect(response.status).toBe(200);
    expect(gemini.requests).toHaveLength(2);
  });

  it("maps Gemini's safety block to 422 CONTENT_BLOCKED, before or during the stream", async () => {
    const { caller } = await withKey();
    gemini.enqueue({ kind: "prompt-blocked" });
    const before = await enhanceStream(caller, { prompt: "something risky" });
    expect(before.status).toBe(422);
    expect(((await before.json()) as { error: { code: string } }).error.code).toBe(
      "CONTENT_BLOCKED",
    );

    gemini.enqueue({ kind: "stream-blocked", chunks: ["A first ", "few words "] });
    const during = await enhanceStream(caller, { prompt: "something risky" });
    expect(during.status).toBe(200);
    const events = await readEvents(during);
    expect(events.map((event) => event.event)).toEqual(["delta", "delta", "error"]);
    expect(events.at(-1)?.data).toMatchObject({ error: { code: "CONTENT_BLOCKED" } });
  });

  it("ends the stream with an error event when Gemini fails mid-stream", async () => {
    const { caller } = await withKey();
    gemini.enqueue({
      kind: "stream-error",
      chunks: ["Half a "],
      body: {
        error: { code: 503, message: "The model is overloaded.", status: "UNAVAILABLE" },
      },
    });
    const events = await readEvents(await enhanceStream(caller, { prompt: "a windmill" }));
    expect(events.map((event) => event.event)).toEqual(["delta", "error"]);
    expect(events.at(-1)?.data).toMatchObject({
      error: { code: "PROVIDER_ERROR", details: { providerStatus: 503 } },
    });
  });

  it("refuses a blocked prompt, bad input and an unknown template before asking the model", async () => {
    const { caller, user } = await withKey();
    const blocked = await enhanceJson(caller, { prompt: "a forbidden phrase here" });
    expect(blocked.status).toBe(422);
    if (!blocked.body.success) expect(blocked.body.error.code).toBe("CONTENT_BLOCKED");

    for (const body of [
      { prompt: "   " },
      { prompt: "x".repeat(1001) },
      { prompt: "a\u0000b" },
      { prompt: "fine", extra: true },
      { prompt: "fine", styleTemplateId: "not-a-uuid" },
      { prompt: "fine", styleTemplateId: crypto.randomUUID() },
    ]) {
      const response = await enhanceJson(caller, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      if (!response.body.success) expect(response.body.error.code).toBe("VALIDATION_ERROR");
    }
    expect(gemini.requests).toHaveLength(0);
    expect(await enhanceLogs(user.id)).toEqual([]);
  });

  it("rate limits per user with its own rule: 429 RATE_LIMITED with Retry-After", async () => {
    await awayFromWindowEdge();
    const { caller } = await withKey();
    const other = await withKey();
    for (let index = 0; index < 6; index += 1) {
      expect((await enhanceJson(caller, { prompt: `a kite ${index}` })).status).toBe(200);
    }
    const limited = await enhanceJson(caller, { prompt: "a kite again" });
    expect(limited.status).toBe(429);
    if (!limited.body.success) expect(limited.body.error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    // Another person is not held back, and the image quota is untouched.
    expect((await enhanceJson(other.caller, { prompt: "a kite" })).status).toBe(200);
    expect((await quotaOf(caller)).usedToday).toBe(0);
  });

  it("logs enhancements as their own action, apart from generations (dashboard, alerts, ETA)", async () => {
    const { caller, user } = await withKey();
    expect((await enhanceJson(caller, { prompt: "a red kite" })).status).toBe(200);
    gemini.enqueue(geminiErrors.internal(), geminiErrors.internal());
    expect((await enhanceJson(caller, { prompt: "a red kite" })).status).toBe(502);
    expect(await enhanceLogs(user.id)).toEqual([
      { status: "success", error_code: null, model: FAKE_GEMINI_TEXT_MODEL },
      { status: "failure", error_code: "PROVIDER_ERROR", model: FAKE_GEMINI_TEXT_MODEL },
    ]);
    // This studio has made no image at all: enhancements are neither generations nor failures.
    const [today] = await computeDays(
      studio.services.database.db,
      dayOf(Date.now()),
      dayOf(Date.now()),
    );
    expect(today).toMatchObject({ generations: 0, failures: 0, latencySamples: 0 });
    expect(await generationTimings({ db: studio.services.database.db, userId: user.id })).toEqual({
      medianMs: null,
      samples: 0,
    });
  });

  it("needs a session (or an images:write API key) and a same-origin cookie write", async () => {
    const { caller } = await withKey();
    expect((await enhanceJson(new ApiCaller(), { prompt: "a fox" })).status).toBe(401);
    // A cookie write from another site is refused before anything runs.
    const crossSite = await caller.call(enhance.POST, {
      method: "POST",
      path: "/api/v1/prompts/enhance",
      body: { prompt: "a fox" },
      origin: "https://evil.example",
    });
    expect(crossSite.status).toBe(403);
    expect(gemini.requests).toHaveLength(0);
  });
});

describe("prompt enhancement with the demo enhancer", () => {
  let studio: TestStudio;

  beforeAll(async () => {
    studio = await startTestStudio({ DEMO_PROVIDER: "on", AUTH_RATE_LIMIT_PER_MINUTE: "1000" });
  });
  afterAll(async () => {
    await studio?.dispose();
  });

  it("streams a deterministic, useful rewrite that keeps the prompt first and fits the style", async () => {
    const { caller } = await signUp("demo-enhance");
    const events = await readEvents(
      await enhanceStream(caller, { prompt: "a lighthouse by the sea" }),
    );
    const done = events.find((event) => event.event === "done")?.data.prompt as string;
    expect(events.filter((event) => event.event === "delta").length).toBeGreaterThan(3);
    expect(done.startsWith("A lighthouse by the sea.")).toBe(true);
    expect(done).toMatch(/Lighting: golden-hour sunlight/);
    expect(done).toMatch(/Composition: /);
    expect(done.length).toBeLessThanOrEqual(1000);
    const again = await enhanceJson(caller, { prompt: "a lighthouse by the sea" });
    expect(again.body).toMatchObject({ success: true, data: { prompt: done } });

    const [template] = await studio.database.query<{ id: string; name: string }>(
      "select id, name from public.style_templates where is_active limit 1",
    );
    const styled = await enhanceJson(caller, {
      prompt: "a lighthouse by the sea",
      styleTemplateId: template!.id,
    });
    if (!styled.body.success) throw new Error("expected a suggestion");
    expect(styled.body.data.prompt).toContain(`Styled as ${template!.name.toLowerCase()}`);
    expect((await quotaOf(caller)).usedToday).toBe(0);
  });
});
