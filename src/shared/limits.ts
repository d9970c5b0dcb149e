/**
 * The studio's input limits, and the small checks the browser runs with them. No zod here:
 * this module is what client components import. The zod schemas in shared/schemas are built
 * from these same constants and rules, so every limit is written once; the schemas stay the
 * authority (the server parses every request with them), the checks below only spare a round
 * trip. Zod in a client bundle costs about 98 kB and its JIT probes `new Function("")`, which
 * the CSP refuses: keep `zod` and `@/shared/schemas/*` (values, not types) out of client code.
 */

export const ASPECT_RATIOS = ["1:1", "16:9", "9:16", "4:3", "3:4"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];
export const QUALITIES = ["standard", "high"] as const;
export type Quality = (typeof QUALITIES)[number];
/** Providers a user can hold a key for, choose as default and order for fallback. */
export const KEY_PROVIDERS = ["gemini", "cloudflare"] as const;
export type KeyProvider = (typeof KEY_PROVIDERS)[number];
/** Who made an image: a key provider, or the offline demo. */
export type ImageProviderId = KeyProvider | "demo";

export const TEMPLATE_CATEGORIES = ["photography", "illustration", "art", "design", "3d"] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const API_KEY_SCOPES = ["images:read", "images:write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
export const API_KEY_EXPIRY_DAYS = [30, 90, 365] as const;
export type ApiKeyExpiryDays = (typeof API_KEY_EXPIRY_DAYS)[number];
/** Most keys a user may hold at once (revoked keys do not count). */
export const MAX_ACTIVE_API_KEYS = 10;

export const IMAGE_VARIANTS = ["original", "1920", "800", "300", "150"] as const;
export const SEED_MAX = 2_147_483_647;
export const TAGS_MAX = 10;
/** How many images one prompt may ask for (a batch); the composer offers each. */
export const BATCH_COUNTS = [1, 2, 3, 4] as const;
export type BatchCount = (typeof BATCH_COUNTS)[number];
export function isBatchCount(value: unknown): value is BatchCount {
  return (BATCH_COUNTS as readonly unknown[]).includes(value);
}
/** Input images one generation may take (uploads and gallery images together). */
export const INPUT_IMAGES_MAX = 4;
export const TAGS_MAX_MESSAGE = `Use at most ${TAGS_MAX} tags.`;

/** List pages: `limit` is 1…100, 30 when absent. */
export const PAGE_LIMIT = { min: 1, max: 100, default: 30 } as const;
export const CURSOR_MAX = 400;

/**
 * Dates in list filters. Postgres has no year 0 and no year 10000 (a `to` date means through
 * the end of that day), so dates outside this window would pass the format check and then fail
 * the query.
 */
export const EARLIEST_DATE = Date.UTC(1970, 0, 1);
export const LATEST_DATE = Date.UTC(9999, 11, 31);
export const DATE_RANGE_MESSAGE = "Use a date between 1970-01-01 and 9999-12-30.";

export function isDateInRange(value: string): boolean {
  const time = Date.parse(value);
  return Number.isFinite(time) && time >= EARLIEST_DATE && time < LATEST_DATE;
}

const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE =
  "Text may not contain NUL characters (\\u0000) or unpaired UTF-16 surrogates.";

/** True when Postgres can store the string as text (no NUL, no unpaired surrogate). */
export function isStorableText(value: string): boolean {
  return !NUL.test(value) && !LONE_SURROGATE.test(value);
}

/** The UUID shape zod's `z.uuid()` accepts (RFC 9562 versions 1–8, the nil and max UUIDs). */
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function isAspectRatio(value: unknown): value is AspectRatio {
  return (ASPECT_RATIOS as readonly unknown[]).includes(value);
}

export function isQuality(value: unknown): value is Quality {
  return (QUALITIES as readonly unknown[]).includes(value);
}

/**
 * A free-text field: optional trim and lower-casing (applied first, as the schema does), then
 * a length window and a pattern, each with the message the person sees.
 */
export interface TextRule {
  readonly trim?: boolean;
  readonly lowercase?: boolean;
  readonly min?: readonly [length: number, message: string];
  readonly max: readonly [length: number, message?: string];
  readonly pattern?: readonly [pattern: RegExp, message: string];
}

const name = {
  trim: true,
  min: [1, "Enter your name."],
  max: [80, "Use at most 80 characters."],
} as const satisfies TextRule;

export const TEXT_RULES = {
  /** The shape only; the server also runs zod's stricter email check. */
  email: {
    trim: true,
    lowercase: true,
    max: [254, "That email address is too long."],
    pattern: [/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Enter a valid email address."],
  },
  password: {
    min: [8, "Use at least 8 characters."],
    max: [128, "Use at most 128 characters."],
  },
  /** Login accepts any non-empty password so that old passwords outside today's rules still work. */
  loginPassword: { min: [1, "Enter your password."], max: [1024] },
  name,
  prompt: {
    trim: true,
    min: [1, "Describe the image you want."],
    max: [1000, "Keep the prompt under 1000 characters."],
  },
  negativePrompt: { trim: true, max: [500, "Keep the negative prompt under 500 characters."] },
  tag: {
    trim: true,
    lowercase: true,
    min: [1, "Tags cannot be empty."],
    max: [32, "Tags are at most 32 characters."],
    pattern: [/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, "Tags use letters, numbers, spaces, - and _."],
  },
  search: { trim: true, max: [200, "Search at most 200 characters."] },
  collectionName: {
    trim: true,
    min: [1, "Name the collection."],
    max: [80, "Use at most 80 characters."],
  },
  collectionDescription: { trim: true, max: [500, "Use at most 500 characters."] },
  apiKeyName: {
    trim: true,
    min: [1, "Name the key, e.g. “Backup script”."],
    max: [60, "Use at most 60 characters."],
  },
  /** A Cloudflare account id: 32 hex digits, as the dashboard shows it. */
  cloudflareAccountId: {
    trim: true,
    lowercase: true,
    min: [1, "Paste your Cloudflare account id."],
    max: [32, "A Cloudflare account id is 32 characters (0-9, a-f)."],
    pattern: [/^[0-9a-f]{32}$/, "A Cloudflare account id is 32 characters (0-9, a-f)."],
  },
  cloudflareToken: {
    trim: true,
    min: [20, "That token is too short to be a Cloudflare API token."],
    max: [200, "That token is too long to be a Cloudflare API token."],
  },
  providerKey: {
    trim: true,
    min: [20, "That key is too short to be a Gemini API key."],
    max: [200, "That key is too long to be a Gemini API key."],
  },
} as const satisfies Record<string, TextRule>;

function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length += 1;
  return length;
}

export type TextCheck = { ok: true; value: string } | { ok: false; error: string };

/** The value as the server would store it, or the first message its schema would give. */
export function checkText(rule: TextRule, raw: string): TextCheck {
  if (!isStorableText(raw)) return { ok: false, error: UNSAFE_TEXT_MESSAGE };
  let value = rule.trim ? raw.trim() : raw;
  if (rule.lowercase) value = value.toLowerCase();
  // Lengths in code points, as zod counts them (an emoji is one character, not two).
  const length = codePointLength(value);
  if (rule.min && length < rule.min[0]) return { ok: false, error: rule.min[1] };
  const [max, tooLong = `Use at most ${rule.max[0]} characters.`] = rule.max;
  if (length > max) return { ok: false, error: tooLong };
  if (rule.pattern && !rule.pattern[0].test(value)) return { ok: false, error: rule.pattern[1] };
  return { ok: true, value };
}

/** The checked value, or undefined: for URL state, where a bad parameter just drops itself. */
export function textOrUndefined(rule: TextRule, raw: string | null | undefined) {
  if (raw == null) return undefined;
  const checked = checkText(rule, raw);
  return checked.ok ? checked.value : undefined;
}
