import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Redis, { ReplyError } from "ioredis";

/**
 * Upstash Redis's REST protocol in front of a real Redis, for @upstash/redis and
 * @upstash/ratelimit: `POST /` with one command as a JSON array, `POST /pipeline` and
 * `POST /multi-exec` with an array of commands. A single command's Redis error is HTTP 400
 * `{error}`; in a pipeline or transaction each entry is `{result}` or `{error}` in a 200 answer.
 * With `Upstash-Encoding: base64` every string in a result (recursively) is base64.
 */

export interface UpstashRestShim {
  url: string;
  close(): Promise<void>;
}

type Reply = string | number | null | Reply[];
type Entry = { result: Reply } | { error: string };

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Commands that would change the shared connection's state for every other caller. */
const REFUSED_COMMANDS = new Set([
  "MULTI",
  "EXEC",
  "DISCARD",
  "WATCH",
  "UNWATCH",
  "SELECT",
  "AUTH",
  "HELLO",
  "QUIT",
  "RESET",
  "CLIENT",
  "MONITOR",
  "SUBSCRIBE",
  "PSUBSCRIBE",
  "SSUBSCRIBE",
  "BLPOP",
  "BRPOP",
  "BLMOVE",
  "BZPOPMIN",
  "BZPOPMAX",
  "XREAD",
]);

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/**
 * Upstash accepts the `allow-key-locking` shebang flag that @upstash/ratelimit puts on every
 * script; Redis refuses unknown flags ("Unexpected flag in script shebang"). The shim drops the
 * flag, and remembers which SHA the client knows (of the script it sent) for the SHA Redis
 * knows (of the script it ran), so EVALSHA works after the first EVAL or SCRIPT LOAD.
 */
const UPSTASH_ONLY_FLAGS = new Set(["allow-key-locking"]);

function withoutUpstashFlags(script: string): string {
  const match = /^#!(\S+)([^\n]*)/.exec(script);
  if (!match) return script;
  const [shebang, engine, options = ""] = match;
  const rewritten = options.replace(/flags=(\S*)/, (_all, flags: string) => {
    const kept = flags.split(",").filter((flag) => flag && !UPSTASH_ONLY_FLAGS.has(flag));
    return `flags=${kept.join(",")}`;
  });
  return `#!${engine}${rewritten}${script.slice(shebang.length)}`;
}

function toReply(value: unknown, base64: boolean): Reply {
  if (Buffer.isBuffer(value)) return value.toString(base64 ? "base64" : "utf8");
  if (Array.isArray(value)) return value.map((item) => toReply(item, base64));
  if (typeof value === "number" || value === null) return value;
  // An error inside a script's returned table arrives as an Error; Upstash answers its text.
  if (value instanceof Error) return toReply(Buffer.from(value.message), base64);
  return toReply(Buffer.from(String(value)), base64);
}

function parseCommand(value: unknown): string[] {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((part) => ["string", "number", "boolean"].includes(typeof part))
  ) {
    throw new HttpError(400, "ERR failed to parse command");
  }
  return value.map((part) => String(part));
}

