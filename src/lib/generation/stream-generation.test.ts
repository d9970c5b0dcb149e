import { afterEach, describe, expect, it } from "vitest";
import { ApiClientError } from "@/lib/api/errors";
import { onUnauthorized } from "@/lib/api/request";
import type { GenerationProgress } from "@/shared/api-types";
import { GenerationError, streamGeneration } from "./stream-generation";

const image = {
  id: "9b2f1f3e-1111-4222-8333-944455556666",
  prompt: "a fox",
  seed: 7,
  model: "demo",
  isPublic: false,
  urls: { original: "/o", thumbnails: { "800": "/t800" } },
};
const quota = {
  dailyLimit: 50,
  usedToday: 3,
  remainingToday: 47,
  monthlyLimit: 1000,
  usedThisMonth: 3,
  resetsAt: "2026-01-02T00:00:00.000Z",
};

/** A fetch that answers with an event stream made of these chunks, then (optionally) breaks. */
function streamingFetch(chunks: string[], options: { breakAtEnd?: boolean } = {}) {
  const calls: RequestInit[] = [];
  const fetchImpl = async (_url: string | URL | Request, init?: RequestInit) => {
    calls.push(init ?? {});
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        if (options.breakAtEnd) controller.error(new TypeError("network error"));
        else controller.close();
      },
    });
    return new Response(body, {
      status: 200,
      headers: { "content-type": "text/event-stream; charset=utf-8" },
    });
  };
  return { fetchImpl: fetchImpl as typeof fetch, calls };
}

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

