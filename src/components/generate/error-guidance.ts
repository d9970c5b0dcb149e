import type { MessageKeys, NestedKeyOf, useFormatter } from "next-intl";
import type { Messages } from "@/i18n/catalogues";
import type { GenerationErrorCode } from "@/lib/generation/generation-error";

export const SETTINGS_KEY_HREF = "/settings#gemini-key";
export const SETTINGS_PROVIDERS_HREF = "/settings#image-providers";
export const AI_STUDIO_URL = "https://aistudio.google.com";

type GuidanceMessages = Messages["results"]["guidance"];
/** A message of the `results.guidance` catalogue. */
export type GuidanceKey = MessageKeys<GuidanceMessages, NestedKeyOf<GuidanceMessages>>;

/**
 * A sentence of the guidance, as a catalogue key: the page says it in the person's language.
 * `when` is a moment said relative to `now` in the locale ("in 5 hours", "dalam 5 jam").
 */
export interface GuidanceText {
  key: GuidanceKey;
  values?: Record<string, string | number>;
  when?: { at: number; now: number; unit: "second" | "minute" | "hour" };
  /** A field's own problem (a VALIDATION_ERROR issue), said instead of `key` when known. */
  issue?: string;
}

/** What went wrong, as the page received it (a GenerationError or an ApiClientError). */
export interface FailureInput {
  code: GenerationErrorCode | (string & {});
  /** The API's English message: never shown, the code and details say it all. */
  message: string;
  details?: unknown;
  retryAfterSeconds?: number | null;
}

export type GuidanceAction<Label = GuidanceText> =
  | { kind: "link"; label: Label; href: string; external: boolean }
  /** Send the same request again; `reuseKey` keeps its Idempotency-Key (never charged twice). */
  | { kind: "retry"; label: Label; reuseKey: boolean }
  | { kind: "edit-prompt"; label: Label }
  | { kind: "choose-image"; label: Label }
  | { kind: "remove-image"; label: Label };

export type GuidanceIcon =
  "key" | "clock" | "offline" | "blocked" | "billing" | "image" | "form" | "alert";

/** The guidance with its texts as catalogue keys (`Label = GuidanceText`) or said (`string`). */
export interface ErrorGuidance<Label = GuidanceText> {
  code: string;
  title: Label;
  /** What happened, in a sentence. */
  message: Label;
  /** The way forward, in a sentence; null when the actions say it all. */
  hint: Label | null;
  tone: "danger" | "warning";
  icon: GuidanceIcon;
  actions: GuidanceAction<Label>[];
  /** Seconds to count down before a retry can succeed (RATE_LIMITED); null when there is no wait. */
  waitSeconds: number | null;
  /** When the quota comes back (QUOTA_EXCEEDED). */
  resetsAt: string | null;
  /** Field name → message, for VALIDATION_ERROR. */
  fieldErrors: Record<string, string>;
}

export interface GuidanceContext {
  now: number;
  /** navigator.onLine; false turns NETWORK_ERROR into "You're offline". */
  online?: boolean;
  /** True while the request carried an input image (413/415 talk about it). */
  hasInputImage?: boolean;
}

/** The translator of `results.guidance` and the formatter, as useTranslations/useFormatter give them. */
export interface GuidanceLanguage {
  t: (key: GuidanceKey, values?: Record<string, string | number>) => string;
  format: Pick<ReturnType<typeof useFormatter>, "relativeTime">;
  /** A field issue in the person's language (useFieldErrorText). */
  fieldText?: (issue: string) => string | undefined;
}

/** Says the guidance in the person's language. */
export function sayGuidance(
  guidance: ErrorGuidance,
  language: GuidanceLanguage,
): ErrorGuidance<string> {
  const sayOne = (text: GuidanceText) => sayText(text, language);
  return {
    ...guidance,
    title: sayOne(guidance.title),
    message: sayOne(guidance.message),
    hint: guidance.hint ? sayOne(guidance.hint) : null,
    actions: guidance.actions.map((action) => ({ ...action, label: sayOne(action.label) })),
  };
}

