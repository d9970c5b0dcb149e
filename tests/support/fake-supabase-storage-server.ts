import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for Supabase Storage behind the Supabase API gateway, speaking the wire format
 * @supabase/storage-js uses for what our adapter calls: object upload (POST, and PUT for update),
 * download (`/object/{bucket}/{path}` and `/object/authenticated/...`), bulk delete, get bucket and
 * create bucket, and signed URLs: `POST /object/sign/{bucket}/{path}` (with the key) answers a
 * path with a JWT (HS256, the project's JWT secret, `{url, iat, exp}`), and
 * `GET /object/sign/{bucket}/{path}?token=` serves the object to anyone, no key, with
 * `Access-Control-Allow-Origin: *`, while the token is valid for that object on the fake's clock
 * (`advanceClock` moves it, so expiry is tested without waiting). Objects and buckets live in memory; errors have Storage's shapes (HTTP 400 with
 * the real status as a string in `statusCode`, plus `code`, `error` and `message`).
 */

export interface FakeStoredObject {
  id: string;
  body: Buffer;
  contentType: string;
  cacheControl: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeBucketSettings {
  public: boolean;
  /** bytes; null for no limit */
  fileSizeLimit: number | null;
  allowedMimeTypes: string[] | null;
  createdAt: string;
}

export interface FakeSupabaseStorageServer {
  /** The project URL to give supabase-js (storage lives under /storage/v1). */
  url: string;
  secretKey: string;
  /** Stored objects by "bucket/path". */
  objects: Map<string, FakeStoredObject>;
  /** Existing bucket ids; add one to start with a bucket. */
  buckets: Set<string>;
  /** Settings of buckets created through the API; others are private with no limits. */
  bucketSettings: Map<string, FakeBucketSettings>;
  /** "METHOD /path" of every request, in order; never headers or bodies. */
  requests: string[];
  /** Moves the clock that signs and checks signed URLs forward (seconds). */
  advanceClock(seconds: number): void;
  close(): Promise<void>;
}

const STORAGE_PREFIX = "/storage/v1";

/** What Storage renders for a StorageBackendError. */
class StorageError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly error: string,
    message: string,
    /** the HTTP status: Storage sends 400 for every rendered error but 500 */
    readonly httpStatus = statusCode === 500 ? 500 : 400,
  ) {
    super(message);
  }
}

/** What the Supabase API gateway answers before Storage sees the request. */
class GatewayError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

const noSuchBucket = () =>
  new StorageError(404, "NoSuchBucket", "Bucket not found", "Bucket not found");
const noSuchKey = () => new StorageError(404, "NoSuchKey", "not_found", "Object not found");
const invalidRequest = (message: string) =>
  new StorageError(400, "InvalidRequest", "Bad Request", message);

const invalidJwt = (message: string) =>
  new StorageError(400, "InvalidJWT", "Unauthorized", message);

function base64url(value: Buffer | string): string {
  return Buffer.from(value).toString("base64url");
}