describe("streamGeneration", () => {
  it("reports progress, ignores keep-alives and resolves on done", async () => {
    const { fetchImpl, calls } = streamingFetch([
      event("progress", { stage: "queued", percent: 0 }),
      ": keep-alive\n\n",
      event("progress", { stage: "generating", percent: 10 }).slice(0, 20),
      event("progress", { stage: "generating", percent: 10 }).slice(20),
      event("done", { image, quota, replayed: false }),
    ]);
    const progress: GenerationProgress[] = [];
    const result = await streamGeneration({
      url: "/api/v1/images/generate",
      body: { kind: "json", value: { prompt: "a fox" } },
      idempotencyKey: "key-1",
      onProgress: (value) => progress.push(value),
      fetchImpl,
    });
    expect(progress).toEqual([
      { stage: "queued", percent: 0 },
      { stage: "generating", percent: 10 },
    ]);
    expect(result.image.id).toBe(image.id);
    expect(result.quota?.remainingToday).toBe(47);
    const headers = new Headers(calls[0]?.headers);
    expect(headers.get("accept")).toBe("text/event-stream");
    expect(headers.get("idempotency-key")).toBe("key-1");
    expect(headers.get("content-type")).toBe("application/json");
    expect(calls[0]?.body).toBe('{"prompt":"a fox"}');
  });

  it("rejects with the error event's code, details and quota", async () => {
    const { fetchImpl } = streamingFetch([
      event("progress", { stage: "queued", percent: 0 }),
      event("error", {
        error: { code: "RATE_LIMITED", message: "Slow down.", details: { retryAfterSeconds: 12 } },
        quota,
      }),
    ]);
    const error = await streamGeneration({
      url: "/x",
      body: { kind: "json", value: {} },
      idempotencyKey: "k",
      fetchImpl,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GenerationError);
    const failure = error as GenerationError;
    expect(failure.code).toBe("RATE_LIMITED");
    expect(failure.retryAfterSeconds).toBe(12);
    expect(failure.quota?.usedToday).toBe(3);
  });

  it("calls a stream that ends or breaks before done an interruption", async () => {
    for (const breakAtEnd of [false, true]) {
      const { fetchImpl } = streamingFetch(
        [event("progress", { stage: "generating", percent: 10 })],
        { breakAtEnd },
      );
      const error = await streamGeneration({
        url: "/x",
        body: { kind: "json", value: {} },
        idempotencyKey: "k",
        fetchImpl,
      }).catch((caught: unknown) => caught);
      expect((error as GenerationError).code).toBe("STREAM_INTERRUPTED");
    }
  });

  it("reads a JSON error envelope sent before the stream, with Retry-After", async () => {
    const fetchImpl = (async () =>
      Response.json(
        {
          success: false,
          error: {
            code: "QUOTA_EXCEEDED",
            message: "Used up.",
            details: { resetsAt: quota.resetsAt },
          },
          meta: {},
        },
        { status: 429, headers: { "Retry-After": "3600" } },
      )) as typeof fetch;
    const error = (await streamGeneration({
      url: "/x",
      body: { kind: "json", value: {} },
      idempotencyKey: "k",
      fetchImpl,
    }).catch((caught: unknown) => caught)) as GenerationError;
    expect(error.code).toBe("QUOTA_EXCEEDED");
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(3600);
  });

  it("accepts a replayed 201 JSON answer", async () => {
    const fetchImpl = (async () =>
      Response.json(
        { success: true, data: { image }, meta: {} },
        { status: 201, headers: { "Idempotent-Replayed": "true" } },
      )) as typeof fetch;
    const result = await streamGeneration({
      url: "/x",
      body: { kind: "json", value: {} },
      idempotencyKey: "k",
      fetchImpl,
    });
    expect(result).toMatchObject({ replayed: true, quota: null });
    expect(result.image.id).toBe(image.id);
  });

  it("turns a failed fetch into NETWORK_ERROR and passes an abort through", async () => {
    const offline = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    const error = (await streamGeneration({
      url: "/x",
      body: { kind: "json", value: {} },
      idempotencyKey: "k",
      fetchImpl: offline,
    }).catch((caught: unknown) => caught)) as GenerationError;
    expect(error.code).toBe("NETWORK_ERROR");

    const controller = new AbortController();
    controller.abort();
    const aborted = (async () => {
      throw new DOMException("aborted", "AbortError");
    }) as typeof fetch;
    const abortError = await streamGeneration({
      url: "/x",
      body: { kind: "json", value: {} },
      idempotencyKey: "k",
      signal: controller.signal,
      fetchImpl: aborted,
    }).catch((caught: unknown) => caught);
    expect(abortError).toBeInstanceOf(DOMException);
  });

  describe("an error envelope before the stream", () => {
    afterEach(() => onUnauthorized(null));

    const envelope = (status: number, code: string, headers: Record<string, string> = {}) =>
      (async () =>
        new Response(
          JSON.stringify({
            success: false,
            error: {
              code,
              message: "No.",
              details: { issues: [{ path: ["prompt"], message: "Too long." }] },
            },
            meta: { requestId: "r", timestamp: "t" },
          }),
          { status, headers: { "content-type": "application/json", ...headers } },
        )) as typeof fetch;

    it("is the client's one error type, with field errors and Retry-After", async () => {
      const error = await streamGeneration({
        url: "/api/v1/images/generate",
        body: { kind: "json", value: {} },
        idempotencyKey: "k",
        fetchImpl: envelope(429, "VALIDATION_ERROR", { "Retry-After": "30" }),
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GenerationError);
      expect(error).toBeInstanceOf(ApiClientError);
      const failure = error as GenerationError;
      expect(failure.fieldErrors()).toEqual({ prompt: "Too long." });
      expect(failure.retryAfterSeconds).toBe(30);
    });

    it("ends the session on a 401, as every other API call does", async () => {
      let ended = 0;
      onUnauthorized(() => (ended += 1));
      await expect(
        streamGeneration({
          url: "/api/v1/images/generate",
          body: { kind: "json", value: {} },
          idempotencyKey: "k",
          fetchImpl: envelope(401, "UNAUTHORIZED"),
        }),
      ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      expect(ended).toBe(1);
    });
  });

  it("hands over a batch's images one by one and resolves with the images and the failures", async () => {
    const second = { ...image, id: "9b2f1f3e-1111-4222-8333-944455556667" };
    const overQuota = { code: "QUOTA_EXCEEDED", message: "No images left today." };
    const { fetchImpl } = streamingFetch([
      event("image", { image }),
      event("image", { image: second }),
      event("done", { images: [image, second], failed: [{ error: overQuota }], quota }),
    ]);
    const arrived: string[] = [];
    const result = await streamGeneration({
      url: "/api/v1/images/generate",
      body: { kind: "json", value: { prompt: "a fox", count: 3 } },
      idempotencyKey: "key-batch",
      onImage: (value) => arrived.push(value.id),
      fetchImpl,
    });
    expect(arrived).toEqual([image.id, second.id]);
    expect(result.images.map((value) => value.id)).toEqual([image.id, second.id]);
    expect(result.image.id).toBe(image.id);
    expect(result.failed).toEqual([overQuota]);
  });

  it("rejects with the first failure when every image of a batch failed", async () => {
    const { fetchImpl } = streamingFetch([
      event("done", {
        images: [],
        failed: [{ error: { code: "PROVIDER_ERROR", message: "The provider failed." } }],
        quota,
      }),
    ]);
    const failure = await streamGeneration({
      url: "/api/v1/images/generate",
      body: { kind: "json", value: { prompt: "a fox", count: 2 } },
      idempotencyKey: "key-all-failed",
      fetchImpl,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GenerationError);
    expect((failure as GenerationError).code).toBe("PROVIDER_ERROR");
    expect((failure as GenerationError).quota?.remainingToday).toBe(47);
  });

  it("reports the job's X-Generation-Id as soon as the answer begins", async () => {
    const fetchImpl = (async () =>
      new Response(`event: done\ndata: ${JSON.stringify({ images: [image], quota })}\n\n`, {
        status: 200,
        headers: { "content-type": "text/event-stream", "X-Generation-Id": "job-1" },
      })) as typeof fetch;
    const accepted: string[] = [];
    const result = await streamGeneration({
      url: "/api/v1/images/generate",
      body: { kind: "json", value: { prompt: "a fox" } },
      idempotencyKey: "key-job",
      onAccepted: (id) => accepted.push(id),
      fetchImpl,
    });
    expect(accepted).toEqual(["job-1"]);
    expect(result.generationId).toBe("job-1");
  });
});