export function sayText(text: GuidanceText, { t, format, fieldText }: GuidanceLanguage): string {
  const issue = text.issue === undefined ? undefined : fieldText?.(text.issue);
  if (issue) return issue;
  const values = { ...text.values };
  if (text.when) {
    values.when = format.relativeTime(text.when.at, { now: text.when.now, unit: text.when.unit });
  }
  return t(text.key, values);
}

const say = (key: GuidanceKey, values?: GuidanceText["values"]): GuidanceText =>
  values ? { key, values } : { key };

const TRY_AGAIN: GuidanceAction = { kind: "retry", label: say("actions.tryAgain"), reuseKey: true };

/** Turns every error code into a sentence and a way forward. Pure: the page renders the result. */
export function guidanceFor(failure: FailureInput, context: GuidanceContext): ErrorGuidance {
  const base = {
    code: failure.code,
    hint: null,
    tone: "danger" as const,
    icon: "alert" as const,
    actions: [] as GuidanceAction[],
    waitSeconds: null,
    resetsAt: null,
    fieldErrors: {},
  };
  const details = isRecord(failure.details) ? failure.details : {};

  switch (failure.code) {
    case "PROVIDER_KEY_MISSING":
      return {
        ...base,
        tone: "warning",
        icon: "key",
        title: say("keyMissing.title"),
        message: say("keyMissing.message"),
        hint: say("keyMissing.hint"),
        actions: [
          {
            kind: "link",
            label: say("actions.addGeminiKey"),
            href: localPath(details.settingsUrl) ?? SETTINGS_KEY_HREF,
            external: false,
          },
          {
            kind: "link",
            label: say("actions.useCloudflare"),
            href: SETTINGS_PROVIDERS_HREF,
            external: false,
          },
        ],
      };

    case "PROVIDER_KEY_INVALID":
      if (details.provider === "cloudflare") {
        return {
          ...base,
          icon: "key",
          title: say("cloudflareKeyInvalid.title"),
          message: say("cloudflareKeyInvalid.message"),
          hint: say("cloudflareKeyInvalid.hint"),
          actions: [
            {
              kind: "link",
              label: say("actions.updateToken"),
              href: SETTINGS_PROVIDERS_HREF,
              external: false,
            },
          ],
        };
      }
      return {
        ...base,
        icon: "key",
        title: say("geminiKeyInvalid.title"),
        message: say("geminiKeyInvalid.message"),
        hint: say("geminiKeyInvalid.hint"),
        actions: [
          {
            kind: "link",
            label: say("actions.updateKey"),
            href: SETTINGS_KEY_HREF,
            external: false,
          },
        ],
      };

    case "QUOTA_EXCEEDED": {
      const monthly = details.period === "month";
      const resetsAt = typeof details.resetsAt === "string" ? details.resetsAt : null;
      return {
        ...base,
        tone: "warning",
        icon: "clock",
        title: say(monthly ? "quota.titleMonthly" : "quota.titleDaily"),
        message: quotaResets(resetsAt, failure.retryAfterSeconds ?? null, monthly, context.now),
        hint: say("quota.hint"),
        resetsAt,
        actions: [
          { kind: "link", label: say("actions.openGallery"), href: "/gallery", external: false },
        ],
      };
    }

    case "RATE_LIMITED": {
      const wait = failure.retryAfterSeconds ?? readNumber(details.retryAfterSeconds);
      return {
        ...base,
        tone: "warning",
        icon: "clock",
        title: say("rateLimited.title"),
        message:
          wait !== null
            ? { key: "rateLimited.messageWait", when: waitWhen(wait, context.now) }
            : say("rateLimited.message"),
        hint: say("rateLimited.hint"),
        waitSeconds: wait,
        actions: [TRY_AGAIN],
      };
    }

    case "CONTENT_BLOCKED":
      return {
        ...base,
        tone: "warning",
        icon: "blocked",
        title: say("blocked.title"),
        message: say("blocked.message"),
        hint: say("blocked.hint"),
        actions: [{ kind: "edit-prompt", label: say("actions.editPrompt") }],
      };

    case "PROVIDER_ERROR":
      if (details.reason === "NO_IMAGE_QUOTA") {
        return {
          ...base,
          tone: "warning",
          icon: "billing",
          title: say("noImageQuota.title"),
          message: say("noImageQuota.message"),
          hint: say("noImageQuota.hint"),
          actions: [
            {
              kind: "link",
              label: say("actions.openAiStudio"),
              href: AI_STUDIO_URL,
              external: true,
            },
            {
              kind: "link",
              label: say("actions.useCloudflare"),
              href: SETTINGS_PROVIDERS_HREF,
              external: false,
            },
            TRY_AGAIN,
          ],
        };
      }
      if (details.provider === "cloudflare" && details.reason === "quota") {
        return {
          ...base,
          tone: "warning",
          icon: "clock",
          title: say("cloudflareQuota.title"),
          message: say("cloudflareQuota.message"),
          hint: say("cloudflareQuota.hint"),
          actions: [
            {
              kind: "link",
              label: say("actions.providerSettings"),
              href: SETTINGS_PROVIDERS_HREF,
              external: false,
            },
          ],
        };
      }
      return {
        ...base,
        title: say(
          details.provider === "cloudflare"
            ? "providerError.titleCloudflare"
            : "providerError.titleGemini",
        ),
        message: say("providerError.message"),
        hint: say(
          details.retryable === false
            ? "providerError.hintPermanent"
            : "providerError.hintTemporary",
        ),
        actions: [TRY_AGAIN],
      };

    case "PAYLOAD_TOO_LARGE":
      return {
        ...base,
        icon: "image",
        title: say(
          context.hasInputImage === false ? "tooLarge.titleRequest" : "tooLarge.titleImage",
        ),
        message: say("tooLarge.message"),
        hint: null,
        actions: imageActions(),
      };

    case "UNSUPPORTED_MEDIA_TYPE":
      return {
        ...base,
        icon: "image",
        title: say("unsupported.title"),
        message: say("unsupported.message"),
        hint: say("unsupported.hint"),
        actions: imageActions(),
      };

    case "VALIDATION_ERROR": {
      const fieldErrors = readFieldErrors(failure.details);
      const count = Object.keys(fieldErrors).length;
      return {
        ...base,
        tone: "warning",
        icon: "form",
        title: say(count > 0 ? "validation.titleFields" : "validation.titleForm"),
        // One field: its own problem (translated by the validation catalogue); more: how many.
        message:
          count === 1
            ? { ...say("validation.fields", { count }), issue: Object.values(fieldErrors)[0] }
            : count > 1
              ? say("validation.fields", { count })
              : say("validation.message"),
        fieldErrors,
      };
    }

    case "NETWORK_ERROR":
      return {
        ...base,
        tone: "warning",
        icon: "offline",
        title: say(context.online === false ? "network.titleOffline" : "network.titleUnreachable"),
        message: say(
          context.online === false ? "network.messageOffline" : "network.messageUnreachable",
        ),
        hint: say("network.hint"),
        actions: [{ kind: "retry", label: say("actions.retry"), reuseKey: true }],
      };

    case "STREAM_INTERRUPTED":
      return {
        ...base,
        tone: "warning",
        icon: "offline",
        title: say("interrupted.title"),
        message: say("interrupted.message"),
        hint: say("interrupted.hint"),
        actions: [{ kind: "retry", label: say("actions.retry"), reuseKey: true }],
      };

    case "SERVICE_UNAVAILABLE":
      if (details.reason === "STORAGE_FULL")
        return {
          ...base,
          tone: "warning",
          title: say("storageFull.title"),
          message: say("storageFull.message"),
          hint: say("storageFull.hint"),
        };
      return {
        ...base,
        title: say("unavailable.title"),
        message: say("unavailable.message"),
        hint: say("unavailable.hint"),
        actions: [TRY_AGAIN],
      };

    case "UNAUTHORIZED":
      return {
        ...base,
        tone: "warning",
        icon: "key",
        title: say("unauthorized.title"),
        message: say("unauthorized.message"),
        actions: [
          {
            kind: "link",
            label: say("actions.logIn"),
            href: "/login?next=%2Fgenerate",
            external: false,
          },
        ],
      };

    case "FORBIDDEN":
      return { ...base, title: say("forbidden.title"), message: say("forbidden.message") };

    case "NOT_FOUND":
      return {
        ...base,
        icon: "image",
        title: say("notFound.title"),
        message: say("notFound.message"),
        hint: say("notFound.hint"),
      };

    case "CONFLICT":
      return {
        ...base,
        title: say("conflict.title"),
        message: say("conflict.message"),
        actions: [{ kind: "retry", label: say("actions.newRequest"), reuseKey: false }],
      };

    default:
      return {
        ...base,
        title: say("unknown.title"),
        message: say("unknown.message"),
        hint: say("unknown.hint"),
        actions: [TRY_AGAIN],
      };
  }
}

