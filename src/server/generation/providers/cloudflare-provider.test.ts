import { inspect } from "node:util";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/server/http/app-error";
import { ASPECT_RATIOS } from "@/shared/schemas/settings";
import {
  FAKE_CLOUDFLARE_ACCOUNT,
  FAKE_CLOUDFLARE_TOKEN,
  FLUX_SCHNELL,
  cloudflareErrors,
  startFakeCloudflareServer,
  type FakeCloudflareServer,
} from "../../../../tests/support/fake-cloudflare-server";
import {
  CLOUDFLARE_IMAGE_MODEL,
  checkCloudflareKey,
  createCloudflareProvider,
  type CloudflareProviderOptions,
} from "./cloudflare-provider";
import { DIMENSIONS, type ImageRequest } from "./image-provider-port";

let server: FakeCloudflareServer;
let sleeps: number[];

beforeAll(async () => {
  server = await startFakeCloudflareServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  sleeps = [];
});

function provider(overrides: Partial<CloudflareProviderOptions> = {}) {
  return createCloudflareProvider({
    accountId: FAKE_CLOUDFLARE_ACCOUNT,
    apiToken: FAKE_CLOUDFLARE_TOKEN,
    baseUrl: server.url,
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
    negativePrompt: "text, watermark",
    template: null,
    aspectRatio: "1:1",
    quality: "standard",
    seed: 1234,
    inputImages: [],
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("Cloudflare Workers AI adapter (FLUX.1 schnell over REST)", () => {
  it("posts prompt, steps and seed with the bearer token to the account's run path and returns a JPEG", async () => {
    const image = await provider().generate(request());
    expect(image.model).toBe(CLOUDFLARE_IMAGE_MODEL);
    expect(image.mimeType).toBe("image/jpeg");
    const meta = await sharp(image.data).metadata();
    expect(meta.format).toBe("jpeg");
    expect([meta.width, meta.height]).toEqual([1024, 1024]);

    expect(server.requests).toHaveLength(1);
    const sent = server.requests[0]!;
    expect(sent.method).toBe("POST");
    expect(sent.path).toBe(`/client/v4/accounts/${FAKE_CLOUDFLARE_ACCOUNT}/ai/run/${FLUX_SCHNELL}`);
    expect(sent.token).toBe("valid");
    const body = sent.body as { prompt: string; steps: number; seed: number };
    expect(Object.keys(body).sort()).toEqual(["prompt", "seed", "steps"]);
    expect(body.seed).toBe(1234);
    expect(body.steps).toBe(4);
    expect(body.prompt).toContain("A lighthouse on a cliff at dusk");
    // FLUX has no negative prompt parameter: it is worded into the text.
    expect(body.prompt).toMatch(/Avoid: .*text.*watermark/);
  });

  it("asks for 8 steps at high quality and folds any seed into the model's range", async () => {
    await provider().generate(request({ quality: "high", seed: 2 ** 40 + 5 }));
    const body = server.requests[0]!.body as { steps: number; seed: number };
    expect(body.steps).toBe(8);
    expect(body.seed).toBeGreaterThanOrEqual(0);
    expect(body.seed).toBeLessThan(2 ** 31);
  });

  it.each(ASPECT_RATIOS)(
    "gives %s images at the studio's size, cut from the square",
    async (ratio) => {
      const image = await provider().generate(request({ aspectRatio: ratio }));
      const meta = await sharp(image.data).metadata();
      expect({ width: meta.width, height: meta.height }).toEqual(DIMENSIONS[ratio]);
    },
  );

  it("refuses input images before any call (text-to-image only)", async () => {
    const error = await failureOf(
      provider().generate(
        request({ inputImages: [{ data: new Uint8Array([1, 2, 3]), mimeType: "image/png" }] }),
      ),
    );
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.message).toMatch(/cannot use input images/);
    expect(server.requests).toHaveLength(0);
  });

  it("maps a rejected token to PROVIDER_KEY_INVALID at once, never retried, token never in the error", async () => {
    const error = await failureOf(
      provider({ apiToken: "a-wrong-token-0000000000000000" }).generate(request()),
    );
    expect(error.code).toBe("PROVIDER_KEY_INVALID");
    expect(server.requests).toHaveLength(1);
    expect(inspect(error, { depth: 5 })).not.toContain("a-wrong-token-0000000000000000");
    expect(JSON.stringify(error.details)).not.toContain(FAKE_CLOUDFLARE_TOKEN);
  });

  it("maps an account the token cannot use to PROVIDER_KEY_INVALID", async () => {
    const error = await failureOf(
      provider({ accountId: "ffffffffffffffffffffffffffffffff" }).generate(request()),
    );
    expect(error.code).toBe("PROVIDER_KEY_INVALID");
  });

  it("the used-up daily allocation (3036) is PROVIDER_ERROR reason quota, retryable, not retried today", async () => {
    server.enqueue(cloudflareErrors.dailyAllocation());
    const error = await failureOf(provider().generate(request()));
    expect(error.code).toBe("PROVIDER_ERROR");
    expect(error.status).toBe(502);
    expect(error.details).toMatchObject({
      provider: "cloudflare",
      reason: "quota",
      retryable: true,
      providerStatus: 429,
      providerCode: 3036,
    });
    expect(error.message).toMatch(/free Workers AI allocation/);
    expect(server.requests).toHaveLength(1);
  });

  it("retries 5xx, timeouts, capacity and rate limits with backoff, then succeeds", async () => {
    server.enqueue(cloudflareErrors.unavailable(), cloudflareErrors.outOfCapacity());
    const image = await provider().generate(request());
    expect(image.mimeType).toBe("image/jpeg");
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it("gives up after its attempts with PROVIDER_ERROR retryable and the last status", async () => {
    server.enqueue(
      cloudflareErrors.internal(),
      cloudflareErrors.internal(),
      cloudflareErrors.rateLimited(),
    );
    const error = await failureOf(provider().generate(request()));
    expect(error.code).toBe("PROVIDER_ERROR");
    expect(error.details).toMatchObject({ retryable: true, attempts: 3, providerStatus: 429 });
  });

  it("a dropped connection and a malformed answer are retried as transient", async () => {
    server.enqueue({ kind: "disconnect" }, { kind: "malformed-json" });
    const image = await provider().generate(request());
    expect(image.data.byteLength).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(3);
  });

  it("an attempt that takes too long is cut off and retried", async () => {
    server.enqueue({ kind: "delay", ms: 2_000 });
    const image = await provider({ timeoutMs: 200 }).generate(request());
    expect(image.mimeType).toBe("image/jpeg");
    expect(server.requests).toHaveLength(2);
  });

  it("the safety filter's refusal is CONTENT_BLOCKED, not retried", async () => {
    server.enqueue(cloudflareErrors.nsfw());
    const error = await failureOf(provider().generate(request()));
    expect(error.code).toBe("CONTENT_BLOCKED");
    expect(server.requests).toHaveLength(1);
  });

  it("a caller's abort stops it", async () => {
    server.enqueue({ kind: "delay", ms: 5_000 });
    const controller = new AbortController();
    const pending = provider().generate(request({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("Cloudflare key check", () => {
  const check = (overrides: { accountId?: string; apiToken?: string } = {}) =>
    checkCloudflareKey({
      accountId: FAKE_CLOUDFLARE_ACCOUNT,
      apiToken: FAKE_CLOUDFLARE_TOKEN,
      baseUrl: server.url,
      ...overrides,
    });

  it("accepts a token that may read the account's Workers AI models (one cheap GET, no neurons)", async () => {
    await expect(check()).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: "GET",
      path: `/client/v4/accounts/${FAKE_CLOUDFLARE_ACCOUNT}/ai/models/search`,
      query: { per_page: "1" },
      token: "valid",
    });
  });

  it("rejects a wrong token and a wrong account with PROVIDER_KEY_INVALID", async () => {
    expect((await failureOf(check({ apiToken: "x".repeat(40) }))).code).toBe(
      "PROVIDER_KEY_INVALID",
    );
    expect((await failureOf(check({ accountId: "ffffffffffffffffffffffffffffffff" }))).code).toBe(
      "PROVIDER_KEY_INVALID",
    );
  });

  it("an unreachable Cloudflare is PROVIDER_ERROR retryable, not a verdict on the token", async () => {
    const error = await failureOf(
      checkCloudflareKey({
        accountId: FAKE_CLOUDFLARE_ACCOUNT,
        apiToken: FAKE_CLOUDFLARE_TOKEN,
        baseUrl: "http://127.0.0.1:9/client/v4",
      }),
    );
    expect(error.code).toBe("PROVIDER_ERROR");
    expect(error.details).toMatchObject({ retryable: true, reason: "NETWORK" });
  });
});
