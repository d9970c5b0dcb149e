import { z } from "zod";

/**
 * The environment, parsed once. This module and ./index.ts are the only readers of
 * process.env. It has no Node-only imports so that middleware (edge) can use it too.
 */

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();
const optionalUrl = optionalString.pipe(z.url().optional());
const optionalInt = (min: number, max: number) =>
  optionalString
    .transform((value) => (value === undefined ? undefined : Number(value)))
    .pipe(z.number({ error: "must be a whole number" }).int().min(min).max(max).optional());
const positiveInt = (fallback: number) =>
  optionalInt(1, 1_000_000).transform((value) => value ?? fallback);

const httpUrl = z.url({
  protocol: /^https?$/,
  error: "must be an http:// or https:// URL",
});

// What EMAIL_FROM may hold: `local@domain`, or a display name before `<local@domain>`.
const ADDRESS = '[^\\s@<>",;:()\\[\\]]+@[^\\s@<>",;:()\\[\\]]+';
const SENDER = new RegExp(`^(?:${ADDRESS}|(?:"[^"\\r\\n]+"|[^"<>\\r\\n@]+) <${ADDRESS}>)$`);

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

function isSenderAddress(value: string): boolean {
  return SENDER.test(value);
}

/** A host whose mail links may be plain http (the studio on this machine). */
function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

