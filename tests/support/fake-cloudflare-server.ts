import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";

/**
 * A local stand-in for Cloudflare's REST API (api.cloudflare.com/client/v4) as the Workers AI
 * adapter uses it, speaking its wire format:
 *   POST /accounts/{account_id}/ai/run/@cf/black-forest-labs/flux-1-schnell  {prompt, steps?, seed?}
 *     → 200 {result: {image: <base64 JPEG 1024×1024>}, success: true, errors: [], messages: []}
 *   GET  /accounts/{account_id}/ai/models/search?per_page=1  → 200 {result: [model], …}
 * The token travels in `Authorization: Bearer …` and is checked first, as Cloudflare does:
 * a wrong one gets 401 with errors [{code: 10000, message: "Authentication error"}]; an
 * unknown account (with a good token) gets 403 with the same code. Errors use Cloudflare's
 * envelope {result: null, success: false, errors: [{code, message}], messages: []}.
 * `enqueue()` scripts the next answers to run calls (fault injection per request).
 */

export const FAKE_CLOUDFLARE_ACCOUNT = "0123456789abcdef0123456789abcdef";
export const FAKE_CLOUDFLARE_TOKEN = "cf-fake-token-for-tests-0000000000000000";
export const FLUX_SCHNELL = "@cf/black-forest-labs/flux-1-schnell";

export interface CloudflareErrorBody {
  result: null;
  success: false;
  errors: { code: number; message: string }[];
  messages: unknown[];
}

export type FakeCloudflareBehaviour =
  | { kind: "image" }
  | { kind: "error"; status: number; body: CloudflareErrorBody }
  | { kind: "delay"; ms: number; then?: FakeCloudflareBehaviour }
  /** 200 with a body that is not JSON. */
  | { kind: "malformed-json" }
  /** Any JSON body with this status. */
  | { kind: "json"; status: number; body: unknown }
  | { kind: "disconnect" };

export interface RecordedCloudflareRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  accountId: string | null;
  body: unknown;
  /** Whether a token came and was accepted; the token itself is never recorded. */
  token: "valid" | "invalid" | "missing";
}

export interface FakeCloudflareServer {
  /** The base URL for CLOUDFLARE_API_BASE_URL (ends in /client/v4, like the real one). */
  url: string;
  validTokens: Set<string>;
  accounts: Set<string>;
  requests: RecordedCloudflareRequest[];
  enqueue(...behaviours: FakeCloudflareBehaviour[]): void;
  pending(): number;
  reset(): void;
  close(): Promise<void>;
}

function errorBody(code: number, message: string): CloudflareErrorBody {
  return { result: null, success: false, errors: [{ code, message }], messages: [] };
}

function errorBehaviour(status: number, code: number, message: string): FakeCloudflareBehaviour {
  return { kind: "error", status, body: errorBody(code, message) };
}

/** The errors Workers AI really sends (developers.cloudflare.com/workers-ai/platform/errors). */
export const cloudflareErrors = {
  authentication: () => errorBehaviour(401, 10000, "Authentication error"),
  dailyAllocation: () =>
    errorBehaviour(
      429,
      3036,
      "AiError: Account limited: You have used up your daily free allocation of 10,000 neurons. Please upgrade to Cloudflare's Workers Paid plan if you would like to continue usage.",
    ),
  outOfCapacity: () =>
    errorBehaviour(
      429,
      3040,
      "AiError: Out of capacity: No more data centers to forward the request to",
    ),
  rateLimited: () =>
    errorBehaviour(429, 971, "Please wait and consider throttling your request speed"),
  nsfw: () => errorBehaviour(400, 3030, "AiError: Input prompt contains NSFW content."),
  timeout: () => errorBehaviour(408, 3007, "AiError: Request timeout"),
  internal: () => errorBehaviour(500, 3043, "AiError: Internal server error"),
  unavailable: () => errorBehaviour(503, 3043, "AiError: Service unavailable"),
  badInput: (
    message = "AiError: Bad input: Error: property 'prompt' should NOT be shorter than 1 characters",
  ) => errorBehaviour(400, 5006, message),
};

const RUN_PATH = /^\/client\/v4\/accounts\/([^/]+)\/ai\/run\/(.+)$/;
const SEARCH_PATH = /^\/client\/v4\/accounts\/([^/]+)\/ai\/models\/search$/;
const RUN_FIELDS = new Set(["prompt", "steps", "seed"]);

