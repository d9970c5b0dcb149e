import { describe, expect, it } from "vitest";
import { ApiClientError } from "@/lib/api/errors";
import { streamEnhancement } from "./stream-enhancement";

/** A fetch that answers with this body and content type, recording what it was sent. */
function answering(body: string, init: { status?: number; type?: string } = {}) {
  const calls: RequestInit[] = [];
  const fetchImpl = async (_url: string | URL | Request, request?: RequestInit) => {
    calls.push(request ?? {});
    // Split in two mid-event, as a network would.
    const half = Math.floor(body.length / 2);
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(body.slice(0, half)));
        controller.enqueue(encoder.encode(body.slice(half)));
        controller.close();
      },
    });
    return new Response(stream, {
      status: init.status ?? 200,
      headers: { "content-type": init.type ?? "text/event-stream; charset=utf-8" },
    });
  };
  return { fetchImpl: fetchImpl as typeof fetch, calls };
}

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

describe("streamEnhancement", () => {
  it("passes each delta on and resolves with done's prompt", async () => {
    const { fetchImpl, calls } = answering(
      `: keep-alive\n\n${event("delta", { text: "A fox " })}${event("delta", { text: "in snow." })}${event("done", { prompt: "A fox in snow." })}`,
    );
    const deltas: string[] = [];
    const prompt = await streamEnhancement({
      prompt: "a fox",
      styleTemplateId: "9b2f1f3e-1111-4222-8333-944455556666",
      onDelta: (text) => deltas.push(text),
      fetchImpl,
    });
    expect(prompt).toBe("A fox in snow.");
    expect(deltas).toEqual(["A fox ", "in snow."]);
    expect(new Headers(calls[0]?.headers).get("accept")).toBe("text/event-stream");
    expect(calls[0]?.body).toBe(
      '{"prompt":"a fox","styleTemplateId":"9b2f1f3e-1111-4222-8333-944455556666"}',
    );
  });

  it("rejects with the error event's code and message", async () => {
    const { fetchImpl } = answering(
      `${event("delta", { text: "A " })}${event("error", { error: { code: "CONTENT_BLOCKED", message: "Declined." } })}`,
    );
    const failure = await streamEnhancement({
      prompt: "x",
      styleTemplateId: null,
      fetchImpl,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiClientError);
    expect(failure).toMatchObject({ code: "CONTENT_BLOCKED", message: "Declined." });
  });

  it("reads an error answer through the envelope, Retry-After included", async () => {
    const fetchImpl = (async () =>
      Response.json(
        {
          success: false,
          error: { code: "RATE_LIMITED", message: "Slow down." },
          meta: { requestId: "r", timestamp: "t" },
        },
        { status: 429, headers: { "Retry-After": "12" } },
      )) as typeof fetch;
    const failure = await streamEnhancement({
      prompt: "x",
      styleTemplateId: null,
      fetchImpl,
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "RATE_LIMITED", status: 429, retryAfterSeconds: 12 });
  });

  it("says the stream was cut when it ends without done, and the network when fetch fails", async () => {
    const { fetchImpl } = answering(event("delta", { text: "A fox" }));
    await expect(
      streamEnhancement({ prompt: "x", styleTemplateId: null, fetchImpl }),
    ).rejects.toMatchObject({ code: "STREAM_INTERRUPTED" });
    const offline = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    await expect(
      streamEnhancement({ prompt: "x", styleTemplateId: null, fetchImpl: offline }),
    ).rejects.toMatchObject({ code: "NETWORK_ERROR" });
  });
});
