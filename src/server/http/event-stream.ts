import "server-only";

/** A server-sent events response: `send(event, data)` writes one event; `close()` ends it. */
export function createEventStream(options: { keepAliveMs?: number } = {}) {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let open = true;
  let keepAlive: ReturnType<typeof setInterval> | undefined;

  const write = (text: string) => {
    if (!open || !controller) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      open = false;
    }
  };

  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      // A comment line every so often keeps proxies from closing an idle stream.
      keepAlive = setInterval(() => write(": keep-alive\n\n"), options.keepAliveMs ?? 10_000);
      keepAlive.unref?.();
    },
    cancel() {
      open = false;
      clearInterval(keepAlive);
    },
  });

  return {
    response: new Response(stream, {
      status: 200,
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      },
    }),
    /** False once the client has gone away. */
    get isOpen() {
      return open;
    },
    /** `id` (optional) is what the client sends back as Last-Event-ID to resume after it. */
    send(event: string, data: unknown, id?: number | string) {
      // Fields may come in any order; the id last keeps `event:` first for simple readers.
      const idLine = id === undefined ? "" : `id: ${id}\n`;
      write(`event: ${event}\ndata: ${JSON.stringify(data)}\n${idLine}\n`);
    },
    close() {
      clearInterval(keepAlive);
      if (open && controller) {
        open = false;
        try {
          controller.close();
        } catch {
          /* already closed by the client */
        }
      }
    },
  };
}
