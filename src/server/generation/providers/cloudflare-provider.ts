import "server-only";
import sharp from "sharp";
import { AppError } from "@/server/http/app-error";
import { buildInstruction } from "./build-instruction";
import {
  DIMENSIONS,
  type ImageProviderPort,
  type ImageRequest,
  type ProviderImage,
} from "./image-provider-port";
import { abortErrorFrom, fullJitterDelay, isAbortError, sleepUnlessAborted } from "./retry-policy";

/**
 * Cloudflare Workers AI through its REST API (no SDK: one JSON POST), FLUX.1 [schnell]:
 *   POST {base}/accounts/{accountId}/ai/run/@cf/black-forest-labs/flux-1-schnell
 *   Authorization: Bearer <API token>, body {prompt, steps?, seed?}
 *   → {result: {image: <base64 JPEG>}, success: true, errors: [], messages: []}
 * Failures come in the same envelope with success false and errors [{code, message}]: 401/403
 * (code 10000) a token that is wrong or lacks Workers AI permission, 429 code 3036 the account's
 * free daily allocation used up (10,000 neurons; resets 00:00 UTC), 429 code 3040 out of
 * capacity, 408 code 3007 timeout, 5xx an outage.
 *
 * FLUX.1 schnell makes square 1024 px images from text only: the other aspect ratios are cropped
 * from the centre to Gemini's sizes, negative prompts are worded into the text, and a request with
 * input images is refused before any call (the fallback chain skips this provider for those).
 */

export const CLOUDFLARE_IMAGE_MODEL = "@cf/black-forest-labs/flux-1-schnell";
export const DEFAULT_CLOUDFLARE_BASE_URL = "https://api.cloudflare.com/client/v4";

export interface CloudflareCredentials {
  accountId: string;
  apiToken: string;
}

export interface CloudflareProviderOptions extends CloudflareCredentials {
  /** A gateway or a local test server in place of api.cloudflare.com/client/v4. */
  baseUrl?: string;
  /** Per attempt. Default 60 s (schnell takes a few seconds). */
  timeoutMs?: number;
  /** Attempts in all, the first included. Default 3. */
  maxAttempts?: number;
  /** For all attempts and the waits between them. Default 120 s. */
  maxTotalMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_MAX_TOTAL_MS = 120_000;
const KEY_CHECK_TIMEOUT_MS = 15_000;
/** The model's prompt limit. */
const PROMPT_MAX = 2048;
/** schnell's default is 4 steps, its maximum 8. */
const STEPS = { standard: 4, high: 8 } as const;
const SEED_SPAN = 2 ** 31;
const RETRYABLE_STATUSES = new Set([408, 500, 502, 503, 504]);
/** The daily free allocation is used up: retrying today cannot help. */
const DAILY_ALLOCATION_CODE = 3036;
const OUT_OF_CAPACITY_CODE = 3040;
const NSFW_CODE = 3030;

interface CloudflareMessage {
  code: number | null;
  message: string;
}

interface TransientFailure {
  providerStatus: number | null;
  reason: string;
  cause: unknown;
}

export function createCloudflareProvider(options: CloudflareProviderOptions): ImageProviderPort {
  const {
    accountId,
    apiToken,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    maxAttempts = DEFAULT_MAX_ATTEMPTS,
    maxTotalMs = DEFAULT_MAX_TOTAL_MS,
    sleep = sleepUnlessAborted,
    now = Date.now,
    random = Math.random,
  } = options;
  if (apiToken.trim() === "" || accountId.trim() === "") {
    throw new Error("createCloudflareProvider needs an account id and an API token.");
  }
  const url = `${baseUrlOf(options.baseUrl)}/accounts/${encodeURIComponent(accountId)}/ai/run/${CLOUDFLARE_IMAGE_MODEL}`;

  async function attempt(body: string, deadlineMs: number, signal: AbortSignal | undefined) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), deadlineMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json" },
        body,
        signal: controller.signal,
      });
      const text = await response.text();
      return { status: response.status, text };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  async function generate(request: ImageRequest): Promise<ProviderImage> {
    const { signal } = request;
    if (signal?.aborted) throw abortErrorFrom(signal);
    if (request.inputImages.length > 0) throw cannotUseInputImages();
    const body = JSON.stringify(toRunBody(request));
    const startedAt = now();
    let lastFailure: TransientFailure | null = null;
    let attempts = 0;

    while (attempts < maxAttempts) {
      const remainingMs = maxTotalMs - (now() - startedAt);
      if (remainingMs <= 0) break;
      attempts += 1;
      try {
        const answer = await attempt(body, Math.min(timeoutMs, remainingMs), signal);
        const outcome = readRunAnswer(answer.status, answer.text);
        if (outcome.kind === "image") {
          return {
            data: await fitToAspectRatio(outcome.data, request.aspectRatio),
            mimeType: "image/jpeg",
            model: CLOUDFLARE_IMAGE_MODEL,
          };
        }
        if (outcome.kind === "final") throw outcome.error;
        lastFailure = outcome.failure;
      } catch (error) {
        if (signal?.aborted) throw abortErrorFrom(signal);
        if (error instanceof AppError) throw error;
        lastFailure = transportFailure(error, apiToken);
        if (!lastFailure) throw withoutToken(error, apiToken);
      }
      if (attempts >= maxAttempts) break;
      const delayMs = fullJitterDelay(attempts, random);
      if (now() - startedAt + delayMs >= maxTotalMs) break;
      await sleep(delayMs, signal);
      if (signal?.aborted) throw abortErrorFrom(signal);
    }
    throw exhaustedRetries(
      lastFailure ?? {
        providerStatus: null,
        reason: "TIMEOUT",
        cause: new Error("No time was left for an attempt."),
      },
      attempts,
    );
  }

  return { id: "cloudflare", model: CLOUDFLARE_IMAGE_MODEL, acceptsInputImages: false, generate };
}

