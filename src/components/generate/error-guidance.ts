import { formatWait } from "@/lib/api/errors";
import type { GenerationErrorCode } from "@/lib/generation/generation-error";
import { formatResetsIn } from "./quota-text";

export const SETTINGS_KEY_HREF = "/settings#gemini-key";
export const SETTINGS_PROVIDERS_HREF = "/settings#image-providers";
export const AI_STUDIO_URL = "https://aistudio.google.com";

/** What went wrong, as the page received it (a GenerationError or an ApiClientError). */
export interface FailureInput {
  code: GenerationErrorCode | (string & {});
  message: string;
  details?: unknown;
  retryAfterSeconds?: number | null;
}

export type GuidanceAction =
  | { kind: "link"; label: string; href: string; external: boolean }
  /** Send the same request again; `reuseKey` keeps its Idempotency-Key (never charged twice). */
  | { kind: "retry"; label: string; reuseKey: boolean }
  | { kind: "edit-prompt"; label: string }
  | { kind: "choose-image"; label: string }
  | { kind: "remove-image"; label: string };

export type GuidanceIcon =
  "key" | "clock" | "offline" | "blocked" | "billing" | "image" | "form" | "alert";

export interface ErrorGuidance {
  code: string;
  title: string;
  /** What happened, in a sentence. */
  message: string;
  /** The way forward, in a sentence; null when the actions say it all. */
  hint: string | null;
  tone: "danger" | "warning";
  icon: GuidanceIcon;
  actions: GuidanceAction[];
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

const TRY_AGAIN: GuidanceAction = { kind: "retry", label: "Try again", reuseKey: true };

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
        title: "Add a provider key to generate",
        message:
          "This studio has no shared key and no demo images, so it needs your own key: a Cloudflare account (free daily allocation) or a Google Gemini API key (needs billing).",
        hint: "Creating either takes about a minute.",
        actions: [
          {
            kind: "link",
            label: "Add your Gemini key",
            href: localPath(details.settingsUrl) ?? SETTINGS_KEY_HREF,
            external: false,
          },
          {
            kind: "link",
            label: "Use Cloudflare (free)",
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
          title: "Cloudflare didn't accept your token",
          message: failure.message || "Cloudflare rejected the saved account id or API token.",
          hint: "Check the account id and that the token has the Workers AI permission.",
          actions: [
            {
              kind: "link",
              label: "Update your token",
              href: SETTINGS_PROVIDERS_HREF,
              external: false,
            },
          ],
        };
      }
      return {
        ...base,
        icon: "key",
        title: "Google didn't accept your Gemini key",
        message: failure.message || "Google rejected the saved Gemini API key.",
        hint: "Check the key in Settings, or paste a new one from Google AI Studio.",
        actions: [
          { kind: "link", label: "Update your key", href: SETTINGS_KEY_HREF, external: false },
        ],
      };

    case "QUOTA_EXCEEDED": {
      const monthly = details.period === "month";
      const resetsAt = typeof details.resetsAt === "string" ? details.resetsAt : null;
      const resetsIn =
        (resetsAt ? formatResetsIn(resetsAt, context.now) : null) ??
        (failure.retryAfterSeconds != null ? `in ${formatWait(failure.retryAfterSeconds)}` : null);
      return {
        ...base,
        tone: "warning",
        icon: "clock",
        title: monthly ? "You've used this month's images" : "You've used today's images",
        message: resetsIn
          ? `Your quota resets ${resetsIn}${monthly ? ", on the 1st (UTC)" : ", at midnight UTC"}.`
          : failure.message ||
            `Your quota resets ${monthly ? "on the 1st of next month" : "at midnight"} (UTC).`,
        hint: "Everything you made so far is waiting in your gallery.",
        resetsAt,
        actions: [{ kind: "link", label: "Open my gallery", href: "/gallery", external: false }],
      };
    }

    case "RATE_LIMITED": {
      const wait = failure.retryAfterSeconds ?? readNumber(details.retryAfterSeconds);
      return {
        ...base,
        tone: "warning",
        icon: "clock",
        title: "A short pause, please",
        message:
          wait !== null
            ? `You're generating quickly. You can try again in ${formatWait(wait)}.`
            : "You're generating quickly. Wait a moment, then try again.",
        hint: "The limit keeps the studio responsive for everyone.",
        waitSeconds: wait,
        actions: [TRY_AGAIN],
      };
    }

    case "CONTENT_BLOCKED":
      return {
        ...base,
        tone: "warning",
        icon: "blocked",
        title: "This prompt can't be generated",
        message: failure.message || "The prompt was refused by the safety filter.",
        hint: "Try rephrasing: describe the scene, style and mood without the part that was flagged.",
        actions: [{ kind: "edit-prompt", label: "Edit the prompt" }],
      };

