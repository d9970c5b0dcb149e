import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { DIMENSIONS } from "@/server/generation/providers/image-provider-port";
import { ASPECT_RATIOS, type AspectRatio } from "@/shared/schemas/settings";

/**
 * A local stand-in for the Gemini API (generativelanguage.googleapis.com) speaking its REST
 * format, for @google/genai pointed at it through `httpOptions.baseUrl`:
 *   POST /v1beta/models/{model}:generateContent   GET /v1beta/models
 *   POST /v1beta/models/{model}:streamGenerateContent?alt=sse  (text models: server-sent events,
 *   one `data: {candidates:[{content:{parts:[{text}]}}]}` chunk per piece, the last with finishReason)
 * The key travels in `x-goog-api-key` (or `?key=`) and is checked before anything else, as
 * Google does. Errors are Google's JSON error bodies, google.rpc details included. By default a
 * generateContent answers with a real PNG at the size Gemini gives the requested aspect ratio;
 * `enqueue()` scripts the next answers (errors, delays, safety blocks, text-only, bad JSON).
 */

export const FAKE_GEMINI_KEY = "AIzaFakeGeminiKeyForTests0000000000000";
export const FAKE_GEMINI_MODEL = "gemini-3.1-flash-image";
/** The text model prompt enhancement asks by default (GEMINI_TEXT_MODEL). */
export const FAKE_GEMINI_TEXT_MODEL = "gemini-2.5-flash";
/** What the fake text model adds to the prompt it is given, when nothing else is enqueued. */
export const FAKE_ENHANCEMENT_SUFFIX =
  ", bathed in warm golden-hour light, composed on the rule of thirds, rich in fine detail.";

export interface GoogleErrorDetail {
  "@type": string;
  [field: string]: unknown;
}

export interface GoogleErrorBody {
  error: { code: number; message: string; status: string; details?: GoogleErrorDetail[] };
}

export type FakeGeminiBehaviour =
  /** A real-shaped success; `text` adds a text part before the image. */
  | { kind: "image"; mimeType?: "image/png"; text?: string }
  | { kind: "error"; status: number; body: GoogleErrorBody }
  /** Waits, then answers with `then` (default: an image). A client that gives up first gets nothing. */
  | { kind: "delay"; ms: number; then?: FakeGeminiBehaviour }
  /** The prompt refused: no candidates, `promptFeedback.blockReason`. */
  | { kind: "prompt-blocked"; blockReason?: string }
  /** The output refused: a candidate with no content and this finishReason. */
  | { kind: "output-blocked"; finishReason?: string }
  /** The model answered in words only (no image part). */
  | { kind: "text-only"; text: string }
  /** 200 with a body that is not JSON. */
  | { kind: "malformed-json" }
  /** 200 with valid JSON but no candidates at all. */
  | { kind: "no-candidates" }
  /** Any 200 JSON body, as given. */
  | { kind: "json"; body: unknown }
  /** The connection is cut before any answer. */
  | { kind: "disconnect" }
  /** Text models: these pieces as streamed chunks (or one JSON answer for generateContent). */
  | { kind: "text"; chunks: string[]; finishReason?: string }
  /** Text models, streamed: these pieces, then a chunk that stops with a safety finishReason. */
  | { kind: "stream-blocked"; chunks?: string[]; finishReason?: string }
  /** Text models, streamed: these pieces, then an error chunk in the stream (HTTP 200 already sent). */
  | { kind: "stream-error"; chunks?: string[]; body: GoogleErrorBody };

export interface RecordedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  query: Record<string, string>;
  /** For generateContent: the model named in the path. */
  model: string | null;
  /** The parsed JSON body (null for GET). */
  body: unknown;
  /** Whether a key came and was accepted; the key itself is never recorded. */
  key: "valid" | "invalid" | "missing";
  /** For generateContent: the inline images of the request's contents, in order, decoded. */
  inlineImages: { mimeType: string; bytes: Buffer }[];
}