/** The JSON body of one run call. */
export function toRunBody(request: ImageRequest): { prompt: string; steps: number; seed: number } {
  const instruction = buildInstruction(request);
  const prompt =
    instruction.length <= PROMPT_MAX
      ? instruction
      : `${instruction.slice(0, PROMPT_MAX - 1).trimEnd()}…`;
  const whole = Number.isFinite(request.seed) ? Math.trunc(request.seed) : 0;
  return {
    prompt,
    steps: STEPS[request.quality],
    seed: ((whole % SEED_SPAN) + SEED_SPAN) % SEED_SPAN,
  };
}

export function cannotUseInputImages(): AppError {
  const message =
    "Cloudflare's FLUX.1 schnell makes images from text only, so this provider cannot use input images. Choose Gemini for edits, variations and compositions.";
  // `issues` as every VALIDATION_ERROR has them: the request as a whole (its input images).
  return new AppError("VALIDATION_ERROR", message, {
    provider: "cloudflare",
    reason: "INPUT_IMAGES_UNSUPPORTED",
    issues: [{ path: "", message }],
  });
}

type RunOutcome =
  | { kind: "image"; data: Uint8Array }
  | { kind: "transient"; failure: TransientFailure }
  | { kind: "final"; error: AppError };

function readRunAnswer(status: number, text: string): RunOutcome {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    if (RETRYABLE_STATUSES.has(status) || status === 429) {
      return {
        kind: "transient",
        failure: { providerStatus: status, reason: `HTTP_${status}`, cause },
      };
    }
    return { kind: "transient", failure: { providerStatus: status, reason: "MALFORMED", cause } };
  }
  const envelope = isRecord(body) ? body : {};
  if (status >= 200 && status < 300 && envelope.success !== false) {
    const result = isRecord(envelope.result) ? envelope.result : null;
    const image = typeof result?.image === "string" ? result.image : null;
    const data = image ? Buffer.from(image, "base64") : null;
    if (!data || data.byteLength === 0) {
      return {
        kind: "transient",
        failure: {
          providerStatus: status,
          reason: "MALFORMED_RESPONSE",
          cause: new Error("Cloudflare answered without an image."),
        },
      };
    }
    return { kind: "image", data: new Uint8Array(data) };
  }
  const errors = readMessages(envelope.errors);
  const codes = errors.map((error) => error.code);
  const summary = errors.map((error) => `${error.code ?? "?"}: ${error.message}`).join("; ");
  const cause = new Error(`Cloudflare answered ${status}: ${summary || "(no errors listed)"}`);
  const details = (reason: string, retryable: boolean) => ({
    provider: "cloudflare",
    providerStatus: status,
    retryable,
    reason,
    ...(codes[0] !== undefined && codes[0] !== null ? { providerCode: codes[0] } : {}),
  });

  if (status === 401 || (status === 403 && !codes.includes(3023))) {
    return { kind: "final", error: keyRejected(status, codes, cause) };
  }
  if (codes.includes(DAILY_ALLOCATION_CODE)) {
    return {
      kind: "final",
      error: new AppError(
        "PROVIDER_ERROR",
        "Your Cloudflare account has used today's free Workers AI allocation (10,000 neurons). It resets at 00:00 UTC; until then, another provider can make images, or upgrade to Workers Paid.",
        details("quota", true),
        { cause },
      ),
    };
  }
  if (
    codes.includes(NSFW_CODE) ||
    errors.some((error) => /nsfw|unsafe|safety/i.test(error.message))
  ) {
    return {
      kind: "final",
      error: new AppError(
        "CONTENT_BLOCKED",
        "Cloudflare's safety filter refused this prompt. Try rephrasing it or choosing a different subject.",
        { provider: "cloudflare", reason: "NSFW", providerCode: NSFW_CODE },
      ),
    };
  }
  if (status === 429 || codes.includes(OUT_OF_CAPACITY_CODE)) {
    return {
      kind: "transient",
      failure: {
        providerStatus: status,
        reason: codes.includes(OUT_OF_CAPACITY_CODE) ? "OUT_OF_CAPACITY" : "RATE_LIMITED",
        cause,
      },
    };
  }
  if (RETRYABLE_STATUSES.has(status)) {
    return {
      kind: "transient",
      failure: { providerStatus: status, reason: `HTTP_${status}`, cause },
    };
  }
  if (status === 403) {
    return {
      kind: "final",
      error: new AppError(
        "PROVIDER_ERROR",
        "Cloudflare has blocked Workers AI for this account. Check the account in the Cloudflare dashboard.",
        details("ACCOUNT_BLOCKED", false),
        { cause },
      ),
    };
  }
  if (status === 404) {
    return {
      kind: "final",
      error: new AppError(
        "PROVIDER_KEY_INVALID",
        "Cloudflare doesn't know this account id, or the model isn't offered to it. Check the account id in Settings (it is on the right of your Cloudflare dashboard).",
        { provider: "cloudflare", providerStatus: status, reason: "NOT_FOUND" },
        { cause },
      ),
    };
  }
  return {
    kind: "final",
    error: new AppError(
      "PROVIDER_ERROR",
      "Cloudflare couldn't process this request. Try rewording the prompt, then try again.",
      details(`HTTP_${status}`, false),
      { cause },
    ),
  };
}