    case "PROVIDER_ERROR":
      if (details.reason === "NO_IMAGE_QUOTA") {
        return {
          ...base,
          tone: "warning",
          icon: "billing",
          title: "Your Google project has no image quota",
          message:
            "Gemini's image models are not part of Google's free tier, so this key can't make images until billing is enabled on its Google project.",
          hint: "Enable billing for the project in Google AI Studio (images cost a few cents each — see Google's pricing), then try again.",
          actions: [
            { kind: "link", label: "Open Google AI Studio", href: AI_STUDIO_URL, external: true },
            {
              kind: "link",
              label: "Use Cloudflare (free)",
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
          title: "Today's free Cloudflare allocation is used up",
          message:
            failure.message ||
            "Your Cloudflare account has used today's free Workers AI allocation.",
          hint: "It resets at 00:00 UTC. A Gemini key as fallback (Settings) keeps you going until then.",
          actions: [
            {
              kind: "link",
              label: "Provider settings",
              href: SETTINGS_PROVIDERS_HREF,
              external: false,
            },
          ],
        };
      }
      return {
        ...base,
        title:
          details.provider === "cloudflare"
            ? "Cloudflare couldn't make this image"
            : "Gemini couldn't make this image",
        message: failure.message || "The image service failed to answer.",
        hint:
          details.retryable === false
            ? "Try again, or change the prompt or settings a little."
            : "This is usually temporary — try again in a moment.",
        actions: [TRY_AGAIN],
      };

    case "PAYLOAD_TOO_LARGE":
      return {
        ...base,
        icon: "image",
        title:
          context.hasInputImage === false
            ? "The request is too large"
            : "The input image is too large",
        message: "Use a PNG, JPEG or WebP image of at most 10 MB and 40 megapixels.",
        hint: null,
        actions: imageActions(),
      };

    case "UNSUPPORTED_MEDIA_TYPE":
      return {
        ...base,
        icon: "image",
        title: "That input image can't be used",
        message: "The file isn't a PNG, JPEG or WebP image, whatever its name says.",
        hint: "Choose an image in one of those formats, or generate without one.",
        actions: imageActions(),
      };

    case "VALIDATION_ERROR": {
      const fieldErrors = readFieldErrors(failure.details);
      const count = Object.keys(fieldErrors).length;
      return {
        ...base,
        tone: "warning",
        icon: "form",
        title: count > 0 ? "Check the highlighted fields" : "Something in the form isn't right",
        message:
          count === 1
            ? (Object.values(fieldErrors)[0] ?? failure.message)
            : count > 1
              ? `${count} fields need a change before the image can be made.`
              : failure.message || "The studio couldn't read part of the request.",
        fieldErrors,
      };
    }

    case "NETWORK_ERROR":
      return {
        ...base,
        tone: "warning",
        icon: "offline",
        title: context.online === false ? "You're offline" : "We couldn't reach the studio",
        message:
          context.online === false
            ? "Your device has no connection right now."
            : "The request didn't get through. Check your connection.",
        hint: "Retrying sends the same request, so nothing is charged twice.",
        actions: [{ kind: "retry", label: "Retry", reuseKey: true }],
      };

    case "STREAM_INTERRUPTED":
      return {
        ...base,
        tone: "warning",
        icon: "offline",
        title: "The connection dropped",
        message: "The image may still be finishing on the server.",
        hint: "Retrying picks up the same request — you get that image and are charged once.",
        actions: [{ kind: "retry", label: "Retry", reuseKey: true }],
      };

    case "SERVICE_UNAVAILABLE":
      if (details.reason === "STORAGE_FULL")
        return {
          ...base,
          tone: "warning",
          title: "The studio's storage is full",
          message:
            "New images can't be made until an admin frees some space. Nothing was charged to your quota.",
          hint: "Your gallery is still there. Try again later.",
        };
      return {
        ...base,
        title: "The studio is having trouble",
        message: "One of the services it relies on isn't answering right now.",
        hint: "Try again in a minute.",
        actions: [TRY_AGAIN],
      };

    case "UNAUTHORIZED":
      return {
        ...base,
        tone: "warning",
        icon: "key",
        title: "Your session has ended",
        message: "Log in again to keep generating.",
        actions: [
          { kind: "link", label: "Log in", href: "/login?next=%2Fgenerate", external: false },
        ],
      };

    case "FORBIDDEN":
      return {
        ...base,
        title: "That isn't allowed",
        message: failure.message || "Your account or API key can't do that.",
      };

    case "NOT_FOUND":
      return {
        ...base,
        icon: "image",
        title: "That image is no longer available",
        message: "It may have been deleted or made private.",
        hint: "Generate a new one instead.",
      };

    case "CONFLICT":
      return {
        ...base,
        title: "That request was already used",
        message: "The studio received a different request under the same key.",
        actions: [{ kind: "retry", label: "Send it as a new request", reuseKey: false }],
      };

    default:
      return {
        ...base,
        title: "Something went wrong",
        message: "The studio hit an unexpected problem while making your image.",
        hint: "Try again; if it keeps happening, reload the page.",
        actions: [TRY_AGAIN],
      };
  }
}

function imageActions(): GuidanceAction[] {
  return [
    { kind: "choose-image", label: "Choose another image" },
    { kind: "remove-image", label: "Generate without it" },
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