/** HS256, as Storage signs URL tokens with the project's JWT secret. */
function signJwt(payload: Record<string, unknown>, secret: Buffer): string {
  const unsigned = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify(payload))}`;
  return `${unsigned}.${createHmac("sha256", secret).update(unsigned).digest("base64url")}`;
}

function verifyJwt(token: string, secret: Buffer, nowSeconds: number): Record<string, unknown> {
  const [header, payload, signature, ...extra] = token.split(".");
  if (!header || !payload || !signature || extra.length > 0) throw invalidJwt("jwt malformed");
  const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalidJwt("invalid signature");
  }
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
  if (typeof claims.exp === "number" && nowSeconds >= claims.exp) throw invalidJwt("jwt expired");
  return claims;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  try {
    const parsed: unknown = JSON.parse((await readBody(request)).toString("utf8"));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // answered below
  }
  throw invalidRequest("Body is not a JSON object");
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Storage's parseFileSizeToBytes: "10MB" → 10_000_000 (decimal units). */
function parseFileSizeLimit(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  const match =
    typeof value === "string" ? /^([0-9]+(?:\.[0-9]+)?)(gb|mb|kb|b)$/i.exec(value) : null;
  if (!match?.[1] || !match[2]) {
    throw invalidRequest("Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B");
  }
  const units: Record<string, number> = { GB: 1e9, MB: 1e6, KB: 1e3, B: 1 };
  return +parseFloat(match[1]).toPrecision(3) * (units[match[2].toUpperCase()] ?? 1);
}

/** Splits "/bucket/some/path" into its bucket and object name, URL-decoded as Fastify does. */
function splitObjectPath(rest: string): { bucket: string; name: string } {
  const [bucket = "", ...segments] = rest.split("/").map((part) => decodeURIComponent(part));
  const name = segments.join("/");
  if (!bucket || !name) throw invalidRequest("Missing bucket or object name");
  return { bucket, name };
}

export async function startFakeSupabaseStorageServer({
  secretKey,
}: {
  secretKey: string;
}): Promise<FakeSupabaseStorageServer> {
  const objects = new Map<string, FakeStoredObject>();
  const buckets = new Set<string>();
  const bucketSettings = new Map<string, FakeBucketSettings>();
  const requests: string[] = [];
  const jwtSecret = randomBytes(32);
  let clockOffsetSeconds = 0;
  const nowSeconds = () => Math.floor(Date.now() / 1000) + clockOffsetSeconds;

  function settingsOf(bucket: string): FakeBucketSettings {
    return (
      bucketSettings.get(bucket) ?? {
        public: false,
        fileSizeLimit: null,
        allowedMimeTypes: null,
        createdAt: new Date(0).toISOString(),
      }
    );
  }

  /** The gateway checks the apikey; Storage then verifies the bearer token as a JWT. */
  function authenticate(request: IncomingMessage): void {
    const apiKey = header(request, "apikey");
    if (!apiKey) {
      throw new GatewayError(
        "No API key found in request",
        "No `apikey` request header or url param was found.",
      );
    }
    if (apiKey !== secretKey) {
      throw new GatewayError(
        "Invalid API key",
        "Double check your Supabase `anon` or `service_role` API key.",
      );
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(header(request, "authorization") ?? "")?.[1];
    if (bearer !== secretKey) {
      throw new StorageError(403, "AccessDenied", "Unauthorized", "invalid signature");
    }
  }

  async function upload(request: IncomingMessage, rest: string, method: "POST" | "PUT") {
    const { bucket, name } = splitObjectPath(rest);
    if (!buckets.has(bucket)) throw noSuchBucket();
    const contentType = header(request, "content-type") ?? "application/octet-stream";
    if (contentType.startsWith("multipart/form-data")) {
      throw invalidRequest("The fake takes raw bodies only, as the adapter sends them");
    }
    const body = await readBody(request);
    const settings = settingsOf(bucket);
    if (settings.fileSizeLimit !== null && body.length > settings.fileSizeLimit) {
      throw new StorageError(
        413,
        "EntityTooLarge",
        "Payload too large",
        "The object exceeded the maximum allowed size",
      );
    }
    if (settings.allowedMimeTypes && !settings.allowedMimeTypes.includes(contentType)) {
      throw new StorageError(
        415,
        "InvalidMimeType",
        "invalid_mime_type",
        `mime type ${contentType} is not supported`,
      );
    }
    const objectKey = `${bucket}/${name}`;
    const existing = objects.get(objectKey);
    // update (PUT) always overwrites; upload (POST) only with x-upsert: true
    const upsert = method === "PUT" || header(request, "x-upsert") === "true";
    if (existing && !upsert) {
      throw new StorageError(409, "KeyAlreadyExists", "Duplicate", "The resource already exists");
    }
    const now = new Date().toISOString();
    const stored: FakeStoredObject = {
      id: existing?.id ?? randomUUID(),
      body,
      contentType,
      cacheControl: header(request, "cache-control") ?? "no-cache",
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    objects.set(objectKey, stored);
    return { Id: stored.id, Key: objectKey };
  }

  /** POST /object/sign/{bucket}/{path} {expiresIn}: only for an object that exists. */
  async function sign(request: IncomingMessage, rest: string) {
    const { bucket, name } = splitObjectPath(rest);
    const { expiresIn } = await readJson(request);
    if (typeof expiresIn !== "number" || !Number.isInteger(expiresIn) || expiresIn < 1) {
      throw invalidRequest("body/expiresIn must be >= 1");
    }
    if (!buckets.has(bucket)) throw noSuchBucket();
    if (!objects.has(`${bucket}/${name}`)) throw noSuchKey();
    const iat = nowSeconds();
    const token = signJwt({ url: `${bucket}/${name}`, iat, exp: iat + expiresIn }, jwtSecret);
    const path = `${encodeURIComponent(bucket)}/${name.split("/").map(encodeURIComponent).join("/")}`;
    return { signedURL: `/object/sign/${path}?token=${token}` };
  }

  /** GET /object/sign/{bucket}/{path}?token=: no key needed, the token is the permission. */
  function serveSigned(response: ServerResponse, rest: string, token: string | null): void {
    if (!token) throw invalidRequest("querystring must have required property 'token'");
    const { bucket, name } = splitObjectPath(rest);
    const claims = verifyJwt(token, jwtSecret, nowSeconds());
    if (claims.url !== `${bucket}/${name}`) {
      throw new StorageError(
        400,
        "InvalidSignature",
        "Unauthorized",
        "The url do not match the signature",
      );
    }
    download(response, rest);
  }

  function download(response: ServerResponse, rest: string): void {
    const { bucket, name } = splitObjectPath(rest);
    if (!buckets.has(bucket)) throw noSuchBucket();
    const stored = objects.get(`${bucket}/${name}`);
    if (!stored) throw noSuchKey();
    response.writeHead(200, {
      "content-type": stored.contentType,
      "content-length": String(stored.body.length),
      "cache-control": stored.cacheControl,
      etag: `"${createHash("md5").update(stored.body).digest("hex")}"`,
      "last-modified": new Date(stored.updatedAt).toUTCString(),
    });
    response.end(stored.body);
  }

  async function removeMany(request: IncomingMessage, bucket: string) {
    const { prefixes } = await readJson(request);
    if (
      !Array.isArray(prefixes) ||
      prefixes.length === 0 ||
      !prefixes.every((prefix) => typeof prefix === "string")
    ) {
      throw invalidRequest("body/prefixes must be a non-empty array of strings");
    }
    if (prefixes.length > 1000) {
      throw invalidRequest("At most 1000 objects can be deleted per request.");
    }
    const deleted = [];
    for (const prefix of prefixes as string[]) {
      const objectKey = `${bucket}/${prefix}`;
      const stored = objects.get(objectKey);
      if (!stored) continue;
      objects.delete(objectKey);
      deleted.push({
        name: prefix,
        bucket_id: bucket,
        id: stored.id,
        created_at: stored.createdAt,
        updated_at: stored.updatedAt,
        last_accessed_at: stored.updatedAt,
        metadata: {
          size: stored.body.length,
          mimetype: stored.contentType,
          cacheControl: stored.cacheControl,
        },
      });
    }
    return deleted;
  }

  function bucketJson(id: string) {
    const settings = settingsOf(id);
    return {
      id,
      name: id,
      owner: "",
      public: settings.public,
      file_size_limit: settings.fileSizeLimit,
      allowed_mime_types: settings.allowedMimeTypes,
      created_at: settings.createdAt,
      updated_at: settings.createdAt,
    };
  }

  async function createBucket(request: IncomingMessage) {
    const body = await readJson(request);
    const name = body.name;
    const id = typeof body.id === "string" && body.id ? body.id : name;
    if (typeof name !== "string" || typeof id !== "string" || !id || id.includes("/")) {
      throw new StorageError(400, "InvalidBucketName", "Invalid Input", "Bucket name invalid");
    }
    if (buckets.has(id)) {
      throw new StorageError(
        409,
        "BucketAlreadyExists",
        "Duplicate",
        "The resource already exists",
      );
    }
    const allowed = body.allowed_mime_types;
    bucketSettings.set(id, {
      public: body.public === true,
      fileSizeLimit: parseFileSizeLimit(body.file_size_limit),
      allowedMimeTypes:
        Array.isArray(allowed) && allowed.every((type) => typeof type === "string")
          ? (allowed as string[])
          : null,
      createdAt: new Date().toISOString(),
    });
    buckets.add(id);
    return { name };
  }

  /** POST /object/list/{bucket} {prefix, limit, offset}: one folder's files and sub-folders. */
  async function list(request: IncomingMessage, bucket: string) {
    if (!buckets.has(bucket)) throw noSuchBucket();
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString() || "{}") as {
      prefix?: string;
      limit?: number;
      offset?: number;
    };
    const prefix = body.prefix ? `${bucket}/${body.prefix.replace(/\/$/, "")}/` : `${bucket}/`;
    const entries = new Map<string, { name: string; id: string | null }>();
    for (const [key, object] of objects) {
      if (!key.startsWith(prefix)) continue;
      const [name, ...deeper] = key.slice(prefix.length).split("/");
      if (!name) continue;
      entries.set(name, { name, id: deeper.length > 0 ? null : object.id });
    }
    const sorted = [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
    const offset = body.offset ?? 0;
    return sorted.slice(offset, offset + (body.limit ?? 100));
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake.invalid");
    const method = request.method ?? "GET";
    requests.push(`${method} ${url.pathname}`);
    const path = url.pathname.startsWith(`${STORAGE_PREFIX}/`)
      ? url.pathname.slice(STORAGE_PREFIX.length)
      : null;
    // Storage answers every origin (fastify-cors, origin *); the gateway lets signed URLs through
    // without a key, since the token in them is the permission.
    response.setHeader("access-control-allow-origin", "*");
    if (path?.startsWith("/object/sign/") && method === "GET") {
      return serveSigned(
        response,
        path.slice("/object/sign/".length),
        url.searchParams.get("token"),
      );
    }
    authenticate(request);

    if (path?.startsWith("/object/sign/") && method === "POST") {
      return sendJson(response, 200, await sign(request, path.slice("/object/sign/".length)));
    }
    if (path?.startsWith("/object/list/") && method === "POST") {
      return sendJson(response, 200, await list(request, decodeURIComponent(path.slice(13))));
    }
    if (path?.startsWith("/object/")) {
      const rest = path.slice("/object/".length);
      if (method === "GET" && rest.startsWith("authenticated/")) {
        return download(response, rest.slice("authenticated/".length));
      }
      if (method === "GET") return download(response, rest);
      if (method === "POST" || method === "PUT") {
        return sendJson(response, 200, await upload(request, rest, method));
      }
      if (method === "DELETE" && rest && !rest.includes("/")) {
        return sendJson(response, 200, await removeMany(request, decodeURIComponent(rest)));
      }
    }
    if (path === "/bucket" && method === "POST") {
      return sendJson(response, 200, await createBucket(request));
    }
    if (path?.startsWith("/bucket/") && method === "GET") {
      const id = decodeURIComponent(path.slice("/bucket/".length));
      if (!buckets.has(id)) throw noSuchBucket();
      return sendJson(response, 200, bucketJson(id));
    }
    throw new StorageError(
      404,
      "NotFound",
      "Not Found",
      `Route ${method}:${url.pathname} not found`,
      404,
    );
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (error instanceof GatewayError) {
        sendJson(response, 401, { message: error.message, hint: error.hint });
      } else if (error instanceof StorageError) {
        sendJson(response, error.httpStatus, {
          statusCode: String(error.statusCode),
          code: error.code,
          error: error.error,
          message: error.message,
        });
      } else {
        sendJson(response, 500, {
          statusCode: "500",
          code: "InternalError",
          error: "Internal",
          message: "Internal Server Error",
        });
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    secretKey,
    objects,
    buckets,
    bucketSettings,
    requests,
    advanceClock: (seconds) => {
      clockOffsetSeconds += seconds;
    },
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
      return closing;
    },
  };
}
