import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "@/i18n/catalogues";
import { API_ERROR_STATUS } from "@/shared/api-errors";
import {
  AI_STUDIO_URL,
  SETTINGS_KEY_HREF,
  SETTINGS_PROVIDERS_HREF,
  guidanceFor as guidanceKeysFor,
  sayGuidance,
  type FailureInput,
  type GuidanceAction,
  type GuidanceContext,
  type GuidanceLanguage,
} from "./error-guidance";

const NOW = Date.parse("2026-03-10T19:00:00.000Z");
const context = { now: NOW, online: true };

function languageOf(locale: "en" | "id"): GuidanceLanguage {
  const t = createTranslator({
    locale,
    messages: CATALOGUES[locale],
    namespace: "results.guidance",
  });
  return {
    t: (key, values) => t(key, values as never),
    format: createFormatter({ locale, timeZone: "UTC" }),
    fieldText: (issue) => (locale === "en" ? issue : undefined),
  };
}

/** The guidance as an English browser reads it. */
const guidanceFor = (failure: FailureInput, at: GuidanceContext) =>
  sayGuidance(guidanceKeysFor(failure, at), languageOf("en"));

const links = (actions: GuidanceAction<string>[]) =>
  actions.filter((action) => action.kind === "link").map((action) => action.href);
const kinds = (actions: GuidanceAction<string>[]) => actions.map((action) => action.kind);

