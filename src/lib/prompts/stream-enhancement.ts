import { ApiClientError, NETWORK_ERROR_MESSAGE, isRecord } from "@/lib/api/errors";
import { readEnvelope } from "@/lib/api/request";
import { createSseParser } from "@/lib/generation/sse-parser";

export const ENHANCE_PATH = "/api/v1/prompts/enhance";
const INTERRUPTED_MESSAGE = "The connection dropped before the suggestion was finished.";

export interface StreamEnhancementOptions {
  prompt: string;
  styleTemplateId: string | null;
  /** Each piece of the suggestion as it is written. */
  onDelta?: (text: string) => void;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

/**
 * POST /prompts/enhance with `Accept: text/event-stream`: calls `onDelta` per `delta` event and
 * resolves with `done`'s prompt. Rejects with ApiClientError for an error answer (read by the
 * data layer's envelope reader, which also reports a 401), an `error` event, a failed fetch
 * (NETWORK_ERROR) or a stream cut short (STREAM_INTERRUPTED); an abort rethrows the AbortError.
 */
export async function streamEnhancement(options: StreamEnhancementOptions): Promise<string> {
  const { prompt, styleTemplateId, onDelta, signal } = options;
  const fetchImpl = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(ENHANCE_PATH, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "text/event-stream", "Content-Type": "application/json" },
      body: JSON.stringify(styleTemplateId ? { prompt, styleTemplateId } : { prompt }),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiClientError({ code: "NETWORK_ERROR", message: NETWORK_ERROR_MESSAGE, status: 0 });
  }

  const contentType = response.headers.get("content-type") ?? "";
  if (!response.ok || !contentType.includes("text/event-stream") || !response.body) {
    const { data } = await readEnvelope<unknown>(ENHANCE_PATH, response);
    if (isRecord(data) && typeof data.prompt === "string") return data.prompt;
    throw interrupted(response.status);
  }

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = createSseParser();
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        if (signal?.aborted) throw cause;
        throw interrupted(200);
      }
      if (chunk.done) break;
      for (const message of parser.push(chunk.value)) {
        const data = parseData(message.data);
        if (message.event === "delta" && isRecord(data) && typeof data.text === "string") {
          onDelta?.(data.text);
        } else if (message.event === "done" && isRecord(data) && typeof data.prompt === "string") {
          return data.prompt;
        } else if (message.event === "error" && isRecord(data) && isRecord(data.error)) {
          const error = data.error;
          throw new ApiClientError({
            code: (typeof error.code === "string"
              ? error.code
              : "INTERNAL_ERROR") as ApiClientError["code"],
            message: typeof error.message === "string" ? error.message : "Something went wrong.",
            status: 200,
            details: error.details,
          });
        }
      }
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  throw interrupted(200);
}

function interrupted(status: number): ApiClientError {
  return new ApiClientError({ code: "STREAM_INTERRUPTED", message: INTERRUPTED_MESSAGE, status });
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