/** The 400 Workers AI gives a flux-1-schnell body that breaks its schema, or null. */
function rejectRunBody(body: unknown): FakeCloudflareBehaviour | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return cloudflareErrors.badInput("AiError: Bad input: Error: must be object");
  }
  const record = body as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    if (!RUN_FIELDS.has(name))
      return cloudflareErrors.badInput(
        `AiError: Bad input: Error: must NOT have additional properties (${name})`,
      );
  }
  if (
    typeof record.prompt !== "string" ||
    record.prompt.length < 1 ||
    record.prompt.length > 2048
  ) {
    return cloudflareErrors.badInput();
  }
  if (
    record.steps !== undefined &&
    (!Number.isInteger(record.steps) || Number(record.steps) < 1 || Number(record.steps) > 8)
  ) {
    return cloudflareErrors.badInput("AiError: Bad input: Error: property 'steps' should be <= 8");
  }
  if (record.seed !== undefined && (!Number.isInteger(record.seed) || Number(record.seed) < 0)) {
    return cloudflareErrors.badInput("AiError: Bad input: Error: property 'seed' should be >= 0");
  }
  return null;
}

export async function startFakeCloudflareServer(
  options: { validTokens?: string[]; accounts?: string[] } = {},
): Promise<FakeCloudflareServer> {
  const validTokens = new Set(options.validTokens ?? [FAKE_CLOUDFLARE_TOKEN]);
  const accounts = new Set(options.accounts ?? [FAKE_CLOUDFLARE_ACCOUNT]);
  const queue: FakeCloudflareBehaviour[] = [];
  const requests: RecordedCloudflareRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let jpeg: string | null = null;

  async function jpegBase64(): Promise<string> {
    jpeg ??= (
      await sharp({
        create: { width: 1024, height: 1024, channels: 3, background: { r: 246, g: 130, b: 31 } },
      })
        .jpeg()
        .toBuffer()
    ).toString("base64");
    return jpeg;
  }

  function sendJson(res: ServerResponse, status: number, body: unknown) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
      "cf-ray": `fake-${requests.length}`,
    });
    res.end(text);
  }

  async function answer(res: ServerResponse, behaviour: FakeCloudflareBehaviour): Promise<void> {
    if (res.destroyed) return;
    switch (behaviour.kind) {
      case "image":
        return sendJson(res, 200, {
          result: { image: await jpegBase64() },
          success: true,
          errors: [],
          messages: [],
        });
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
        return answer(res, behaviour.then ?? { kind: "image" });
      case "malformed-json":
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"result": {"image": "/9j/4AAQ');
        return;
      case "json":
        return sendJson(res, behaviour.status, behaviour.body);
      case "disconnect":
        res.socket?.destroy();
        return;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake-cloudflare.local");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: unknown = null;
    let badJson = false;
    if (raw !== "") {
      try {
        body = JSON.parse(raw);
      } catch {
        badJson = true;
      }
    }
    const header = req.headers.authorization ?? "";
    const supplied = header.startsWith("Bearer ") ? header.slice(7) : "";
    const token = supplied === "" ? "missing" : validTokens.has(supplied) ? "valid" : "invalid";
    const run = RUN_PATH.exec(url.pathname);
    const search = SEARCH_PATH.exec(url.pathname);
    const accountId = run?.[1] ?? search?.[1] ?? null;
    requests.push({
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      accountId,
      body,
      token,
    });

    if (token !== "valid") return answer(res, cloudflareErrors.authentication());
    if (accountId !== null && !accounts.has(accountId)) {
      return sendJson(res, 403, errorBody(10000, "Authentication error"));
    }
    if (req.method === "POST" && run) {
      if (decodeURIComponent(run[2] ?? "") !== FLUX_SCHNELL) {
        return answer(res, errorBehaviour(400, 5007, `No such model ${run[2]} or task`));
      }
      if (badJson)
        return answer(res, cloudflareErrors.badInput("AiError: Bad input: invalid JSON"));
      const rejection = rejectRunBody(body);
      if (rejection) return answer(res, rejection);
      return answer(res, queue.shift() ?? { kind: "image" });
    }
    if (req.method === "GET" && search) {
      return sendJson(res, 200, {
        result: [
          {
            id: "9e3d5f3a-0000-4000-8000-000000000001",
            name: FLUX_SCHNELL,
            task: { name: "Text-to-Image" },
          },
        ],
        success: true,
        errors: [],
        messages: [],
        result_info: { count: 1, page: 1, per_page: 1, total_count: 80 },
      });
    }
    return sendJson(res, 404, errorBody(7003, "Could not route to " + url.pathname));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, errorBody(10001, String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/client/v4`,
    validTokens,
    accounts,
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
