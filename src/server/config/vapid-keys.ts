import "server-only";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import webpush from "web-push";
import type { AppConfig } from "./env";

export interface VapidIdentity {
  publicKey: string;
  privateKey: string;
  subject: string;
}

const KEY = /^[A-Za-z0-9_-]+$/;

/**
 * The VAPID key pair push messages are signed with: VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY, or in
 * embedded mode a pair generated once into DATA_DIR (like APP_SECRET), so that browsers that
 * subscribed keep receiving after a restart: a new pair would orphan every subscription. Null
 * when push is off (keys unset outside embedded mode).
 */
export function resolveVapidIdentity(config: AppConfig): VapidIdentity | null {
  if (!config.vapid) return null;
  const { keys, subject } = config.vapid;
  if (keys !== "generate") return { ...keys, subject };
  const file = join(config.dataDir, "vapid-keys.json");
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Partial<VapidIdentity>;
    if (
      typeof stored.publicKey === "string" &&
      typeof stored.privateKey === "string" &&
      KEY.test(stored.publicKey) &&
      KEY.test(stored.privateKey)
    ) {
      return { publicKey: stored.publicKey, privateKey: stored.privateKey, subject };
    }
  }
  mkdirSync(config.dataDir, { recursive: true });
  const generated = webpush.generateVAPIDKeys();
  writeFileSync(
    file,
    `${JSON.stringify({ publicKey: generated.publicKey, privateKey: generated.privateKey })}\n`,
    { mode: 0o600 },
  );
  return { publicKey: generated.publicKey, privateKey: generated.privateKey, subject };
}