/**
 * "Your quota resets in 5 hours, at midnight UTC.": from the reset time, else from Retry-After
 * (rounded as a person would: under a minute, minutes, then hours).
 */
function quotaResets(
  resetsAt: string | null,
  retryAfterSeconds: number | null,
  monthly: boolean,
  now: number,
): GuidanceText {
  const parsed = resetsAt === null ? Number.NaN : Date.parse(resetsAt);
  if (!Number.isNaN(parsed)) {
    const minutes = Math.ceil((parsed - now) / 60_000);
    if (minutes <= 1) return say(monthly ? "quota.resetsMonthlySoon" : "quota.resetsDailySoon");
    const when =
      minutes < 60
        ? { at: now + minutes * 60_000, now, unit: "minute" as const }
        : {
            at: now + Math.max(1, Math.round(minutes / 60)) * 3_600_000,
            now,
            unit: "hour" as const,
          };
    return { key: monthly ? "quota.resetsMonthly" : "quota.resetsDaily", when };
  }
  if (retryAfterSeconds !== null) {
    return {
      key: monthly ? "quota.resetsMonthly" : "quota.resetsDaily",
      when: waitWhen(retryAfterSeconds, now),
    };
  }
  return say(monthly ? "quota.resetsMonthlyUnknown" : "quota.resetsDailyUnknown");
}

