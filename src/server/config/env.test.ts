import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./env";

describe("configuration", () => {
  it("starts on embedded adapters with nothing configured", () => {
    const config = parseConfig({});
    expect(config.mode).toBe("embedded");
    expect(config.database).toEqual({ kind: "pglite", dir: ".data/pglite" });
    expect(config.auth.kind).toBe("local");
    expect(config.objectStore.kind).toBe("local");
    expect(config.kv.kind).toBe("memory");
    expect(config.mailer).toEqual({
      kind: "files",
      dir: ".data/mail",
      from: "AI Image Studio <studio@localhost>",
    });
    expect(config.imageProvider.demoEnabled).toBe(true);
    expect(config.limits).toMatchObject({
      dailyGenerations: 50,
      generatePerMinute: 10,
      authPerMinute: 10,
    });
  });

  it("trusts a checked session for 10 s unless told otherwise, and refuses a nonsense interval", () => {
    expect(parseConfig({}).sessionCacheMs).toBe(10_000);
    expect(parseConfig({ AUTH_SESSION_CACHE_SECONDS: "0" }).sessionCacheMs).toBe(0);
    expect(parseConfig({ AUTH_SESSION_CACHE_SECONDS: "60" }).sessionCacheMs).toBe(60_000);
    expect(() => parseConfig({ AUTH_SESSION_CACHE_SECONDS: "301" })).toThrow(ConfigError);
    expect(() => parseConfig({ AUTH_SESSION_CACHE_SECONDS: "soon" })).toThrow(ConfigError);
  });

  it("reads ADMIN_EMAILS as lower-cased addresses and the settings cache in seconds (default 5)", () => {
    expect(parseConfig({}).adminEmails).toEqual([]);
    expect(
      parseConfig({ ADMIN_EMAILS: " Ops@Example.com, second@example.org ," }).adminEmails,
    ).toEqual(["ops@example.com", "second@example.org"]);
    expect(() => parseConfig({ ADMIN_EMAILS: "ops@example.com, not-an-address" })).toThrow(
      /ADMIN_EMAILS/,
    );
    expect(parseConfig({}).settingsCacheMs).toBe(5000);
    expect(parseConfig({ SETTINGS_CACHE_SECONDS: "0" }).settingsCacheMs).toBe(0);
    expect(() => parseConfig({ SETTINGS_CACHE_SECONDS: "301" })).toThrow(/SETTINGS_CACHE_SECONDS/);
  });

  it("keeps 10 database connections per process, 3 on Vercel, or DATABASE_POOL_MAX", () => {
    const url = "postgres://studio@db.example.com:6543/postgres";
    const SECRET = "a-test-secret-that-is-long-enough-0123456789";
    const poolMax = (env: Record<string, string>) => {
      const { database } = parseConfig({ DATABASE_URL: url, APP_SECRET: SECRET, ...env });
      return database.kind === "postgres" ? database.poolMax : null;
    };
    expect(poolMax({})).toBe(10);
    expect(poolMax({ VERCEL: "1" })).toBe(3);
    expect(poolMax({ VERCEL: "1", DATABASE_POOL_MAX: "8" })).toBe(8);
    expect(() =>
      parseConfig({ DATABASE_URL: url, APP_SECRET: SECRET, DATABASE_POOL_MAX: "0" }),
    ).toThrow(/DATABASE_POOL_MAX/);
    expect(() =>
      parseConfig({ DATABASE_URL: url, APP_SECRET: SECRET, DATABASE_POOL_MAX: "many" }),
    ).toThrow(/DATABASE_POOL_MAX/);
  });

  it("takes the client's address from the socket unless proxies or the platform are trusted", () => {
    expect(parseConfig({}).forwarding).toEqual({ kind: "proxies", proxies: [] });
    expect(parseConfig({ VERCEL: "1" }).forwarding).toEqual({ kind: "platform" });
    expect(parseConfig({ TRUSTED_PROXIES: "vercel" }).forwarding).toEqual({ kind: "platform" });
    expect(parseConfig({ TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.7,fd00::/8" }).forwarding).toEqual({
      kind: "proxies",
      proxies: ["10.0.0.0/8", "192.0.2.7", "fd00::/8"],
    });
    // An explicit list wins over the platform default.
    expect(parseConfig({ VERCEL: "1", TRUSTED_PROXIES: "10.0.0.1" }).forwarding.kind).toBe(
      "proxies",
    );
    expect(() => parseConfig({ TRUSTED_PROXIES: "proxy.internal" })).toThrow(/TRUSTED_PROXIES/);
  });

  it("chooses production adapters from the variables present", () => {
    const config = parseConfig({
      DATABASE_URL: "postgres://u:p@db.example.com:5432/postgres",
      SUPABASE_URL: "https://abc.supabase.co",
      SUPABASE_PUBLISHABLE_KEY: "sb_publishable_x",
      SUPABASE_SECRET_KEY: "sb_secret_x",
      KV_REST_API_URL: "https://kv.example.com",
      KV_REST_API_TOKEN: "token",
      RESEND_API_KEY: "re_x",
      APP_URL: "https://studio.example.com",
      APP_SECRET: "x".repeat(40),
    });
    expect(config.mode).toBe("production");
    expect(config.auth.kind).toBe("supabase");
    expect(config.objectStore.kind).toBe("supabase");
    expect(config.kv.kind).toBe("upstash");
    expect(config.mailer.kind).toBe("resend");
    expect(config.imageProvider.demoEnabled).toBe(false);
  });

  it("sends mail through Resend at the origin RESEND_BASE_URL names, the variable the SDK reads", () => {
    const config = parseConfig({
      RESEND_API_KEY: "re_x",
      RESEND_BASE_URL: "http://127.0.0.1:4010",
      APP_URL: "http://localhost:3000",
      EMAIL_FROM: '"Studio, the" <mail@studio.example.com>',
    });
    expect(config.mailer).toEqual({
      kind: "resend",
      apiKey: "re_x",
      baseUrl: "http://127.0.0.1:4010",
      from: '"Studio, the" <mail@studio.example.com>',
    });
  });

  it.each([
    "studio@example.com",
    "AI Image Studio <studio@example.com>",
    '"Studio, Inc." <hello@mail.example.co.uk>',
  ])("accepts the sender %s", (from) => {
    expect(parseConfig({ EMAIL_FROM: from }).mailer.from).toBe(from);
  });

  it.each([
    "studio",
    "Studio studio@example.com",
    "Studio <studio@example.com",
    "Studio <a@b>, Other <c@d>",
    "Studio\r\nBcc: x@y <studio@example.com>",
  ])("refuses the sender %j at start-up", (from) => {
    expect(() => parseConfig({ EMAIL_FROM: from })).toThrow(/EMAIL_FROM/);
  });

  it("refuses a public URL that mail links cannot use", () => {
    expect(() => parseConfig({ APP_URL: "ftp://studio.example.com" })).toThrow(/APP_URL/);
    expect(() => parseConfig({ APP_URL: "https://studio.example.com/?x=1" })).toThrow(/APP_URL/);
    expect(() => parseConfig({ APP_URL: "https://user:pw@studio.example.com" })).toThrow(/APP_URL/);
    // Resend needs it, and in production over https (reset links carry tokens) unless loopback.
    expect(() => parseConfig({ RESEND_API_KEY: "re_x" })).toThrow(/APP_URL/);
    expect(() =>
      parseConfig({
        NODE_ENV: "production",
        RESEND_API_KEY: "re_x",
        APP_URL: "http://studio.example.com",
      }),
    ).toThrow(/APP_URL/);
    expect(
      parseConfig({
        NODE_ENV: "production",
        RESEND_API_KEY: "re_x",
        APP_URL: "http://localhost:3100",
      }).mailer.kind,
    ).toBe("resend");
  });

  it("reads the operator's Cloudflare account only as a pair, and the operator fallback (default on)", () => {
    const none = parseConfig({}).imageProvider;
    expect(none.operatorCloudflare).toBeUndefined();
    expect(none.operatorKeyFallback).toBe(true);
    expect(none.cloudflareBaseUrl).toBeUndefined();
    const both = parseConfig({
      CLOUDFLARE_ACCOUNT_ID: "0123456789ABCDEF0123456789ABCDEF",
      CLOUDFLARE_API_TOKEN: "operator-token-000000000000000000",
      CLOUDFLARE_API_BASE_URL: "http://127.0.0.1:9999/client/v4",
      OPERATOR_KEY_FALLBACK: "off",
    }).imageProvider;
    expect(both.operatorCloudflare).toEqual({
      accountId: "0123456789abcdef0123456789abcdef",
      apiToken: "operator-token-000000000000000000",
    });
    expect(both.operatorKeyFallback).toBe(false);
    expect(both.cloudflareBaseUrl).toBe("http://127.0.0.1:9999/client/v4");
    expect(() => parseConfig({ CLOUDFLARE_API_TOKEN: "operator-token-0000000000" })).toThrow(
      /CLOUDFLARE_ACCOUNT_ID/,
    );
    expect(() => parseConfig({ CLOUDFLARE_ACCOUNT_ID: "not-an-account" })).toThrow(ConfigError);
    expect(() => parseConfig({ OPERATOR_KEY_FALLBACK: "maybe" })).toThrow(ConfigError);
  });

  it("prefers Upstash REST over REDIS_URL and falls back to Redis over TCP", () => {
    expect(parseConfig({ REDIS_URL: "redis://127.0.0.1:6379" }).kv.kind).toBe("redis");
    expect(
      parseConfig({
        REDIS_URL: "redis://127.0.0.1:6379",
        UPSTASH_REDIS_REST_URL: "https://x.upstash.io",
        UPSTASH_REDIS_REST_TOKEN: "t",
      }).kv.kind,
    ).toBe("upstash");
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ DATABASE_URL: "postgres://x/y" }, "APP_SECRET"],
    [{ SUPABASE_URL: "https://abc.supabase.co" }, "SUPABASE_SECRET_KEY"],
    [{ DAILY_GENERATION_LIMIT: "lots" }, "DAILY_GENERATION_LIMIT"],
    [{ APP_SECRET: "short" }, "APP_SECRET"],
    [{ KV_REST_API_URL: "https://kv.example.com" }, "KV_REST_API_TOKEN"],
    [{ DEMO_PROVIDER: "maybe" }, "DEMO_PROVIDER"],
  ])("stops with a message naming the bad variable (%o)", (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(new RegExp(name));
  });
});
