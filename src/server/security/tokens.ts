import "server-only";
import { createHash, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

/** A 256-bit random token, URL-safe, with a readable prefix. */
export function randomToken(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function safeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** A purpose-bound key derived from APP_SECRET, so one secret never serves two purposes. */
export function deriveKey(appSecret: string, purpose: string, length = 32): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", appSecret, "ai-image-studio", purpose, length));
}