describe("guidanceFor", () => {
  it("sends a missing key to the key section of settings", () => {
    const guidance = guidanceFor(
      {
        code: "PROVIDER_KEY_MISSING",
        message: "No key.",
        details: { settingsUrl: "/settings#gemini-key" },
      },
      context,
    );
    expect(guidance.title).toMatch(/provider key/);
    expect(guidance.message).toMatch(/Cloudflare account \(free daily allocation\)/);
    expect(guidance.actions).toEqual([
      { kind: "link", label: "Add your Gemini key", href: SETTINGS_KEY_HREF, external: false },
      {
        kind: "link",
        label: "Use Cloudflare (free)",
        href: SETTINGS_PROVIDERS_HREF,
        external: false,
      },
    ]);
  });

  it("explains Cloudflare's used-up daily allocation and a rejected Cloudflare token", () => {
    const quota = guidanceFor(
      {
        code: "PROVIDER_ERROR",
        message: "Your Cloudflare account has used today's free Workers AI allocation.",
        details: { provider: "cloudflare", reason: "quota", retryable: true },
      },
      context,
    );
    expect(quota.title).toMatch(/free Cloudflare allocation/);
    expect(quota.hint).toMatch(/00:00 UTC/);
    expect(links(quota.actions)).toEqual([SETTINGS_PROVIDERS_HREF]);
    const token = guidanceFor(
      {
        code: "PROVIDER_KEY_INVALID",
        message: "Cloudflare rejected this API token.",
        details: { provider: "cloudflare" },
      },
      context,
    );
    expect(token.title).toMatch(/Cloudflare/);
    expect(links(token.actions)).toEqual([SETTINGS_PROVIDERS_HREF]);
    const outage = guidanceFor(
      {
        code: "PROVIDER_ERROR",
        message: "x",
        details: { provider: "cloudflare", retryable: true },
      },
      context,
    );
    expect(outage.title).toBe("Cloudflare couldn't make this image");
  });

  it("never follows a settingsUrl that leaves the site", () => {
    const guidance = guidanceFor(
      { code: "PROVIDER_KEY_MISSING", message: "", details: { settingsUrl: "//evil.example/x" } },
      context,
    );
    expect(links(guidance.actions)).toEqual([SETTINGS_KEY_HREF, SETTINGS_PROVIDERS_HREF]);
  });

  it("offers to update an invalid key, in the catalogue's words rather than the API's", () => {
    const guidance = guidanceFor(
      { code: "PROVIDER_KEY_INVALID", message: "Google rejected this Gemini API key." },
      context,
    );
    expect(guidance.message).toBe("Google rejected the saved Gemini API key.");
    expect(guidance.actions[0]).toMatchObject({
      kind: "link",
      label: "Update your key",
      href: SETTINGS_KEY_HREF,
    });
  });

  it("says when the quota resets", () => {
    const guidance = guidanceFor(
      {
        code: "QUOTA_EXCEEDED",
        message: "You have used today's 3 generations.",
        details: { resetsAt: "2026-03-11T00:00:00.000Z", period: "day" },
        retryAfterSeconds: 18_000,
      },
      context,
    );
    expect(guidance.message).toBe("Your quota resets in 5 hours, at midnight UTC.");
    expect(guidance.resetsAt).toBe("2026-03-11T00:00:00.000Z");
    expect(kinds(guidance.actions)).not.toContain("retry");
  });

  it("falls back to Retry-After when the reset time is missing", () => {
    const guidance = guidanceFor(
      { code: "QUOTA_EXCEEDED", message: "Used up.", retryAfterSeconds: 120 },
      context,
    );
    expect(guidance.message).toBe("Your quota resets in 2 minutes, at midnight UTC.");
  });

  it("counts down a rate limit from Retry-After or details.retryAfterSeconds", () => {
    const fromHeader = guidanceFor(
      { code: "RATE_LIMITED", message: "", retryAfterSeconds: 42 },
      context,
    );
    expect(fromHeader.waitSeconds).toBe(42);
    expect(fromHeader.message).toContain("42 seconds");
    const fromDetails = guidanceFor(
      { code: "RATE_LIMITED", message: "", details: { retryAfterSeconds: 7.2 } },
      context,
    );
    expect(fromDetails.waitSeconds).toBe(8);
    expect(kinds(fromDetails.actions)).toEqual(["retry"]);
    const unknown = guidanceFor({ code: "RATE_LIMITED", message: "" }, context);
    expect(unknown.waitSeconds).toBeNull();
  });

  it("says a blocked prompt was refused, with a rephrase hint", () => {
    const guidance = guidanceFor(
      {
        code: "CONTENT_BLOCKED",
        message: "Gemini's safety filter refused this prompt.",
        details: { reason: "SAFETY" },
      },
      context,
    );
    expect(guidance.message).toBe("The prompt was refused by the safety filter.");
    expect(guidance.hint).toMatch(/rephras/i);
    expect(kinds(guidance.actions)).toEqual(["edit-prompt"]);
  });

  it("explains billing for a project without image quota", () => {
    const guidance = guidanceFor(
      {
        code: "PROVIDER_ERROR",
        message: "…",
        details: { providerStatus: 429, retryable: false, reason: "NO_IMAGE_QUOTA" },
      },
      context,
    );
    expect(guidance.title).toMatch(/no image quota/);
    expect(guidance.message).toMatch(/free tier/);
    expect(guidance.hint).toMatch(/billing/);
    expect(guidance.actions[0]).toEqual({
      kind: "link",
      label: "Open Google AI Studio",
      href: AI_STUDIO_URL,
      external: true,
    });
  });

  it("says the studio's storage is full, without a retry that cannot work yet", () => {
    const guidance = guidanceFor(
      {
        code: "SERVICE_UNAVAILABLE",
        message: "full",
        details: { reason: "STORAGE_FULL", full: ["files"] },
      },
      { now: 0 },
    );
    expect(guidance.title).toBe("The studio's storage is full");
    expect(guidance.message).toContain("Nothing was charged to your quota");
    expect(guidance.tone).toBe("warning");
    expect(guidance.actions).toEqual([]);
    expect(guidanceFor({ code: "SERVICE_UNAVAILABLE", message: "x" }, { now: 0 }).title).toBe(
      "The studio is having trouble",
    );
  });

  it("offers a retry for other provider errors", () => {
    const guidance = guidanceFor(
      {
        code: "PROVIDER_ERROR",
        message: "Gemini is overloaded.",
        details: { providerStatus: 503, retryable: true },
      },
      context,
    );
    expect(guidance.message).toBe("The image service failed to answer.");
    expect(guidance.actions).toEqual([{ kind: "retry", label: "Try again", reuseKey: true }]);
  });

  it("talks about the input image for 413 and 415", () => {
    for (const code of ["PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"] as const) {
      const guidance = guidanceFor({ code, message: "" }, { ...context, hasInputImage: true });
      expect(guidance.title).toMatch(/image/);
      expect(guidance.message).toMatch(/PNG, JPEG or WebP/);
      expect(kinds(guidance.actions)).toEqual(["choose-image", "remove-image"]);
    }
  });

  it("turns validation issues into field errors", () => {
    const guidance = guidanceFor(
      {
        code: "VALIDATION_ERROR",
        message: "Invalid body.",
        details: {
          issues: [
            { path: "prompt", message: "Describe the image you want." },
            { path: ["tags", 2], message: "Tags are at most 32 characters." },
            { path: "prompt", message: "second message for prompt" },
          ],
        },
      },
      context,
    );
    expect(guidance.fieldErrors).toEqual({
      prompt: "Describe the image you want.",
      tags: "Tags are at most 32 characters.",
    });
    expect(guidance.title).toBe("Check the highlighted fields");
  });

  it("says offline when the device is offline, and retries with the same key", () => {
    const offline = guidanceFor(
      { code: "NETWORK_ERROR", message: "" },
      { now: NOW, online: false },
    );
    expect(offline.title).toBe("You're offline");
    expect(offline.actions).toEqual([{ kind: "retry", label: "Retry", reuseKey: true }]);
    const unreachable = guidanceFor({ code: "NETWORK_ERROR", message: "" }, context);
    expect(unreachable.title).toBe("We couldn't reach the studio");
  });

  it("retries a broken stream with the same Idempotency-Key", () => {
    const guidance = guidanceFor({ code: "STREAM_INTERRUPTED", message: "" }, context);
    expect(guidance.actions).toEqual([{ kind: "retry", label: "Retry", reuseKey: true }]);
    expect(guidance.hint).toMatch(/charged once/);
  });

  it("asks for a new key after a CONFLICT", () => {
    const guidance = guidanceFor({ code: "CONFLICT", message: "" }, context);
    expect(guidance.actions).toEqual([
      { kind: "retry", label: "Send it as a new request", reuseKey: false },
    ]);
  });

  it("has a sentence and a title for every code of the API, and for unknown ones", () => {
    const codes = [
      ...Object.keys(API_ERROR_STATUS),
      "NETWORK_ERROR",
      "UNEXPECTED_RESPONSE",
      "STREAM_INTERRUPTED",
      "SOMETHING_NEW",
    ];
    for (const code of codes) {
      const guidance = guidanceFor({ code, message: "" }, context);
      expect(guidance.title.length, code).toBeGreaterThan(0);
      expect(guidance.message.length, code).toBeGreaterThan(0);
    }
    expect(guidanceFor({ code: "INTERNAL_ERROR", message: "" }, context).actions).toEqual([
      { kind: "retry", label: "Try again", reuseKey: true },
    ]);
  });

  it("says the wait and the reset time in the person's language", () => {
    const indonesian = languageOf("id");
    const quota = sayGuidance(
      guidanceKeysFor(
        {
          code: "QUOTA_EXCEEDED",
          message: "",
          details: { resetsAt: "2026-03-11T00:00:00.000Z", period: "day" },
        },
        context,
      ),
      indonesian,
    );
    expect(quota.message).toContain("5 jam");
    const wait = sayGuidance(
      guidanceKeysFor({ code: "RATE_LIMITED", message: "", retryAfterSeconds: 42 }, context),
      indonesian,
    );
    expect(wait.message).toContain("42 detik");
    expect(wait.actions[0]?.label).toBe("Coba lagi");
  });

  it("says one field's own problem, or counts it when the language has no words for it", () => {
    const failure = {
      code: "VALIDATION_ERROR",
      message: "Invalid body.",
      details: { issues: [{ path: "prompt", message: "Describe the image you want." }] },
    };
    expect(guidanceFor(failure, context).message).toBe("Describe the image you want.");
    expect(sayGuidance(guidanceKeysFor(failure, context), languageOf("id")).message).toBe(
      "1 kolom perlu diubah sebelum gambar bisa dibuat.",
    );
  });
});
