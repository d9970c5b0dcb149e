import {
  createDecipheriv,
  createECDH,
  hkdfSync,
  randomBytes,
  randomUUID,
  type ECDH,
} from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importJWK, jwtVerify } from "jose";

/**
 * A local push service (what FCM, Mozilla autopush or Apple's web push are to a browser) that
 * speaks the Web Push wire format over HTTPS, for the real `web-push` library to send to:
 *   POST /push/<token>   one message: `TTL`, `Content-Encoding: aes128gcm`, the encrypted body
 *                        (RFC 8291) and `Authorization: vapid t=<JWT>, k=<public key>` (RFC 8292)
 * It answers 201 Created, or what `answer(token, status)` scripted (404/410: the subscription is
 * gone), and 401/403 as push services do when the VAPID header is missing or wrong: the JWT must
 * be ES256 under the key `k`, its `aud` this server's origin, `exp` within 24 hours and `sub` a
 * mailto: or https: URL. Each request is recorded with its headers and raw body; `decrypt` opens
 * a body with a browser's keys, as the browser would.
 *
 * Its certificate is self-signed (made with openssl at start): the sender trusts it through
 * `agent`, and `origin` is https://localhost:<port>.
 */

export interface FakeBrowserSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** The browser's side of the ECDH, to decrypt what the push service received. */
  ecdh: ECDH;
  authSecret: Buffer;
}

export interface RecordedPush {
  token: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Why the VAPID header was refused, or null when it was right. */
  vapidError: string | null;
}

export interface FakePushEndpoint {
  origin: string;
  /** An https.Agent that trusts this server's self-signed certificate. */
  agent: Agent;
  received: RecordedPush[];
  /** A fresh browser subscription on this push service (its own keys and endpoint). */
  subscribe(): FakeBrowserSubscription;
  /** What the endpoint of this subscription answers from now on (default 201). */
  answer(subscription: { endpoint: string }, status: number): void;
  /** The messages received for one subscription. */
  messagesFor(subscription: { endpoint: string }): RecordedPush[];
  close(): Promise<void>;
}

function tokenOf(endpoint: string): string {
  return new URL(endpoint).pathname.replace(/^\/push\//, "");
}

/** RFC 8291 §3.4 and RFC 8188: the plaintext of an aes128gcm body, for this browser's keys. */
export function decryptPushBody(body: Buffer, subscription: FakeBrowserSubscription): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  const senderPublicKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error(`keyid is ${idLength} bytes, not a P-256 public key`);
  if (ciphertext.length > recordSize) throw new Error("more than one record");
  const ecdhSecret = subscription.ecdh.computeSecret(senderPublicKey);
  const keyInfo = Buffer.concat([
    Buffer.from("WebPush: info\0"),
    subscription.ecdh.getPublicKey(),
    senderPublicKey,
  ]);
  const ikm = Buffer.from(hkdfSync("sha256", ecdhSecret, subscription.authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, "Content-Encoding: aes128gcm\0", 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, "Content-Encoding: nonce\0", 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error("no last-record delimiter");
  return padded.subarray(0, end).toString("utf8");
}

/** Checks `Authorization: vapid t=<jwt>, k=<key>` as a push service does; the reason, or null. */
async function vapidError(header: string | undefined, origin: string): Promise<string | null> {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? "");
  if (!match) return "no vapid Authorization header";
  const [, jwt, key] = match as unknown as [string, string, string];
  const point = Buffer.from(key, "base64url");
  if (point.length !== 65 || point[0] !== 4) return "k is not an uncompressed P-256 point";
  const publicKey = await importJWK(
    {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
    },
    "ES256",
  );
  try {
    const { payload } = await jwtVerify(jwt, publicKey, {
      audience: origin,
      algorithms: ["ES256"],
    });
    const now = Date.now() / 1000;
    if (typeof payload.exp !== "number" || payload.exp > now + 24 * 3600) {
      return "exp missing or more than 24 hours away";
    }
    if (typeof payload.sub !== "string" || !/^(mailto:|https:)/.test(payload.sub)) {
      return "sub is not a mailto: or https: URL";
    }
    return null;
  } catch (error) {
    return `JWT refused: ${(error as Error).message}`;
  }
}

export async function startFakePushEndpoint(): Promise<FakePushEndpoint> {
  const dir = mkdtempSync(join(tmpdir(), "ais-push-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost",
    ],
    { stdio: "ignore" },
  );
  const cert = readFileSync(join(dir, "cert.pem"));
  const key = readFileSync(join(dir, "key.pem"));
  rmSync(dir, { recursive: true, force: true });

  const received: RecordedPush[] = [];
  const answers = new Map<string, number>();
  let origin = "";

  const server: Server = createServer({ cert, key }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      void (async () => {
        const match = /^\/push\/([\w-]+)$/.exec(request.url ?? "");
        if (request.method !== "POST" || !match) {
          response.writeHead(404).end();
          return;
        }
        const token = match[1]!;
        const problem = await vapidError(request.headers.authorization, origin);
        const status = problem
          ? request.headers.authorization
            ? 403
            : 401
          : (answers.get(token) ?? 201);
        received.push({
          token,
          status,
          headers: request.headers,
          body: Buffer.concat(chunks),
          vapidError: problem,
        });
        response
          .writeHead(status, status === 201 ? { location: `/message/${randomUUID()}` } : {})
          .end(problem ?? "");
      })();
    });
  });
  // Every local address (IPv4 and IPv6): "localhost" may resolve to either.
  await new Promise<void>((resolve) => server.listen(0, resolve));
  origin = `https://localhost:${(server.address() as AddressInfo).port}`;
  const agent = new Agent({ ca: cert, keepAlive: false });

  return {
    origin,
    agent,
    received,
    subscribe() {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const authSecret = randomBytes(16);
      return {
        endpoint: `${origin}/push/${randomUUID()}`,
        keys: {
          p256dh: ecdh.getPublicKey().toString("base64url"),
          auth: authSecret.toString("base64url"),
        },
        ecdh,
        authSecret,
      };
    },
    answer(subscription, status) {
      answers.set(tokenOf(subscription.endpoint), status);
    },
    messagesFor(subscription) {
      const token = tokenOf(subscription.endpoint);
      return received.filter((push) => push.token === token);
    },
    async close() {
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A made-up browser subscription (valid keys) on a public-looking push host that is never called. */
export function madeUpSubscription(host = "push.example.test"): {
  endpoint: string;
  keys: { p256dh: string; auth: string };
} {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return {
    endpoint: `https://${host}/push/${randomUUID()}`,
    keys: {
      p256dh: ecdh.getPublicKey().toString("base64url"),
      auth: randomBytes(16).toString("base64url"),
    },
  };
}