export interface FakeGeminiServer {
  /** The base URL to give @google/genai as `httpOptions.baseUrl`. */
  url: string;
  /** Keys the server accepts; change freely. */
  validKeys: Set<string>;
  requests: RecordedRequest[];
  enqueue(...behaviours: FakeGeminiBehaviour[]): void;
  /** Behaviours enqueued and not yet used. */
  pending(): number;
  /** Forgets recorded requests and unused behaviours (the valid keys stay). */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeGeminiOptions {
  validKeys?: string[];
  /** Models the server knows; another model name gets Google's 404. */
  models?: string[];
  /** Text models the server knows (answer text, and stream with :streamGenerateContent). */
  textModels?: string[];
  /** How long each generateContent call takes before its answer, like the real model. */
  latencyMs?: number;
}

// ---------------------------------------------------------------------------------------
// Google's error bodies
// ---------------------------------------------------------------------------------------

const HELP_RATE_LIMITS: GoogleErrorDetail = {
  "@type": "type.googleapis.com/google.rpc.Help",
  links: [
    {
      description: "Learn more about Gemini API quotas",
      url: "https://ai.google.dev/gemini-api/docs/rate-limits",
    },
  ],
};

function errorBehaviour(
  status: number,
  rpcStatus: string,
  message: string,
  details?: GoogleErrorDetail[],
): FakeGeminiBehaviour {
  return {
    kind: "error",
    status,
    body: { error: { code: status, message, status: rpcStatus, ...(details ? { details } : {}) } },
  };
}

const QUOTA_MESSAGE_HEAD =
  "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/rate-limit. ";

/** Behaviours that answer with the errors the Gemini API really sends. */
export const geminiErrors = {
  apiKeyInvalid: () =>
    errorBehaviour(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: "API_KEY_INVALID",
        domain: "googleapis.com",
        metadata: { service: "generativelanguage.googleapis.com" },
      },
      {
        "@type": "type.googleapis.com/google.rpc.LocalizedMessage",
        locale: "en-US",
        message: "API key not valid. Please pass a valid API key.",
      },
    ]),
  permissionDenied: () =>
    errorBehaviour(
      403,
      "PERMISSION_DENIED",
      "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
    ),
  /** A per-minute limit hit by a project that has one; RetryInfo says when to come back. */
  rateLimited: ({ retryDelay = "7s", model = FAKE_GEMINI_MODEL } = {}) =>
    errorBehaviour(
      429,
      "RESOURCE_EXHAUSTED",
      `${QUOTA_MESSAGE_HEAD}\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_paid_tier_requests, limit: 10, model: ${model}\nPlease retry in ${retryDelay}.`,
      [
        {
          "@type": "type.googleapis.com/google.rpc.QuotaFailure",
          violations: [
            {
              quotaMetric: "generativelanguage.googleapis.com/generate_content_paid_tier_requests",
              quotaId: "GenerateRequestsPerMinutePerProjectPerModel",
              quotaDimensions: { location: "global", model },
            },
          ],
        },
        HELP_RATE_LIMITS,
        { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay },
      ],
    ),
  /** A project without billing asking an image model: every limit is 0 (and a RetryInfo anyway). */
  noImageQuota: ({ model = FAKE_GEMINI_MODEL } = {}) =>
    errorBehaviour(
      429,
      "RESOURCE_EXHAUSTED",
      `${QUOTA_MESSAGE_HEAD}\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_input_token_count, limit: 0, model: ${model}\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 0, model: ${model}\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 0, model: ${model}\nPlease retry in 20.397s.`,
      [
        {
          "@type": "type.googleapis.com/google.rpc.QuotaFailure",
          violations: [
            {
              quotaMetric:
                "generativelanguage.googleapis.com/generate_content_free_tier_input_token_count",
              quotaId: "GenerateContentInputTokensPerModelPerMinute-FreeTier",
              quotaDimensions: { location: "global", model },
            },
            {
              quotaMetric: "generativelanguage.googleapis.com/generate_content_free_tier_requests",
              quotaId: "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
              quotaDimensions: { location: "global", model },
            },
            {
              quotaMetric: "generativelanguage.googleapis.com/generate_content_free_tier_requests",
              quotaId: "GenerateRequestsPerDayPerProjectPerModel-FreeTier",
              quotaDimensions: { location: "global", model },
            },
          ],
        },
        HELP_RATE_LIMITS,
        { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "20s" },
      ],
    ),
  internal: () =>
    errorBehaviour(
      500,
      "INTERNAL",
      "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
    ),
  unavailable: () =>
    errorBehaviour(503, "UNAVAILABLE", "The model is overloaded. Please try again later."),
  deadlineExceeded: () =>
    errorBehaviour(504, "DEADLINE_EXCEEDED", "Deadline expired before operation could complete."),
  modelNotFound: (model: string) =>
    errorBehaviour(
      404,
      "NOT_FOUND",
      `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
    ),
  invalidArgument: (message: string, details?: GoogleErrorDetail[]) =>
    errorBehaviour(400, "INVALID_ARGUMENT", message, details),
};

// ---------------------------------------------------------------------------------------
// Request checks: Gemini rejects unknown fields and bad enum values with a 400
// ---------------------------------------------------------------------------------------

const REQUEST_FIELDS = new Set([
  "contents",
  "generationConfig",
  "safetySettings",
  "systemInstruction",
  "tools",
  "toolConfig",
  "cachedContent",
]);
const GENERATION_CONFIG_FIELDS = new Set([
  "responseModalities",
  "imageConfig",
  "seed",
  "temperature",
  "topP",
  "topK",
  "candidateCount",
  "maxOutputTokens",
  "stopSequences",
  "responseMimeType",
  "thinkingConfig",
  "mediaResolution",
]);
const IMAGE_CONFIG_FIELDS = new Set(["aspectRatio", "imageSize"]);
const GEMINI_ASPECT_RATIOS = new Set([
  "1:1",
  "2:3",
  "3:2",
  "3:4",
  "4:3",
  "4:5",
  "5:4",
  "9:16",
  "16:9",
  "21:9",
]);
const MODALITIES = new Set(["TEXT", "IMAGE", "AUDIO"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function unknownField(name: string, at: string): FakeGeminiBehaviour {
  const message = `Invalid JSON payload received. Unknown name "${name}"${at ? ` at '${at}'` : ""}: Cannot find field.`;
  return geminiErrors.invalidArgument(message, [
    {
      "@type": "type.googleapis.com/google.rpc.BadRequest",
      fieldViolations: [{ field: at ? `${at}.${name}` : name, description: message }],
    },
  ]);
}

/** The 400 Gemini would give this generateContent body, or null when it is well formed. */
function rejectGenerateContentBody(body: unknown): FakeGeminiBehaviour | null {
  if (!isRecord(body)) return geminiErrors.invalidArgument("Invalid JSON payload received.");
  for (const name of Object.keys(body))
    if (!REQUEST_FIELDS.has(name)) return unknownField(name, "");
  const contents = body.contents;
  if (!Array.isArray(contents) || contents.length === 0) {
    return geminiErrors.invalidArgument(
      "* GenerateContentRequest.contents: contents is not specified\n",
    );
  }
  const config = body.generationConfig;
  if (config === undefined) return null;
  if (!isRecord(config)) return geminiErrors.invalidArgument("Invalid JSON payload received.");
  for (const name of Object.keys(config)) {
    if (!GENERATION_CONFIG_FIELDS.has(name)) return unknownField(name, "generation_config");
  }
  const modalities = config.responseModalities;
  if (modalities !== undefined) {
    const list = Array.isArray(modalities) ? modalities : [modalities];
    const bad = list.findIndex(
      (value) => typeof value !== "string" || !MODALITIES.has(value.toUpperCase()),
    );
    if (bad !== -1) {
      return geminiErrors.invalidArgument(
        `Invalid value at 'generation_config.response_modalities[${bad}]' (type.googleapis.com/google.ai.generativelanguage.v1beta.GenerationConfig.Modality), ${JSON.stringify(list[bad])}`,
      );
    }
  }
  if (
    config.seed !== undefined &&
    (!Number.isInteger(config.seed) || Math.abs(Number(config.seed)) >= 2 ** 31)
  ) {
    return geminiErrors.invalidArgument(
      `Invalid value at 'generation_config.seed' (TYPE_INT32), ${JSON.stringify(config.seed)}`,
    );
  }
  const imageConfig = config.imageConfig;
  if (imageConfig !== undefined) {
    if (!isRecord(imageConfig))
      return geminiErrors.invalidArgument("Invalid JSON payload received.");
    for (const name of Object.keys(imageConfig)) {
      if (!IMAGE_CONFIG_FIELDS.has(name))
        return unknownField(name, "generation_config.image_config");
    }
    if (
      imageConfig.aspectRatio !== undefined &&
      !GEMINI_ASPECT_RATIOS.has(String(imageConfig.aspectRatio))
    ) {
      return geminiErrors.invalidArgument(
        "Unsupported aspect ratio. Please use a supported aspect ratio.",
      );
    }
  }
  return null;
}

/** Every inlineData part of a generateContent body, in order, as the bytes it carries. */
function inlineImagesOf(body: unknown): { mimeType: string; bytes: Buffer }[] {
  if (!isRecord(body) || !Array.isArray(body.contents)) return [];
  const images: { mimeType: string; bytes: Buffer }[] = [];
  for (const content of body.contents) {
    if (!isRecord(content) || !Array.isArray(content.parts)) continue;
    for (const part of content.parts) {
      if (!isRecord(part) || !isRecord(part.inlineData)) continue;
      const { mimeType, data } = part.inlineData;
      images.push({
        mimeType: typeof mimeType === "string" ? mimeType : "",
        bytes: Buffer.from(typeof data === "string" ? data : "", "base64"),
      });
    }
  }
  return images;
}

function requestedAspectRatio(body: unknown): AspectRatio {
  const ratio =
    isRecord(body) && isRecord(body.generationConfig) && isRecord(body.generationConfig.imageConfig)
      ? body.generationConfig.imageConfig.aspectRatio
      : undefined;
  return ASPECT_RATIOS.find((known) => known === ratio) ?? "1:1";
}

// ---------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------

const INLINE_REQUEST_LIMIT_BYTES = 20 * 1024 * 1024;
const GENERATE_PATH = /^\/v1beta\/models\/([^/:]+):generateContent$/;
const STREAM_PATH = /^\/v1beta\/models\/([^/:]+):streamGenerateContent$/;

/** The user's text of a generateContent body (the last user turn's text parts). */
function userTextOf(body: unknown): string {
  const contents = isRecord(body) && Array.isArray(body.contents) ? body.contents : [];
  const last: unknown = contents.at(-1);
  const parts = isRecord(last) && Array.isArray(last.parts) ? last.parts : [];
  return parts
    .map((part: unknown) => (isRecord(part) && typeof part.text === "string" ? part.text : ""))
    .join("");
}

/** The fake text model's own answer: the prompt with FAKE_ENHANCEMENT_SUFFIX, in a few pieces. */
function defaultTextChunks(body: unknown): string[] {
  const text = `${userTextOf(body)
    .trim()
    .replace(/[.!?]+$/, "")}${FAKE_ENHANCEMENT_SUFFIX}`;
  return text.match(/(?:\S+\s*){1,4}/g) ?? [text];
}

function textChunk(model: string, text: string, finishReason?: string) {
  return {
    candidates: [
      {
        content: { parts: [{ text }], role: "model" },
        ...(finishReason ? { finishReason } : {}),
        index: 0,
      },
    ],
    usageMetadata: { promptTokenCount: 24, candidatesTokenCount: 8, totalTokenCount: 32 },
    modelVersion: model,
  };
}

export async function startFakeGeminiServer(
  options: FakeGeminiOptions = {},
): Promise<FakeGeminiServer> {
  const validKeys = new Set(options.validKeys ?? [FAKE_GEMINI_KEY]);
  const models = options.models ?? [FAKE_GEMINI_MODEL, "gemini-2.5-flash-image"];
  const textModels = options.textModels ?? [FAKE_GEMINI_TEXT_MODEL, "gemini-2.5-flash-lite"];
  const queue: FakeGeminiBehaviour[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const pngs = new Map<AspectRatio, string>();

  async function pngFor(aspectRatio: AspectRatio): Promise<string> {
    const cached = pngs.get(aspectRatio);
    if (cached) return cached;
    const { width, height } = DIMENSIONS[aspectRatio];
    const png = await sharp({
      create: { width, height, channels: 3, background: { r: 72, g: 118, b: 164 } },
    })
      .png()
      .toBuffer();
    const base64 = png.toString("base64");
    pngs.set(aspectRatio, base64);
    return base64;
  }

  function sendJson(res: ServerResponse, status: number, body: unknown) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json; charset=UTF-8",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  }

  async function successBody(model: string, requestBody: unknown, text?: string) {
    const data = await pngFor(requestedAspectRatio(requestBody));
    return {
      candidates: [
        {
          content: {
            parts: [...(text ? [{ text }] : []), { inlineData: { mimeType: "image/png", data } }],
            role: "model",
          },
          finishReason: "STOP",
          index: 0,
        },
      ],
      usageMetadata: {
        promptTokenCount: 24,
        candidatesTokenCount: 1290,
        totalTokenCount: 1314,
        promptTokensDetails: [{ modality: "TEXT", tokenCount: 24 }],
        candidatesTokensDetails: [{ modality: "IMAGE", tokenCount: 1290 }],
      },
      modelVersion: model,
      responseId: `fake-${requests.length}`,
    };
  }

  async function answer(
    res: ServerResponse,
    behaviour: FakeGeminiBehaviour,
    model: string,
    body: unknown,
  ): Promise<void> {
    if (res.destroyed) return;
    switch (behaviour.kind) {
      case "image":
        return sendJson(res, 200, await successBody(model, body, behaviour.text));
      case "error":
        return sendJson(res, behaviour.status, behaviour.body);
      case "delay":
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, behaviour.ms);
          timers.add(timer);
        });
        return answer(res, behaviour.then ?? { kind: "image" }, model, body);
      case "prompt-blocked":
        return sendJson(res, 200, {
          promptFeedback: { blockReason: behaviour.blockReason ?? "SAFETY" },
          usageMetadata: { promptTokenCount: 24, totalTokenCount: 24 },
          modelVersion: model,
        });
      case "output-blocked":
        return sendJson(res, 200, {
          candidates: [{ finishReason: behaviour.finishReason ?? "IMAGE_SAFETY", index: 0 }],
          usageMetadata: { promptTokenCount: 24, totalTokenCount: 24 },
          modelVersion: model,
        });
      case "text-only":
        return sendJson(res, 200, {
          candidates: [
            {
              content: { parts: [{ text: behaviour.text }], role: "model" },
              finishReason: "STOP",
              index: 0,
            },
          ],
          usageMetadata: { promptTokenCount: 24, candidatesTokenCount: 40, totalTokenCount: 64 },
          modelVersion: model,
        });
      case "malformed-json":
        res.writeHead(200, { "content-type": "application/json; charset=UTF-8" });
        res.end('{"candidates": [{"content": {"parts": [{"inlineData": {"mimeType": "image/pn');
        return;
      case "no-candidates":
        return sendJson(res, 200, { usageMetadata: { promptTokenCount: 24 }, modelVersion: model });
      case "json":
        return sendJson(res, 200, behaviour.body);
      case "disconnect":
        res.socket?.destroy();
        return;
      case "text":
        return sendJson(
          res,
          200,
          textChunk(model, behaviour.chunks.join(""), behaviour.finishReason ?? "STOP"),
        );
      case "stream-blocked":
        return answer(res, { kind: "output-blocked", finishReason: "SAFETY" }, model, body);
      case "stream-error":
        return sendJson(res, behaviour.body.error.code, behaviour.body);
    }
  }

  /**
   * A streamGenerateContent answer: errors before the stream are plain JSON error answers,
   * as Google sends them; otherwise `text/event-stream` with one `data:` line per chunk.
   */
  async function answerStream(
    res: ServerResponse,
    behaviour: FakeGeminiBehaviour,
    model: string,
    body: unknown,
  ): Promise<void> {
    if (res.destroyed) return;
    const sse = (chunks: unknown[]) => {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      for (const chunk of chunks) res.write(`data: ${JSON.stringify(chunk)}\r\n\r\n`);
      res.end();
    };
    switch (behaviour.kind) {
      case "text":
      case "image": {
        const chunks =
          behaviour.kind === "text" && behaviour.chunks.length > 0
            ? behaviour.chunks
            : defaultTextChunks(body);
        const finish = (behaviour.kind === "text" && behaviour.finishReason) || "STOP";
        return sse(
          chunks.map((text, index) =>
            textChunk(model, text, index === chunks.length - 1 ? finish : undefined),
          ),
        );
      }
      case "stream-blocked":
        return sse([
          ...(behaviour.chunks ?? []).map((text) => textChunk(model, text)),
          {
            candidates: [{ finishReason: behaviour.finishReason ?? "SAFETY", index: 0 }],
            modelVersion: model,
          },
        ]);
      case "stream-error":
        return sse([
          ...(behaviour.chunks ?? []).map((text) => textChunk(model, text)),
          behaviour.body,
        ]);
      case "prompt-blocked":
        return sse([
          {
            promptFeedback: { blockReason: behaviour.blockReason ?? "SAFETY" },
            usageMetadata: { promptTokenCount: 24, totalTokenCount: 24 },
            modelVersion: model,
          },
        ]);
      case "delay":
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, behaviour.ms);
          timers.add(timer);
        });
        return answerStream(res, behaviour.then ?? { kind: "text", chunks: [] }, model, body);
      case "malformed-json":
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end('data: {"candidates": [{"content": {"parts": [{"text": "cut\r\n\r\n');
        return;
      default:
        return answer(res, behaviour, model, body);
    }
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake-gemini.local");
    const query = Object.fromEntries(url.searchParams);
    const suppliedKey = req.headers["x-goog-api-key"] ?? query.key;
    delete query.key;
    const key =
      typeof suppliedKey !== "string" || suppliedKey === ""
        ? "missing"
        : validKeys.has(suppliedKey)
          ? "valid"
          : "invalid";
    const raw = await readBody(req);
    let body: unknown = null;
    let badJson = false;
    if (raw !== "") {
      try {
        body = JSON.parse(raw);
      } catch {
        badJson = true;
      }
    }
    const streamModel = STREAM_PATH.exec(url.pathname)?.[1] ?? null;
    const model = GENERATE_PATH.exec(url.pathname)?.[1] ?? streamModel;
    requests.push({
      method: req.method ?? "GET",
      path: url.pathname,
      query,
      model,
      body,
      key,
      inlineImages: inlineImagesOf(body),
    });

    if (key === "missing") return answer(res, geminiErrors.permissionDenied(), "", null);
    if (key === "invalid") return answer(res, geminiErrors.apiKeyInvalid(), "", null);

    if (req.method === "POST" && streamModel !== null) {
      if (badJson)
        return answer(
          res,
          geminiErrors.invalidArgument("Invalid JSON payload received."),
          streamModel,
          null,
        );
      if (!textModels.includes(streamModel) && !models.includes(streamModel))
        return answer(res, geminiErrors.modelNotFound(streamModel), streamModel, null);
      const rejection = rejectGenerateContentBody(body);
      if (rejection) return answer(res, rejection, streamModel, body);
      return answerStream(res, queue.shift() ?? { kind: "text", chunks: [] }, streamModel, body);
    }

    if (req.method === "POST" && model !== null && textModels.includes(model)) {
      if (badJson)
        return answer(
          res,
          geminiErrors.invalidArgument("Invalid JSON payload received."),
          model,
          null,
        );
      const rejection = rejectGenerateContentBody(body);
      if (rejection) return answer(res, rejection, model, body);
      const next = queue.shift() ?? { kind: "text", chunks: [] };
      if (next.kind !== "text") return answer(res, next, model, body);
      const chunks = next.chunks.length > 0 ? next.chunks : defaultTextChunks(body);
      return sendJson(res, 200, textChunk(model, chunks.join(""), next.finishReason ?? "STOP"));
    }

    if (req.method === "POST" && model !== null) {
      if (badJson)
        return answer(
          res,
          geminiErrors.invalidArgument("Invalid JSON payload received."),
          model,
          null,
        );
      if (!models.includes(model))
        return answer(res, geminiErrors.modelNotFound(model), model, null);
      // Inline data counts against the whole request's size, as Google documents (20 MB).
      if (Buffer.byteLength(raw) > INLINE_REQUEST_LIMIT_BYTES)
        return answer(
          res,
          geminiErrors.invalidArgument(
            `Request payload size exceeds the limit: ${INLINE_REQUEST_LIMIT_BYTES} bytes.`,
          ),
          model,
          null,
        );
      const rejection = rejectGenerateContentBody(body);
      if (rejection) return answer(res, rejection, model, body);
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      return answer(res, queue.shift() ?? { kind: "image" }, model, body);
    }

    if (req.method === "GET" && url.pathname === "/v1beta/models") {
      const next = queue.shift();
      if (next) return answer(res, next, "", null);
      const pageSize = Math.max(1, Math.min(1000, Number(query.pageSize) || 50));
      const start = Number(query.pageToken ?? 0) || 0;
      const page = models.slice(start, start + pageSize);
      return sendJson(res, 200, {
        models: page.map((name) => ({
          name: `models/${name}`,
          version: "001",
          displayName: name,
          supportedGenerationMethods: ["generateContent", "countTokens"],
        })),
        ...(start + pageSize < models.length ? { nextPageToken: String(start + pageSize) } : {}),
      });
    }

    return sendJson(res, 404, {
      error: {
        code: 404,
        message: `Method not found: ${req.method} ${url.pathname}`,
        status: "NOT_FOUND",
      },
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        sendJson(res, 500, {
          error: { code: 500, message: `fake Gemini server: ${String(error)}`, status: "INTERNAL" },
        });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    validKeys,
    requests,
    enqueue(...behaviours) {
      queue.push(...behaviours);
    },
    pending: () => queue.length,
    reset() {
      queue.length = 0;
      requests.length = 0;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
