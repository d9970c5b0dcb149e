import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the Resend API (api.resend.com) speaking its wire format, for the
 * `resend` SDK pointed at it through its base URL (RESEND_BASE_URL):
 *   POST /emails         one message → 200 {"id"}
 *   POST /emails/batch   up to 100 → 200 {"data": [{"id"}…]}
 * The key travels as `Authorization: Bearer re_…`: missing → 401 missing_api_key, unknown →
 * 403 invalid_api_key. Errors are Resend's bodies ({statusCode, name, message}). An
 * `Idempotency-Key` behaves as Resend documents: the same key with the same body answers the
 * first answer again without sending; with another body → 409 invalid_idempotent_request.
 * `enqueue()` scripts the next answers (5xx, 429 with Retry-After, a cut connection).
 * Not Resend's: `GET /_fake/delivered` answers the delivered messages as JSON, for a test in
 * another process (the e2e suite reads what the production server mailed).
 */

/** Where the fake lists what it delivered (no key needed; not part of Resend's API). */
export const DELIVERED_PATH = "/_fake/delivered";

export const FAKE_RESEND_KEY = "re_FakeResendKeyForTests_0000000000";

export type FakeResendBehaviour =
  | { kind: "ok" }
  | { kind: "error"; status: number; name?: string; message?: string; retryAfterSeconds?: number }
  /** The connection is cut before any answer (a network fault); nothing is sent. */
  | { kind: "disconnect" }
  /** The message is accepted (and sent), then the connection is cut: the answer is lost. */
  | { kind: "accept-then-disconnect" };

export interface ReceivedEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string | undefined;
  text: string | undefined;
  headers: Record<string, string> | undefined;
  tags: { name: string; value: string }[] | undefined;
  idempotencyKey: string | null;
}

export interface RecordedResendRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  /** What the server answered. */
  status: number;
  key: "valid" | "invalid" | "missing";
}

export interface FakeResendServer {
  /** The base URL for the SDK (RESEND_BASE_URL). */
  url: string;
  validKeys: Set<string>;
  /** Milliseconds every answer waits (so that concurrent senders really overlap). */
  latencyMs: number;
  /** Every request, in order, with the status answered. */
  requests: RecordedResendRequest[];
  /** Messages Resend would have delivered: each once, however often its key was replayed. */
  delivered: ReceivedEmail[];
  enqueue(...behaviours: FakeResendBehaviour[]): void;
  pending(): number;
  reset(): void;
  close(): Promise<void>;
}

const ERROR_NAMES: Record<number, string> = {
  400: "validation_error",
  401: "missing_api_key",
  403: "invalid_api_key",
  409: "invalid_idempotent_request",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "internal_server_error",
  503: "service_unavailable",
};

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function resendError(res: ServerResponse, status: number, name?: string, message?: string) {
  sendJson(res, status, {
    statusCode: status,
    name: name ?? ERROR_NAMES[status] ?? "application_error",
    message: message ?? `fake Resend: ${status}`,
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function toEmail(
  body: Record<string, unknown>,
  idempotencyKey: string | null,
): ReceivedEmail | null {
  const to = typeof body.to === "string" ? [body.to] : body.to;
  if (
    typeof body.from !== "string" ||
    typeof body.subject !== "string" ||
    !Array.isArray(to) ||
    to.length === 0 ||
    (typeof body.html !== "string" && typeof body.text !== "string")
  )
    return null;
  return {
    id: randomUUID(),
    from: body.from,
    to: to.map(String),
    subject: body.subject,
    html: typeof body.html === "string" ? body.html : undefined,
    text: typeof body.text === "string" ? body.text : undefined,
    headers: body.headers as Record<string, string> | undefined,
    tags: body.tags as ReceivedEmail["tags"],
    idempotencyKey,
  };
}

export async function startFakeResendServer(
  options: { validKeys?: string[] } = {},
): Promise<FakeResendServer> {
  const validKeys = new Set(options.validKeys ?? [FAKE_RESEND_KEY]);
  const requests: RecordedResendRequest[] = [];
  const delivered: ReceivedEmail[] = [];
  const queue: FakeResendBehaviour[] = [];
  // Idempotency keys seen: the body they came with and the answer given.
  const idempotent = new Map<string, { body: string; answer: unknown }>();
  const fake: FakeResendServer = {
    url: "",
    validKeys,
    latencyMs: 0,
    requests,
    delivered,
    enqueue(...behaviours) {
      queue.push(...behaviours);
    },
    pending: () => queue.length,
    reset() {
      queue.length = 0;
      requests.length = 0;
      delivered.length = 0;
      idempotent.clear();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const rawKey = req.headers["idempotency-key"];
    const idempotencyKey = typeof rawKey === "string" ? rawKey : null;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const key = bearer === undefined ? "missing" : validKeys.has(bearer) ? "valid" : "invalid";
    const record = (status: number) =>
      requests.push({ method: req.method ?? "GET", path, idempotencyKey, status, key });
    if (req.method === "GET" && path === DELIVERED_PATH) return sendJson(res, 200, delivered);
    const text = await readBody(req);
    if (fake.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fake.latencyMs));

    if (key !== "valid") {
      const status = key === "missing" ? 401 : 403;
      record(status);
      return resendError(res, status);
    }
    if (req.method !== "POST" || (path !== "/emails" && path !== "/emails/batch")) {
      record(404);
      return resendError(res, 404, "not_found", "Route not found");
    }
    const behaviour = queue.shift() ?? { kind: "ok" };
    if (behaviour.kind === "disconnect") {
      record(0);
      req.socket.destroy();
      return;
    }
    if (behaviour.kind === "error") {
      record(behaviour.status);
      if (behaviour.retryAfterSeconds !== undefined)
        res.setHeader("retry-after", String(behaviour.retryAfterSeconds));
      return resendError(res, behaviour.status, behaviour.name, behaviour.message);
    }
    if (idempotencyKey) {
      const seen = idempotent.get(idempotencyKey);
      if (seen && seen.body !== text) {
        record(409);
        return resendError(res, 409, "invalid_idempotent_request", "Same key, another payload");
      }
      if (seen) {
        record(200);
        return sendJson(res, 200, seen.answer);
      }
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      record(400);
      return resendError(res, 400, "validation_error", "Body is not JSON");
    }
    const bodies = path === "/emails/batch" ? parsed : [parsed];
    if (!Array.isArray(bodies) || bodies.length === 0 || bodies.length > 100) {
      record(422);
      return resendError(res, 422);
    }
    const emails = bodies.map((body) => toEmail(body as Record<string, unknown>, idempotencyKey));
    if (emails.some((email) => email === null)) {
      record(422);
      return resendError(
        res,
        422,
        "validation_error",
        "from, to, subject and html or text are required",
      );
    }
    const accepted = emails as ReceivedEmail[];
    delivered.push(...accepted);
    const answer =
      path === "/emails/batch"
        ? { data: accepted.map((email) => ({ id: email.id })) }
        : { id: accepted[0]?.id };
    if (idempotencyKey) idempotent.set(idempotencyKey, { body: text, answer });
    if (behaviour.kind === "accept-then-disconnect") {
      record(0);
      req.socket.destroy();
      return;
    }
    record(200);
    sendJson(res, 200, answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) resendError(res, 500, undefined, String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}`;

  return fake;
}