/** A wait in whole seconds under a minute, else whole minutes, else whole hours (rounded up). */
function waitWhen(seconds: number, now: number): NonNullable<GuidanceText["when"]> {
  if (seconds < 60) return { at: now + seconds * 1000, now, unit: "second" };
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return { at: now + minutes * 60_000, now, unit: "minute" };
  return { at: now + Math.ceil(minutes / 60) * 3_600_000, now, unit: "hour" };
}

function imageActions(): GuidanceAction[] {
  return [
    { kind: "choose-image", label: say("actions.chooseImage") },
    { kind: "remove-image", label: say("actions.removeImage") },
  ];
}

/** VALIDATION_ERROR issues keyed by their first path segment; the first message per field wins. */
export function readFieldErrors(details: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isRecord(details) || !Array.isArray(details.issues)) return result;
  for (const issue of details.issues) {
    if (!isRecord(issue) || typeof issue.message !== "string") continue;
    const field = firstSegment(issue.path);
    if (field && !(field in result)) result[field] = issue.message;
  }
  return result;
}

function firstSegment(path: unknown): string {
  if (typeof path === "string") return path.split(".")[0] ?? "";
  if (Array.isArray(path) && (typeof path[0] === "string" || typeof path[0] === "number")) {
    return String(path[0]);
  }
  return "";
}

function localPath(value: unknown): string | null {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//")
    ? value
    : null;
}

function readNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0
    ? Math.ceil(value)
    : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
