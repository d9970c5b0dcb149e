import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpush from "web-push";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./env";
import { resolveVapidIdentity } from "./vapid-keys";

const PRODUCTION = {
  DATABASE_URL: "postgres://db.example.com/studio",
  APP_SECRET: "a-production-secret-that-is-long-enough-0123456789",
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("VAPID configuration", () => {
  it("takes a configured key pair and subject as they are", () => {
    const keys = webpush.generateVAPIDKeys();
    const config = parseConfig({
      ...PRODUCTION,
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
      VAPID_SUBJECT: "https://studio.example.com/contact",
    });
    expect(resolveVapidIdentity(config)).toEqual({
      ...keys,
      subject: "https://studio.example.com/contact",
    });
  });

  it("is off outside embedded mode without keys, and says which half of a pair is missing", () => {
    expect(resolveVapidIdentity(parseConfig(PRODUCTION))).toBeNull();
    const keys = webpush.generateVAPIDKeys();
    expect(() => parseConfig({ ...PRODUCTION, VAPID_PUBLIC_KEY: keys.publicKey })).toThrow(
      /VAPID_PRIVATE_KEY is required/,
    );
    expect(() =>
      parseConfig({ VAPID_PUBLIC_KEY: "short", VAPID_PRIVATE_KEY: keys.privateKey }),
    ).toThrow(ConfigError);
    expect(() => parseConfig({ VAPID_SUBJECT: "http://studio.example.com" })).toThrow(
      /VAPID_SUBJECT must be a mailto: address or an https:\/\/ URL/,
    );
  });

  it("defaults the subject to an https APP_URL, else the sender's address", () => {
    expect(parseConfig({ APP_URL: "https://studio.example.com" }).vapid?.subject).toBe(
      "https://studio.example.com",
    );
    expect(parseConfig({ EMAIL_FROM: "Studio <hello@example.com>" }).vapid?.subject).toBe(
      "mailto:hello@example.com",
    );
  });

  it("generates one pair into DATA_DIR in embedded mode, private to the owner, and keeps it", () => {
    const dir = mkdtempSync(join(tmpdir(), "ais-vapid-"));
    dirs.push(dir);
    const config = parseConfig({ DATA_DIR: dir });
    const first = resolveVapidIdentity(config);
    expect(first?.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(first?.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(join(dir, "vapid-keys.json")).mode & 0o777).toBe(0o600);
    expect(resolveVapidIdentity(config)).toEqual(first);
    expect(JSON.parse(readFileSync(join(dir, "vapid-keys.json"), "utf8"))).toEqual({
      publicKey: first!.publicKey,
      privateKey: first!.privateKey,
    });
  });
});