function keyRejected(status: number, codes: (number | null)[], cause: unknown): AppError {
  return new AppError(
    "PROVIDER_KEY_INVALID",
    "Cloudflare rejected this API token for this account. Check the account id and that the token has the Workers AI permission, or create a new token in the Cloudflare dashboard.",
    { provider: "cloudflare", providerStatus: status, reason: "TOKEN_REJECTED", codes },
    { cause },
  );
}

function exhaustedRetries(failure: TransientFailure, attempts: number): AppError {
  const tries = attempts === 1 ? "once" : `${attempts} times`;
  const message =
    failure.reason === "TIMEOUT"
      ? `Cloudflare took too long to answer (we tried ${tries}). Please try again in a minute.`
      : failure.reason === "NETWORK"
        ? `We couldn't reach Cloudflare (we tried ${tries}). Please try again in a minute.`
        : failure.providerStatus === 429
          ? `Cloudflare is limiting how fast this account can make images (we tried ${tries}). Wait a minute and try again.`
          : `Cloudflare Workers AI is having trouble right now (it answered ${failure.providerStatus ?? "nothing"}; we tried ${tries}). Please try again in a few minutes.`;
  return new AppError(
    "PROVIDER_ERROR",
    message,
    {
      provider: "cloudflare",
      providerStatus: failure.providerStatus,
      retryable: true,
      attempts,
      reason: failure.reason,
    },
    { cause: failure.cause },
  );
}

