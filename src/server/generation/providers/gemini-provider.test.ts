import { inspect } from "node:util";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/server/http/app-error";
import { ASPECT_RATIOS } from "@/shared/schemas/settings";
import {
  FAKE_GEMINI_KEY,
  FAKE_GEMINI_MODEL,
  geminiErrors,
  startFakeGeminiServer,
  type FakeGeminiServer,
} from "../../../../tests/support/fake-gemini-server";
import { buildInstruction } from "./build-instruction";
import {
  checkGeminiKey,
  createGeminiProvider,
  type GeminiProviderOptions,
} from "./gemini-provider";
import { DIMENSIONS, type ImageRequest } from "./image-provider-port";

let server: FakeGeminiServer;
let sleeps: number[];

beforeAll(async () => {
  server = await startFakeGeminiServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  sleeps = [];
});

function provider(overrides: Partial<GeminiProviderOptions> = {}) {
  return createGeminiProvider({
    apiKey: FAKE_GEMINI_KEY,
    model: FAKE_GEMINI_MODEL,
    baseUrl: server.url,
    // Backoff waits are recorded, never slept.
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
}

function request(overrides: Partial<ImageRequest> = {}): ImageRequest {
  return {
    prompt: "A lighthouse on a cliff at dusk",
    negativePrompt: "text",
    template: null,
    aspectRatio: "1:1",
    quality: "standard",
    seed: 1234,
    inputImages: [],
    ...overrides,
  };
}

/** The AppError a promise rejects with (fails the test when it resolves or throws something else). */
async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => new Error("expected a rejection"),
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof AppError)) throw error;
  return error;
}

interface SentBody {
  contents: Array<{
    role: string;
    parts: Array<{ text?: string; inlineData?: { mimeType: string; data: string } }>;
  }>;
  generationConfig: {
    responseModalities: string[];
    imageConfig: { aspectRatio: string };
    seed: number;
  };
}

function sentBody(index = 0): SentBody {
  const recorded = server.requests[index];
  if (!recorded) throw new Error(`no request #${index}`);
  return recorded.body as SentBody;
}

