import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { deriveKey } from "./tokens";

/**
 * AES-256-GCM for secrets we must be able to read back (users' provider keys). Each
 * ciphertext records the version of the key that sealed it: the version is a fingerprint of
 * the APP_SECRET it came from, so after a rotation (new APP_SECRET, old one in
 * APP_SECRET_PREVIOUS) old ciphertexts still open and new ones use the new key.
 */
export interface SecretBox {
  readonly currentVersion: number;
  seal(plaintext: string, associatedData: string): { ciphertext: string; version: number };
  open(ciphertext: string, version: number, associatedData: string): string;
}

const PURPOSE = "secret-box:v1";

export function keyVersionOf(appSecret: string): number {
  return (
    createHash("sha256").update(`${PURPOSE}:${appSecret}`).digest().readUInt32BE(0) & 0x7fffffff
  );
}

export function createSecretBox(current: string, previous: string[] = []): SecretBox {
  const keys = new Map<number, Uint8Array>();
  for (const secret of [current, ...previous])
    keys.set(keyVersionOf(secret), deriveKey(secret, PURPOSE));
  const currentVersion = keyVersionOf(current);

  return {
    currentVersion,
    seal(plaintext, associatedData) {
      const key = keys.get(currentVersion);
      if (!key) throw new Error("secret box has no current key");
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(associatedData));
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return {
        ciphertext: [iv, tag, data].map((part) => part.toString("base64url")).join("."),
        version: currentVersion,
      };
    },
    open(ciphertext, version, associatedData) {
      const key = keys.get(version);
      if (!key)
        throw new Error(
          "no key for this ciphertext's version (was APP_SECRET rotated without APP_SECRET_PREVIOUS?)",
        );
      const [iv, tag, data] = ciphertext.split(".").map((part) => Buffer.from(part, "base64url"));
      if (!iv || !tag || !data) throw new Error("malformed ciphertext");
      const decipher = createDecipheriv("aes-256-gcm", key, iv);
      decipher.setAAD(Buffer.from(associatedData));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
    },
  };
}