function transportFailure(error: unknown, apiToken: string): TransientFailure | null {
  const cause = withoutToken(error, apiToken);
  if (isAbortError(error)) return { providerStatus: null, reason: "TIMEOUT", cause };
  if (error instanceof TypeError) return { providerStatus: null, reason: "NETWORK", cause };
  return null;
}

/** FLUX.1 schnell answers 1024×1024: other ratios are cut from the centre at Gemini's sizes. */
async function fitToAspectRatio(
  data: Uint8Array,
  aspectRatio: ImageRequest["aspectRatio"],
): Promise<Uint8Array> {
  const image = sharp(data);
  const { width, height } = await image.metadata().catch((cause: unknown) => {
    throw new AppError(
      "PROVIDER_ERROR",
      "Cloudflare sent back an image we couldn't read. Please try again in a moment.",
      { provider: "cloudflare", providerStatus: 200, retryable: true, reason: "MALFORMED_IMAGE" },
      { cause },
    );
  });
  if (!width || !height) return data;
  const target = DIMENSIONS[aspectRatio];
  if (Math.abs(width / height - target.width / target.height) < 0.01) return data;
  const resized = await image
    .resize(target.width, target.height, { fit: "cover", position: "centre" })
    .jpeg({ quality: 92 })
    .toBuffer();
  return new Uint8Array(resized);
}

export interface CloudflareKeyCheckOptions extends CloudflareCredentials {
  baseUrl?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Asks Cloudflare whether a token may run Workers AI on this account, with the cheapest
 * authenticated call on the same path prefix: the first model of the account's model search.
 * Costs no neurons. Resolves when the token and account are accepted.
 */
export async function checkCloudflareKey(options: CloudflareKeyCheckOptions): Promise<void> {
  const { accountId, apiToken, signal, timeoutMs = KEY_CHECK_TIMEOUT_MS } = options;
  const url = `${baseUrlOf(options.baseUrl)}/accounts/${encodeURIComponent(accountId)}/ai/models/search?per_page=1`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  let status: number;
  let text: string;
  try {
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${apiToken}` },
      signal: controller.signal,
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw abortErrorFrom(signal);
    throw new AppError(
      "PROVIDER_ERROR",
      "We couldn't reach Cloudflare to check this token. Please try again in a minute.",
      {
        provider: "cloudflare",
        providerStatus: null,
        retryable: true,
        reason: isAbortError(error) ? "TIMEOUT" : "NETWORK",
      },
      { cause: withoutToken(error, apiToken) },
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
  if (status >= 200 && status < 300) return;
  // Cloudflare authenticates before it rate limits: a 429 means the token was accepted.
  if (status === 429) return;
  let errors: CloudflareMessage[] = [];
  try {
    const body: unknown = JSON.parse(text);
    errors = isRecord(body) ? readMessages(body.errors) : [];
  } catch {
    // A gateway's HTML error page: judged by status alone.
  }
  const codes = errors.map((error) => error.code);
  const cause = new Error(
    `Cloudflare key check answered ${status}: ${errors.map((e) => `${e.code ?? "?"}: ${e.message}`).join("; ")}`,
  );
  if (status === 400 || status === 401 || status === 403 || status === 404) {
    throw keyRejected(status, codes, cause);
  }
  throw new AppError(
    "PROVIDER_ERROR",
    "Cloudflare couldn't check this token just now. Please try again in a minute.",
    { provider: "cloudflare", providerStatus: status, retryable: true, reason: `HTTP_${status}` },
    { cause },
  );
}

function baseUrlOf(baseUrl: string | undefined): string {
  return (baseUrl ?? DEFAULT_CLOUDFLARE_BASE_URL).replace(/\/+$/, "");
}

function readMessages(value: unknown): CloudflareMessage[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((entry) => ({
    code: typeof entry.code === "number" ? entry.code : null,
    message: typeof entry.message === "string" ? entry.message : "",
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The error to keep as a cause, with the token cut out should anything have echoed it. */
function withoutToken(error: unknown, apiToken: string): unknown {
  if (!(error instanceof Error) || apiToken === "") return error;
  const texts = [error.message, error.stack ?? "", String(error.cause ?? "")];
  if (!texts.some((text) => text.includes(apiToken))) return error;
  const redacted = new Error(error.message.replaceAll(apiToken, "[redacted]"));
  redacted.name = error.name;
  return redacted;
}