// An IPv4 or IPv6 address with an optional prefix length (checked again by net.BlockList).
const ADDRESS_OR_RANGE =
  /^(?:\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:\/\d{1,3})?)$/;

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: optionalInt(1, 65535),
    APP_URL: optionalString.pipe(
      httpUrl
        .refine(
          (value) => {
            const url = new URL(value);
            return !url.username && !url.password && !url.search && !url.hash;
          },
          { error: "must be the studio's public origin, e.g. https://studio.example.com" },
        )
        .optional(),
    ),
    DATA_DIR: optionalString.transform((value) => value ?? ".data"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, { error: "must be a postgres:// URL" })
        .optional(),
    ),
    // Connections each studio process keeps to DATABASE_URL (default 10; 3 on Vercel, where
    // every instance has its own pool and Supabase's pooler limits the total).
    DATABASE_POOL_MAX: optionalInt(1, 100),
    SUPABASE_URL: optionalUrl,
    SUPABASE_PUBLISHABLE_KEY: optionalString,
    SUPABASE_SECRET_KEY: optionalString,
    SUPABASE_STORAGE_BUCKET: optionalString.transform((value) => value ?? "images"),
    // Supabase mode: image files are answered with a redirect to a signed Storage URL valid this
    // long (on, the default), or streamed through the function as in embedded mode (off).
    STORAGE_REDIRECTS: optionalString.pipe(z.enum(["on", "off"]).optional()),
    STORAGE_SIGNED_URL_SECONDS: optionalInt(10, 3600).transform((value) => value ?? 60),
    KV_REST_API_URL: optionalUrl,
    KV_REST_API_TOKEN: optionalString,
    UPSTASH_REDIS_REST_URL: optionalUrl,
    UPSTASH_REDIS_REST_TOKEN: optionalString,
    REDIS_URL: optionalString.pipe(
      z
        .string()
        .regex(/^rediss?:\/\//, { error: "must be a redis:// or rediss:// URL" })
        .optional(),
    ),
    GEMINI_API_KEY: optionalString,
    GEMINI_API_BASE_URL: optionalUrl,
    GEMINI_IMAGE_MODEL: optionalString.transform((value) => value ?? "gemini-3.1-flash-image"),
    DEMO_PROVIDER: optionalString.pipe(z.enum(["on", "off"]).optional()),
    // Cloudflare Workers AI (FLUX.1 schnell): a gateway or local server in place of the REST API,
    // and the operator's own account, used like GEMINI_API_KEY.
    CLOUDFLARE_API_BASE_URL: optionalUrl,
    CLOUDFLARE_ACCOUNT_ID: optionalString.pipe(
      z
        .string()
        .regex(/^[0-9a-f]{32}$/i, { error: "must be the 32-character account id" })
        .optional(),
    ),
    CLOUDFLARE_API_TOKEN: optionalString,
    // The operator's keys as the last fallback behind users' own (off: only for users with none).
    OPERATOR_KEY_FALLBACK: optionalString.pipe(z.enum(["on", "off"]).optional()),
    DAILY_GENERATION_LIMIT: positiveInt(50),
    MONTHLY_GENERATION_LIMIT: positiveInt(1000),
    GENERATE_RATE_LIMIT_PER_MINUTE: positiveInt(10),
    // Prompt enhancement (POST /prompts/enhance): a Gemini text model with a free tier, and its own per-user limit.
    GEMINI_TEXT_MODEL: optionalString.transform((value) => value ?? "gemini-2.5-flash"),
    ENHANCE_RATE_LIMIT_PER_MINUTE: positiveInt(20),
    AUTH_RATE_LIMIT_PER_MINUTE: positiveInt(10),
    // Up to these, Settings streams the export at once; above either, it is prepared in the background.
    ACCOUNT_EXPORT_STREAM_MAX_IMAGES: optionalInt(0, 1_000_000).transform((value) => value ?? 200),
    ACCOUNT_EXPORT_STREAM_MAX_MB: optionalInt(0, 100_000).transform((value) => value ?? 50),
    AUTH_SESSION_CACHE_SECONDS: optionalInt(0, 300).transform((value) => value ?? 10),
    APP_SECRET: optionalString.pipe(
      z.string().min(32, { error: "must be at least 32 characters" }).optional(),
    ),
    APP_SECRET_PREVIOUS: optionalString,
    MODERATION_BLOCKLIST: optionalString,
    // Accounts made admins at sign-up and at start-up (comma-separated addresses).
    ADMIN_EMAILS: optionalString.pipe(
      z
        .string()
        .refine((value) => splitList(value).every((entry) => EMAIL.test(entry)), {
          error: "must be comma-separated email addresses",
        })
        .optional(),
    ),
    // How long an instance trusts the system settings it read (admin changes reach it within this).
    SETTINGS_CACHE_SECONDS: optionalInt(0, 300).transform((value) => value ?? 5),
    // The free tiers the admin dashboard measures storage against (Supabase: 1 GB files, 500 MB database).
    STORAGE_FILES_LIMIT_MB: positiveInt(1024),
    STORAGE_DATABASE_LIMIT_MB: positiveInt(500),
    // Web Push (VAPID, RFC 8292): `npx web-push generate-vapid-keys`. Unset: embedded mode makes a
    // pair once into DATA_DIR; elsewhere push notifications are simply off.
    VAPID_PUBLIC_KEY: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{87}$/, {
          error: "must be a base64url P-256 public key (65 bytes, 87 characters)",
        })
        .optional(),
    ),
    VAPID_PRIVATE_KEY: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{43}$/, {
          error: "must be a base64url P-256 private key (32 bytes, 43 characters)",
        })
        .optional(),
    ),
    VAPID_SUBJECT: optionalString.pipe(
      z
        .string()
        .regex(/^(?:mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, {
          error: "must be a mailto: address or an https:// URL (push services contact it)",
        })
        .optional(),
    ),
    CRON_SECRET: optionalString.pipe(
      z.string().min(16, { error: "must be at least 16 characters" }).optional(),
    ),
    RESEND_API_KEY: optionalString,
    // The name the resend SDK itself reads; passed to it explicitly (tests point it at a local server).
    RESEND_BASE_URL: optionalString.pipe(httpUrl.optional()),
    EMAIL_FROM: optionalString
      .pipe(
        z
          .string()
          .refine(isSenderAddress, {
            error:
              "must be an address or `Name <address>` (e.g. AI Image Studio <studio@example.com>)",
          })
          .optional(),
      )
      .transform((value) => value ?? "AI Image Studio <studio@localhost>"),
    REQUIRE_EMAIL_VERIFICATION: optionalString.pipe(
      z
        .enum(["true", "false"], { error: "must be true or false" })
        .transform((value) => value === "true")
        .optional(),
    ),
    LOG_LEVEL: optionalString.pipe(z.enum(["debug", "info", "warn", "error", "silent"]).optional()),
    // Set to 1 by Vercel at build and run time.
    VERCEL: optionalString,
    TRUSTED_PROXIES: optionalString.pipe(
      z
        .string()
        .refine(
          (value) =>
            value === "vercel" || splitList(value).every((entry) => ADDRESS_OR_RANGE.test(entry)),
          { error: "must be `vercel` or comma-separated IP addresses or CIDR ranges" },
        )
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    const supabase = [env.SUPABASE_URL, env.SUPABASE_PUBLISHABLE_KEY, env.SUPABASE_SECRET_KEY];
    const set = supabase.filter(Boolean).length;
    if (set > 0 && set < 3) {
      for (const [name, value] of [
        ["SUPABASE_URL", env.SUPABASE_URL],
        ["SUPABASE_PUBLISHABLE_KEY", env.SUPABASE_PUBLISHABLE_KEY],
        ["SUPABASE_SECRET_KEY", env.SUPABASE_SECRET_KEY],
      ] as const) {
        if (!value)
          ctx.addIssue({
            code: "custom",
            path: [name],
            message: "is required when any SUPABASE_* is set",
          });
      }
    }
    if (set === 3 && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message: "is required with Supabase (the project's Postgres connection string)",
      });
    }
    if (Boolean(env.CLOUDFLARE_ACCOUNT_ID) !== Boolean(env.CLOUDFLARE_API_TOKEN)) {
      ctx.addIssue({
        code: "custom",
        path: [env.CLOUDFLARE_ACCOUNT_ID ? "CLOUDFLARE_API_TOKEN" : "CLOUDFLARE_ACCOUNT_ID"],
        message: "is required with the other one (CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN)",
      });
    }
    if (Boolean(env.KV_REST_API_URL) !== Boolean(env.KV_REST_API_TOKEN)) {
      ctx.addIssue({
        code: "custom",
        path: [env.KV_REST_API_URL ? "KV_REST_API_TOKEN" : "KV_REST_API_URL"],
        message: "is required when the other KV_REST_API_* is set",
      });
    }
    if (Boolean(env.UPSTASH_REDIS_REST_URL) !== Boolean(env.UPSTASH_REDIS_REST_TOKEN)) {
      ctx.addIssue({
        code: "custom",
        path: [env.UPSTASH_REDIS_REST_URL ? "UPSTASH_REDIS_REST_TOKEN" : "UPSTASH_REDIS_REST_URL"],
        message: "is required when the other UPSTASH_REDIS_REST_* is set",
      });
    }
    if (env.RESEND_API_KEY) {
      // Mail links (reset, verification) must point at the public site, never at a guess.
      if (!env.APP_URL) {
        ctx.addIssue({
          code: "custom",
          path: ["APP_URL"],
          message: "is required with RESEND_API_KEY (links in mail point at it)",
        });
      } else if (
        env.NODE_ENV === "production" &&
        new URL(env.APP_URL).protocol !== "https:" &&
        !isLoopbackHost(new URL(env.APP_URL).hostname)
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["APP_URL"],
          message: "must be https:// in production (links in mail carry one-time tokens)",
        });
      }
    }
    if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: [env.VAPID_PUBLIC_KEY ? "VAPID_PRIVATE_KEY" : "VAPID_PUBLIC_KEY"],
        message: "is required when the other VAPID_* key is set",
      });
    }
    const embedded = !env.DATABASE_URL && set === 0;
    if (!embedded && !env.APP_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["APP_SECRET"],
        message:
          "is required outside embedded mode (32+ random characters; `openssl rand -base64 48`)",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export type Mode = "embedded" | "production" | "mixed";

export interface AppConfig {
  nodeEnv: Env["NODE_ENV"];
  isProduction: boolean;
  mode: Mode;
  port: number;
  appUrl: string | undefined;
  dataDir: string;
  database: { kind: "pglite"; dir: string } | { kind: "postgres"; url: string; poolMax: number };
  auth:
    | { kind: "local" }
    | { kind: "supabase"; url: string; publishableKey: string; secretKey: string };
  objectStore:
    | { kind: "local"; dir: string }
    | {
        kind: "supabase";
        url: string;
        secretKey: string;
        bucket: string;
        /**
         * How long a signed URL that the files route redirects to stays valid (seconds), or null
         * when files are streamed through the function (STORAGE_REDIRECTS=off).
         */
        signedUrlSeconds: number | null;
      };
  kv:
    | { kind: "upstash"; url: string; token: string }
    | { kind: "redis"; url: string }
    | { kind: "memory" };
  /**
   * Where mail goes once the outbox sends it: Resend, or (no key) files under DATA_DIR/mail
   * that the developer reads at /dev/mail.
   */
  mailer:
    | { kind: "resend"; apiKey: string; from: string; baseUrl: string | undefined }
    | { kind: "files"; dir: string; from: string };
  imageProvider: {
    geminiApiKey: string | undefined;
    geminiBaseUrl: string | undefined;
    model: string;
    demoEnabled: boolean;
    cloudflareBaseUrl: string | undefined;
    /** CLOUDFLARE_ACCOUNT_ID + CLOUDFLARE_API_TOKEN, when both are set. */
    operatorCloudflare: { accountId: string; apiToken: string } | undefined;
    operatorKeyFallback: boolean;
  };
  /** POST /prompts/enhance: the Gemini text model, and enhancements a minute per user. */
  promptEnhancer: { model: string; perMinute: number };
  limits: {
    dailyGenerations: number;
    monthlyGenerations: number;
    generatePerMinute: number;
    authPerMinute: number;
  };
  /**
   * "Export everything": galleries up to both limits stream from Settings at once; a larger one
   * is prepared in the background as a job (src/server/account/account-exports.ts).
   */
  accountExport: { streamMaxImages: number; streamMaxBytes: number };
  /** Unset only in embedded mode, where one is generated into DATA_DIR on first start. */
  appSecret: string | undefined;
  /** Earlier APP_SECRETs, so that keys sealed before a rotation still open. */
  previousAppSecrets: string[];
  /** Extra words or phrases that refuse a prompt, on top of the built-in list. */
  moderationBlocklist: string[];
  /** Lower-cased addresses whose accounts are made admins (ADMIN_EMAILS). */
  adminEmails: string[];
  /** How long an instance keeps the system settings it read (ms; SETTINGS_CACHE_SECONDS). */
  settingsCacheMs: number;
  /** What the dashboard shows storage against (STORAGE_FILES_LIMIT_MB, STORAGE_DATABASE_LIMIT_MB). */
  storageLimits: { filesBytes: number; databaseBytes: number };
  cronSecret: string | undefined;
  /**
   * Web Push's VAPID identity: the configured key pair (VAPID_*) or "generate" (embedded mode
   * without one: made once into DATA_DIR, see vapid-keys.ts); null when push is off.
   */
  vapid: {
    keys: { publicKey: string; privateKey: string } | "generate";
    subject: string;
  } | null;
  /** Generation waits until the account's email address is confirmed (REQUIRE_EMAIL_VERIFICATION). */
  requireEmailVerification: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /**
   * Who tells us the client's address: the platform (Vercel sets and overwrites its forwarding
   * headers), or the socket, walking X-Forwarded-For back through these trusted proxies only.
   */
  forwarding: { kind: "platform" } | { kind: "proxies"; proxies: string[] };
  /**
   * How long an instance trusts a session it found live before asking again (ms; 0 = always).
   * A session ended on another instance keeps working here for at most this long.
   */
  sessionCacheMs: number;
}

export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Whom push services may contact about our messages: VAPID_SUBJECT, else APP_URL or the sender. */
function vapidSubjectOf(env: Env): string {
  if (env.APP_URL?.startsWith("https://")) return env.APP_URL;
  const address = /<([^>]+)>$/.exec(env.EMAIL_FROM)?.[1] ?? env.EMAIL_FROM;
  return `mailto:${address}`;
}

function joinPath(base: string, child: string): string {
  return `${base.replace(/\/+$/, "")}/${child}`;
}

/** Parses an environment (process.env by default) into the configuration, or throws ConfigError naming each variable. */
export function parseConfig(source: Record<string, string | undefined>): AppConfig {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map(
        (issue) => `${issue.path.join(".") || "environment"} ${issue.message}`,
      ),
    );
  }
  const env = result.data;
  const supabase =
    env.SUPABASE_URL && env.SUPABASE_PUBLISHABLE_KEY && env.SUPABASE_SECRET_KEY
      ? {
          url: env.SUPABASE_URL,
          publishableKey: env.SUPABASE_PUBLISHABLE_KEY,
          secretKey: env.SUPABASE_SECRET_KEY,
        }
      : undefined;
  const embedded = !env.DATABASE_URL && !supabase;
  const production = Boolean(env.DATABASE_URL && supabase);
  const upstashUrl = env.KV_REST_API_URL ?? env.UPSTASH_REDIS_REST_URL;
  const upstashToken = env.KV_REST_API_TOKEN ?? env.UPSTASH_REDIS_REST_TOKEN;

  return {
    nodeEnv: env.NODE_ENV,
    isProduction: env.NODE_ENV === "production",
    mode: embedded ? "embedded" : production ? "production" : "mixed",
    port: env.PORT ?? 3000,
    appUrl: env.APP_URL,
    dataDir: env.DATA_DIR,
    database: env.DATABASE_URL
      ? {
          kind: "postgres",
          url: env.DATABASE_URL,
          poolMax: env.DATABASE_POOL_MAX ?? (env.VERCEL === "1" ? 3 : 10),
        }
      : { kind: "pglite", dir: joinPath(env.DATA_DIR, "pglite") },
    auth: supabase ? { kind: "supabase", ...supabase } : { kind: "local" },
    objectStore: supabase
      ? {
          kind: "supabase",
          url: supabase.url,
          secretKey: supabase.secretKey,
          bucket: env.SUPABASE_STORAGE_BUCKET,
          signedUrlSeconds: env.STORAGE_REDIRECTS === "off" ? null : env.STORAGE_SIGNED_URL_SECONDS,
        }
      : { kind: "local", dir: joinPath(env.DATA_DIR, "storage") },
    kv:
      upstashUrl && upstashToken
        ? { kind: "upstash", url: upstashUrl, token: upstashToken }
        : env.REDIS_URL
          ? { kind: "redis", url: env.REDIS_URL }
          : { kind: "memory" },
    mailer: env.RESEND_API_KEY
      ? {
          kind: "resend",
          apiKey: env.RESEND_API_KEY,
          from: env.EMAIL_FROM,
          baseUrl: env.RESEND_BASE_URL,
        }
      : { kind: "files", dir: joinPath(env.DATA_DIR, "mail"), from: env.EMAIL_FROM },
    imageProvider: {
      geminiApiKey: env.GEMINI_API_KEY,
      geminiBaseUrl: env.GEMINI_API_BASE_URL,
      model: env.GEMINI_IMAGE_MODEL,
      demoEnabled: env.DEMO_PROVIDER ? env.DEMO_PROVIDER === "on" : embedded,
      cloudflareBaseUrl: env.CLOUDFLARE_API_BASE_URL,
      operatorCloudflare:
        env.CLOUDFLARE_ACCOUNT_ID && env.CLOUDFLARE_API_TOKEN
          ? {
              accountId: env.CLOUDFLARE_ACCOUNT_ID.toLowerCase(),
              apiToken: env.CLOUDFLARE_API_TOKEN,
            }
          : undefined,
      operatorKeyFallback: env.OPERATOR_KEY_FALLBACK !== "off",
    },
    promptEnhancer: {
      model: env.GEMINI_TEXT_MODEL,
      perMinute: env.ENHANCE_RATE_LIMIT_PER_MINUTE,
    },
    limits: {
      dailyGenerations: env.DAILY_GENERATION_LIMIT,
      monthlyGenerations: env.MONTHLY_GENERATION_LIMIT,
      generatePerMinute: env.GENERATE_RATE_LIMIT_PER_MINUTE,
      authPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
    },
    accountExport: {
      streamMaxImages: env.ACCOUNT_EXPORT_STREAM_MAX_IMAGES,
      streamMaxBytes: env.ACCOUNT_EXPORT_STREAM_MAX_MB * 1024 * 1024,
    },
    appSecret: env.APP_SECRET,
    previousAppSecrets: splitList(env.APP_SECRET_PREVIOUS),
    moderationBlocklist: splitList(env.MODERATION_BLOCKLIST),
    adminEmails: splitList(env.ADMIN_EMAILS).map((email) => email.toLowerCase()),
    settingsCacheMs: env.SETTINGS_CACHE_SECONDS * 1000,
    storageLimits: {
      filesBytes: env.STORAGE_FILES_LIMIT_MB * 1024 * 1024,
      databaseBytes: env.STORAGE_DATABASE_LIMIT_MB * 1024 * 1024,
    },
    cronSecret: env.CRON_SECRET,
    vapid:
      env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY
        ? {
            keys: { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY },
            subject: env.VAPID_SUBJECT ?? vapidSubjectOf(env),
          }
        : embedded
          ? { keys: "generate", subject: env.VAPID_SUBJECT ?? vapidSubjectOf(env) }
          : null,
    requireEmailVerification: env.REQUIRE_EMAIL_VERIFICATION ?? false,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "warn" : "info"),
    sessionCacheMs: env.AUTH_SESSION_CACHE_SECONDS * 1000,
    forwarding:
      env.TRUSTED_PROXIES === "vercel" || (env.TRUSTED_PROXIES === undefined && env.VERCEL === "1")
        ? { kind: "platform" }
        : { kind: "proxies", proxies: splitList(env.TRUSTED_PROXIES) },
  };
}

let cached: AppConfig | undefined;

/** The process's configuration, parsed on first use; a bad environment throws ConfigError. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