function parseCommands(value: unknown): string[][] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new HttpError(400, "ERR failed to parse pipeline request");
  }
  return value.map(parseCommand);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function tokenMatches(request: IncomingMessage, token: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
  if (!given) return false;
  const expected = Buffer.from(token);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export async function startUpstashRestShim({
  redisUrl,
  token,
}: {
  redisUrl: string;
  token: string;
}): Promise<UpstashRestShim> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 3000 });
  // ioredis reports connection errors on this event; without a listener they crash the process.
  redis.on("error", () => {});
  /** SHA the client knows → SHA of the script Redis actually loaded. */
  const redisShaOf = new Map<string, string>();

  /** Rewrites script commands for Redis; the client's view (SHAs it computed) is kept. */
  function forRedis(command: string[]): string[] {
    const [name = "", ...args] = command;
    const upper = name.toUpperCase();
    if ((upper === "EVAL" || upper === "EVAL_RO") && args[0] !== undefined) {
      const script = withoutUpstashFlags(args[0]);
      if (script !== args[0]) redisShaOf.set(sha1(args[0]), sha1(script));
      return [name, script, ...args.slice(1)];
    }
    if ((upper === "EVALSHA" || upper === "EVALSHA_RO") && args[0] !== undefined) {
      return [name, redisShaOf.get(args[0].toLowerCase()) ?? args[0], ...args.slice(1)];
    }
    if (upper === "SCRIPT" && args[0]?.toUpperCase() === "LOAD" && args[1] !== undefined) {
      const script = withoutUpstashFlags(args[1]);
      if (script !== args[1]) redisShaOf.set(sha1(args[1]), sha1(script));
      return [name, args[0], script];
    }
    if (upper === "SCRIPT" && args[0]?.toUpperCase() === "EXISTS") {
      return [
        name,
        args[0],
        ...args.slice(1).map((sha) => redisShaOf.get(sha.toLowerCase()) ?? sha),
      ];
    }
    return command;
  }

  /** SCRIPT LOAD answers the SHA of the script the client sent, as Upstash does. */
  function fromRedis(command: string[], reply: unknown): unknown {
    const [name = "", sub = "", script] = command;
    if (name.toUpperCase() === "SCRIPT" && sub.toUpperCase() === "LOAD" && script !== undefined) {
      return Buffer.from(sha1(script));
    }
    return reply;
  }

  function refuse(command: string[]): void {
    const name = (command[0] ?? "").toUpperCase();
    if (REFUSED_COMMANDS.has(name)) {
      throw new HttpError(400, `ERR Command is not allowed: ${name}`);
    }
  }

  async function single(command: string[], base64: boolean): Promise<Entry> {
    refuse(command);
    const [name = "", ...args] = forRedis(command);
    try {
      return { result: toReply(fromRedis(command, await redis.callBuffer(name, ...args)), base64) };
    } catch (error) {
      if (error instanceof ReplyError) throw new HttpError(400, (error as Error).message);
      throw error;
    }
  }

  async function batch(commands: string[][], base64: boolean, atomic: boolean): Promise<Entry[]> {
    commands.forEach(refuse);
    const chain = atomic ? redis.multi() : redis.pipeline();
    for (const command of commands) {
      const [name = "", ...args] = forRedis(command);
      chain.callBuffer(name, ...args);
    }
    let results: [Error | null, unknown][] | null;
    try {
      results = await chain.exec();
    } catch (error) {
      // EXECABORT: a command could not be queued, so nothing ran.
      if (error instanceof ReplyError) throw new HttpError(400, (error as Error).message);
      throw error;
    }
    if (!results) throw new HttpError(400, "EXECABORT Transaction discarded");
    return results.map(([error, reply], index) =>
      error
        ? { error: error.message }
        : { result: toReply(fromRedis(commands[index] ?? [], reply), base64) },
    );
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== "POST") throw new HttpError(405, "Method not allowed");
    if (!tokenMatches(request, token)) throw new HttpError(401, "Unauthorized");
    const base64 = String(request.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request));
    } catch {
      throw new HttpError(400, "ERR failed to parse request body as JSON");
    }
    const path = new URL(request.url ?? "/", "http://shim.invalid").pathname.replace(/\/+$/, "");
    switch (path) {
      case "":
        return sendJson(response, 200, await single(parseCommand(body), base64));
      case "/pipeline":
        return sendJson(response, 200, await batch(parseCommands(body), base64, false));
      case "/multi-exec":
        return sendJson(response, 200, await batch(parseCommands(body), base64, true));
      default:
        throw new HttpError(404, "Not found");
    }
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (error instanceof HttpError) sendJson(response, error.status, { error: error.message });
      else sendJson(response, 500, { error: "ERR internal error of the REST shim" });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }).finally(() => redis.disconnect());
      return closing;
    },
  };
}
