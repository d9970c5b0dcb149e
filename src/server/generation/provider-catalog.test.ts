import { describe, expect, it } from "vitest";
import { parseConfig } from "@/server/config/env";
import { AppError } from "@/server/http/app-error";
import { createProviderCatalog, resolveProviderChain, shouldFallBack } from "./provider-catalog";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const USER_CF = { accountId: ACCOUNT, apiToken: "user-cloudflare-token-000000000000" };

function catalog(env: Record<string, string> = {}) {
  return createProviderCatalog(
    parseConfig({ NODE_ENV: "test", DATA_DIR: "/tmp/unused", DEMO_PROVIDER: "off", ...env })
      .imageProvider,
  );
}

const OPERATOR_BOTH = {
  GEMINI_API_KEY: "AIzaOperatorKey000000000000000000000",
  CLOUDFLARE_ACCOUNT_ID: "fedcba9876543210fedcba9876543210",
  CLOUDFLARE_API_TOKEN: "operator-cloudflare-token-00000000",
};

describe("resolveProviderChain: who tries, in which order", () => {
  it("the user's default, then the fallback order, then the operator's keys in the same order", () => {
    const chain = resolveProviderChain({
      catalog: catalog(OPERATOR_BOTH),
      keys: { gemini: "AIzaUserKey00000000000000000000000000", cloudflare: USER_CF },
      defaultProvider: "cloudflare",
      fallbackOrder: ["gemini"],
    });
    expect(chain.links).toEqual([
      { provider: "cloudflare", source: "user" },
      { provider: "gemini", source: "user" },
      { provider: "cloudflare", source: "operator" },
      { provider: "gemini", source: "operator" },
    ]);
    expect(chain.id).toBe("cloudflare");
  });

  it("keys outside an empty fallback order are not used; the default without a key gives way to the keys held", () => {
    const both = { gemini: "AIzaUserKey00000000000000000000000000", cloudflare: USER_CF };
    expect(
      resolveProviderChain({
        catalog: catalog(),
        keys: both,
        defaultProvider: "gemini",
        fallbackOrder: [],
      }).links,
    ).toEqual([{ provider: "gemini", source: "user" }]);
    // A person with only a Cloudflare token and the default left at Gemini still gets Cloudflare.
    expect(
      resolveProviderChain({
        catalog: catalog(),
        keys: { gemini: null, cloudflare: USER_CF },
        defaultProvider: "gemini",
        fallbackOrder: [],
      }).links,
    ).toEqual([{ provider: "cloudflare", source: "user" }]);
  });

  it("OPERATOR_KEY_FALLBACK=off keeps the operator's keys for people without keys only", () => {
    const off = catalog({ ...OPERATOR_BOTH, OPERATOR_KEY_FALLBACK: "off" });
    expect(
      resolveProviderChain({
        catalog: off,
        keys: { gemini: null, cloudflare: USER_CF },
        defaultProvider: "cloudflare",
        fallbackOrder: [],
      }).links,
    ).toEqual([{ provider: "cloudflare", source: "user" }]);
    expect(
      resolveProviderChain({
        catalog: off,
        keys: { gemini: null, cloudflare: null },
        defaultProvider: "gemini",
        fallbackOrder: [],
      }).links,
    ).toEqual([
      { provider: "gemini", source: "operator" },
      { provider: "cloudflare", source: "operator" },
    ]);
  });

  it("the demo only when there is no real provider at all, else PROVIDER_KEY_MISSING", () => {
    const demo = catalog({ DEMO_PROVIDER: "on" });
    expect(
      resolveProviderChain({
        catalog: demo,
        keys: { gemini: null, cloudflare: null },
        defaultProvider: "gemini",
        fallbackOrder: [],
      }).links,
    ).toEqual([{ provider: "demo", source: "demo" }]);
    expect(
      resolveProviderChain({
        catalog: demo,
        keys: { gemini: null, cloudflare: USER_CF },
        defaultProvider: "gemini",
        fallbackOrder: [],
      }).links,
    ).toEqual([{ provider: "cloudflare", source: "user" }]);
    expect(() =>
      resolveProviderChain({
        catalog: catalog(),
        keys: { gemini: null, cloudflare: null },
        defaultProvider: "cloudflare",
        fallbackOrder: ["gemini"],
      }),
    ).toThrow(expect.objectContaining({ code: "PROVIDER_KEY_MISSING" }) as Error);
  });
});

describe("shouldFallBack", () => {
  it("falls through on quota, rate, outages; never on a blocked prompt, bad input or a bug", () => {
    const provider = (details: Record<string, unknown>) =>
      new AppError("PROVIDER_ERROR", "x", details);
    expect(shouldFallBack(provider({ reason: "NO_IMAGE_QUOTA", retryable: false }))).toBe(true);
    expect(shouldFallBack(provider({ reason: "quota", retryable: true }))).toBe(true);
    expect(shouldFallBack(provider({ providerStatus: 503, retryable: true }))).toBe(true);
    expect(shouldFallBack(new AppError("SERVICE_UNAVAILABLE", "x"))).toBe(true);
    expect(shouldFallBack(provider({ providerStatus: 400, retryable: false }))).toBe(false);
    expect(shouldFallBack(new AppError("CONTENT_BLOCKED", "x"))).toBe(false);
    expect(shouldFallBack(new AppError("VALIDATION_ERROR", "x"))).toBe(false);
    expect(shouldFallBack(new AppError("PROVIDER_KEY_INVALID", "x"))).toBe(false);
    expect(shouldFallBack(new Error("a bug"))).toBe(false);
  });
});