describe("Gemini provider, through @google/genai", () => {
  it.each(ASPECT_RATIOS)(
    "sends the instruction, seed and aspect ratio %s and returns Gemini's image",
    async (aspectRatio) => {
      const input = request({ aspectRatio });
      const image = await provider().generate(input);

      expect(server.requests).toHaveLength(1);
      const [recorded] = server.requests;
      expect(recorded).toMatchObject({
        method: "POST",
        path: `/v1beta/models/${FAKE_GEMINI_MODEL}:generateContent`,
        key: "valid",
      });
      const body = sentBody();
      expect(body.contents).toEqual([{ role: "user", parts: [{ text: buildInstruction(input) }] }]);
      expect(body.generationConfig.imageConfig).toEqual({ aspectRatio });
      expect(body.generationConfig.seed).toBe(1234);
      expect(body.generationConfig.responseModalities).toEqual(
        expect.arrayContaining(["IMAGE", "TEXT"]),
      );

      expect(image.model).toBe(FAKE_GEMINI_MODEL);
      expect(image.mimeType).toBe("image/png");
      const metadata = await sharp(image.data).metadata();
      expect({ width: metadata.width, height: metadata.height }).toEqual(DIMENSIONS[aspectRatio]);
    },
  );

  it("sends an input image as inlineData before the instruction", async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#ff0000" } })
      .png()
      .toBuffer();
    const input = request({ inputImages: [{ data: new Uint8Array(png), mimeType: "image/png" }] });
    await provider().generate(input);
    const [parts] = sentBody().contents.map((content) => content.parts);
    expect(parts).toEqual([
      { inlineData: { mimeType: "image/png", data: png.toString("base64") } },
      { text: buildInstruction(input) },
    ]);
    expect(server.requests[0]?.inlineImages).toHaveLength(1);
  });

  it("sends several input images as separate inline images, each labelled with its number", async () => {
    const colours = ["#ff0000", "#00ff00", "#0000ff"];
    const pngs = await Promise.all(
      colours.map((background) =>
        sharp({ create: { width: 8, height: 8, channels: 3, background } })
          .png()
          .toBuffer(),
      ),
    );
    const jpeg = await sharp({
      create: { width: 8, height: 8, channels: 3, background: "#ffffff" },
    })
      .jpeg()
      .toBuffer();
    const input = request({
      prompt: "put the cat from image 1 on the sofa of image 2",
      inputImages: [
        ...pngs.map((png) => ({ data: new Uint8Array(png), mimeType: "image/png" as const })),
        { data: new Uint8Array(jpeg), mimeType: "image/jpeg" },
      ],
    });
    await provider().generate(input);
    const [parts] = sentBody().contents.map((content) => content.parts);
    expect(parts).toEqual([
      { text: "Image 1:" },
      { inlineData: { mimeType: "image/png", data: pngs[0]!.toString("base64") } },
      { text: "Image 2:" },
      { inlineData: { mimeType: "image/png", data: pngs[1]!.toString("base64") } },
      { text: "Image 3:" },
      { inlineData: { mimeType: "image/png", data: pngs[2]!.toString("base64") } },
      { text: "Image 4:" },
      { inlineData: { mimeType: "image/jpeg", data: jpeg.toString("base64") } },
      { text: buildInstruction(input) },
    ]);
    const received = server.requests[0]?.inlineImages ?? [];
    expect(received.map((image) => image.mimeType)).toEqual([
      "image/png",
      "image/png",
      "image/png",
      "image/jpeg",
    ]);
    expect(received[3]?.bytes.equals(jpeg)).toBe(true);
  });

  it("folds a seed outside int32 into the range the REST field accepts", async () => {
    await provider().generate(request({ seed: 2 ** 40 + 5 }));
    expect(sentBody().generationConfig.seed).toBe(5);
  });

  it("uses the final image, not a thinking model's draft (thought) image", async () => {
    const draft = await sharp({
      create: { width: 4, height: 4, channels: 3, background: "#000000" },
    })
      .png()
      .toBuffer();
    const final = await sharp({
      create: { width: 6, height: 6, channels: 3, background: "#ffffff" },
    })
      .png()
      .toBuffer();
    server.enqueue({
      kind: "json",
      body: {
        candidates: [
          {
            content: {
              role: "model",
              parts: [
                {
                  inlineData: { mimeType: "image/png", data: draft.toString("base64") },
                  thought: true,
                },
                { text: "Here is your lighthouse." },
                { inlineData: { mimeType: "image/png", data: final.toString("base64") } },
              ],
            },
            finishReason: "STOP",
          },
        ],
      },
    });
    const image = await provider().generate(request());
    expect(Buffer.from(image.data).equals(final)).toBe(true);
  });

  describe("key problems", () => {
    it("reports a key Google rejects (400 API_KEY_INVALID) as PROVIDER_KEY_INVALID, once", async () => {
      const error = await appErrorOf(provider({ apiKey: "AIzaWrongKey" }).generate(request()));
      expect(error.code).toBe("PROVIDER_KEY_INVALID");
      expect(error.message).toBe(
        "Google rejected this Gemini API key. Check it in Settings, or create a new one at aistudio.google.com/apikey.",
      );
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]?.key).toBe("invalid");
      expect(sleeps).toEqual([]);
    });

    it("reports 403 PERMISSION_DENIED as a key without access to the model", async () => {
      server.enqueue(geminiErrors.permissionDenied());
      const error = await appErrorOf(provider().generate(request()));
      expect(error.code).toBe("PROVIDER_KEY_INVALID");
      expect(error.message).toContain(
        `doesn't have access to the image model "${FAKE_GEMINI_MODEL}"`,
      );
      expect(server.requests).toHaveLength(1);
    });

    it("never lets the API key into an error's message, details or cause", async () => {
      const secretKey = "AIzaSecretKeyThatMustNeverBeLogged123";
      const errors = [await appErrorOf(provider({ apiKey: secretKey }).generate(request()))];
      server.validKeys.add(secretKey);
      server.enqueue(geminiErrors.noImageQuota(), { kind: "malformed-json" });
      errors.push(await appErrorOf(provider({ apiKey: secretKey }).generate(request())));
      errors.push(await appErrorOf(provider({ apiKey: secretKey }).generate(request())));
      server.validKeys.delete(secretKey);
      for (const error of errors) {
        expect(inspect(error, { depth: 20 })).not.toContain(secretKey);
        expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(
          secretKey,
        );
      }
      expect(JSON.stringify(server.requests)).not.toContain(secretKey);
    });
  });

  describe("retries", () => {
    it("waits as long as a 429's RetryInfo asks, then succeeds", async () => {
      server.enqueue(geminiErrors.rateLimited({ retryDelay: "7s" }));
      const image = await provider().generate(request());
      expect(image.mimeType).toBe("image/png");
      expect(sleeps).toEqual([7_000]);
      expect(server.requests).toHaveLength(2);
    });

    it("gives up at once on a 429 whose quota limit is 0: the project has no image quota", async () => {
      server.enqueue(geminiErrors.noImageQuota());
      const error = await appErrorOf(provider().generate(request()));
      expect(error.code).toBe("PROVIDER_ERROR");
      expect(error.details).toEqual({
        providerStatus: 429,
        retryable: false,
        reason: "NO_IMAGE_QUOTA",
      });
      expect(error.message).toMatch(/no quota for image generation.*Enable billing/);
      expect(server.requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });

    it("retries 500 then 503 with jittered exponential backoff, then succeeds", async () => {
      server.enqueue(geminiErrors.internal(), geminiErrors.unavailable());
      const image = await provider().generate(request());
      expect(image.model).toBe(FAKE_GEMINI_MODEL);
      // random() = 0.5: half of 1 s, then half of 2 s.
      expect(sleeps).toEqual([500, 1_000]);
      expect(server.requests).toHaveLength(3);
    });

    it("keeps every backoff within [0, min(20 s, 1 s·2^n))", async () => {
      server.enqueue(...Array.from({ length: 8 }, () => geminiErrors.unavailable()));
      await appErrorOf(
        provider({ random: () => 0.999999, maxAttempts: 8, maxTotalMs: 10 ** 9 }).generate(
          request(),
        ),
      );
      expect(sleeps).toEqual([999, 1_999, 3_999, 7_999, 15_999, 19_999, 19_999]);
    });

    it("reports PROVIDER_ERROR after maxAttempts when 503 persists", async () => {
      server.enqueue(...Array.from({ length: 4 }, () => geminiErrors.unavailable()));
      const error = await appErrorOf(provider().generate(request()));
      expect(error.code).toBe("PROVIDER_ERROR");
      expect(error.details).toEqual({
        providerStatus: 503,
        retryable: true,
        attempts: 4,
        reason: "UNAVAILABLE",
      });
      expect(server.requests).toHaveLength(4);
      expect(sleeps).toHaveLength(3);
    });

    it("stops retrying before a wait would pass maxTotalMs", async () => {
      let clock = 0;
      server.enqueue(
        ...Array.from({ length: 4 }, () => geminiErrors.rateLimited({ retryDelay: "3s" })),
      );
      const error = await appErrorOf(
        provider({
          maxTotalMs: 5_000,
          now: () => clock,
          sleep: async (ms) => {
            sleeps.push(ms);
            clock += ms;
          },
        }).generate(request()),
      );
      expect(error.details).toEqual({
        providerStatus: 429,
        retryable: true,
        attempts: 2,
        reason: "RATE_LIMITED",
      });
      expect(error.message).toContain("Wait about 3 seconds");
      expect(sleeps).toEqual([3_000]);
      expect(server.requests).toHaveLength(2);
    });

    it("retries a connection that drops, then succeeds", async () => {
      server.enqueue({ kind: "disconnect" });
      const image = await provider().generate(request());
      expect(image.mimeType).toBe("image/png");
      expect(server.requests).toHaveLength(2);
    });

    it("times out a slow attempt, retries, and uses the next answer", async () => {
      server.enqueue({ kind: "delay", ms: 2_000 });
      const image = await provider({ timeoutMs: 150 }).generate(request());
      expect(image.mimeType).toBe("image/png");
      expect(server.requests).toHaveLength(2);
    });

    it("reports TIMEOUT when every attempt is too slow", async () => {
      server.enqueue({ kind: "delay", ms: 2_000 }, { kind: "delay", ms: 2_000 });
      const error = await appErrorOf(
        provider({ timeoutMs: 150, maxAttempts: 2 }).generate(request()),
      );
      expect(error.code).toBe("PROVIDER_ERROR");
      expect(error.details).toEqual({
        providerStatus: null,
        retryable: true,
        attempts: 2,
        reason: "TIMEOUT",
      });
      expect(error.message).toContain("took too long");
    });
  });

  describe("cancellation", () => {
    it("stops at once, without retrying, when the caller aborts during a call", async () => {
      server.enqueue({ kind: "delay", ms: 5_000 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const started = Date.now();
      await expect(
        provider().generate(request({ signal: controller.signal })),
      ).rejects.toMatchObject({
        name: "AbortError",
      });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(server.requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });

    it("stops when the caller aborts during a backoff wait", async () => {
      server.enqueue(geminiErrors.unavailable());
      const controller = new AbortController();
      const generating = provider({
        sleep: async () => {
          controller.abort();
        },
      }).generate(request({ signal: controller.signal }));
      await expect(generating).rejects.toMatchObject({ name: "AbortError" });
      expect(server.requests).toHaveLength(1);
    });
  });

  describe("answers without an image", () => {
    it("reports a prompt blocked by safety (promptFeedback.blockReason) as CONTENT_BLOCKED", async () => {
      server.enqueue({ kind: "prompt-blocked", blockReason: "SAFETY" });
      const error = await appErrorOf(provider().generate(request()));
      expect(error.code).toBe("CONTENT_BLOCKED");
      expect(error.details).toEqual({ reason: "SAFETY" });
      expect(error.message).toMatch(/safety filters declined this prompt\. Rephrase/);
      expect(server.requests).toHaveLength(1);
    });

    it("reports an image held back by safety (finishReason IMAGE_SAFETY) as CONTENT_BLOCKED", async () => {
      server.enqueue({ kind: "output-blocked", finishReason: "IMAGE_SAFETY" });
      const error = await appErrorOf(provider().generate(request()));
      expect(error.code).toBe("CONTENT_BLOCKED");
      expect(error.details).toEqual({ reason: "IMAGE_SAFETY" });
      expect(server.requests).toHaveLength(1);
    });

    it("explains a text-only answer with the model's own words", async () => {
      server.enqueue({ kind: "text-only", text: "I can't create images of real people." });
      const error = await appErrorOf(provider().generate(request()));
      expect(error.code).toBe("CONTENT_BLOCKED");
      expect(error.details).toEqual({ reason: "NO_IMAGE" });
      expect(error.message).toContain('"I can\'t create images of real people."');
    });

    it("reports unparseable JSON as MALFORMED_RESPONSE, without retrying", async () => {
      server.enqueue({ kind: "malformed-json" });
      const error = await appErrorOf(provider().generate(request()));
      expect(error.code).toBe("PROVIDER_ERROR");
      expect(error.details).toMatchObject({ reason: "MALFORMED_RESPONSE" });
      expect(server.requests).toHaveLength(1);
    });

    it("reports an answer without candidates as MALFORMED_RESPONSE", async () => {
      server.enqueue({ kind: "no-candidates" });
      const error = await appErrorOf(provider().generate(request()));
      expect(error.code).toBe("PROVIDER_ERROR");
      expect(error.details).toMatchObject({ reason: "MALFORMED_RESPONSE" });
    });

    it("reports an unknown model as a non-retryable PROVIDER_ERROR", async () => {
      const error = await appErrorOf(
        provider({ model: "gemini-0-nonexistent" }).generate(request()),
      );
      expect(error.code).toBe("PROVIDER_ERROR");
      expect(error.details).toEqual({
        providerStatus: 404,
        retryable: false,
        reason: "MODEL_NOT_FOUND",
      });
      expect(server.requests).toHaveLength(1);
    });
  });
});

describe("checkGeminiKey", () => {
  it("accepts a working key with one models.list call of page size 1", async () => {
    await expect(
      checkGeminiKey({ apiKey: FAKE_GEMINI_KEY, baseUrl: server.url }),
    ).resolves.toBeUndefined();
    expect(server.requests).toEqual([
      expect.objectContaining({
        method: "GET",
        path: "/v1beta/models",
        query: { pageSize: "1" },
        key: "valid",
      }),
    ]);
  });

  it("reports a rejected key as PROVIDER_KEY_INVALID", async () => {
    const error = await appErrorOf(checkGeminiKey({ apiKey: "AIzaNotAKey", baseUrl: server.url }));
    expect(error.code).toBe("PROVIDER_KEY_INVALID");
    expect(error.message).toContain("aistudio.google.com/apikey");
  });

  it("reports a blank key without asking Google", async () => {
    const error = await appErrorOf(checkGeminiKey({ apiKey: "  ", baseUrl: server.url }));
    expect(error.code).toBe("PROVIDER_KEY_INVALID");
    expect(server.requests).toHaveLength(0);
  });

  it("reports a 5xx as a retryable PROVIDER_ERROR", async () => {
    server.enqueue(geminiErrors.unavailable());
    const error = await appErrorOf(
      checkGeminiKey({ apiKey: FAKE_GEMINI_KEY, baseUrl: server.url }),
    );
    expect(error.code).toBe("PROVIDER_ERROR");
    expect(error.details).toEqual({ providerStatus: 503, retryable: true, reason: "UNAVAILABLE" });
  });

  it("reports an unreachable Gemini as a retryable PROVIDER_ERROR", async () => {
    server.enqueue({ kind: "disconnect" });
    const error = await appErrorOf(
      checkGeminiKey({ apiKey: FAKE_GEMINI_KEY, baseUrl: server.url }),
    );
    expect(error.code).toBe("PROVIDER_ERROR");
    expect(error.details).toEqual({ providerStatus: null, retryable: true, reason: "NETWORK" });
  });
});
