import {
  bigint,
  boolean,
  customType,
  date,
  integer,
  jsonb,
  pgSchema,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Drizzle's view of the tables that supabase/migrations creates. The migrations are the
 * source of truth for the schema; this file only types the queries, so keep it in step
 * (tests/integration/schema-matches-migrations.test.ts checks every column here exists).
 */

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const authSchema = pgSchema("auth");

export const authUsers = authSchema.table("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email"),
  encryptedPassword: text("encrypted_password"),
  rawUserMetaData: jsonb("raw_user_meta_data").$type<Record<string, unknown>>().notNull(),
  emailConfirmedAt: tz("email_confirmed_at"),
  lastSignInAt: tz("last_sign_in_at"),
  createdAt: tz("created_at").notNull().defaultNow(),
  updatedAt: tz("updated_at").notNull().defaultNow(),
});

export const profiles = pgTable("profiles", {
  id: uuid("id").primaryKey(),
  email: text("email").notNull(),
  name: text("name").notNull(),
  avatarUrl: text("avatar_url"),
  role: text("role", { enum: ["user", "admin"] }).notNull(),
  tier: text("tier", { enum: ["free", "supporter"] }).notNull(),
  dailyLimitOverride: integer("daily_limit_override"),
  monthlyLimitOverride: integer("monthly_limit_override"),
  /** Set while an admin has suspended the account (src/server/admin/users-admin.ts). */
  suspendedAt: tz("suspended_at"),
  createdAt: tz("created_at").notNull().defaultNow(),
  updatedAt: tz("updated_at").notNull().defaultNow(),
});

export const userSettings = pgTable("user_settings", {
  userId: uuid("user_id").primaryKey(),
  emailNotifications: boolean("email_notifications").notNull(),
  defaultQuality: text("default_quality", { enum: ["standard", "high"] }).notNull(),
  defaultAspectRatio: text("default_aspect_ratio", {
    enum: ["1:1", "16:9", "9:16", "4:3", "3:4"],
  }).notNull(),
  autoSaveGallery: boolean("auto_save_gallery").notNull(),
  enableOfflineCache: boolean("enable_offline_cache").notNull(),
  /** Which provider makes images first, then which to try next (migration 20261206001300). */
  defaultProvider: text("default_provider", { enum: ["gemini", "cloudflare"] })
    .notNull()
    .default("gemini"),
  fallbackOrder: text("fallback_order", { enum: ["gemini", "cloudflare"] })
    .array()
    .notNull()
    .default([]),
  /** Images the composer asks for by default, 1..4 (migration 20261206001700). */
  defaultCount: smallint("default_count").notNull().default(1),
  /** "en" | "id", or null: follow the cookie and the browser (migration 20261206001800). */
  locale: text("locale", { enum: ["en", "id"] }),
  updatedAt: tz("updated_at").notNull().defaultNow(),
});

export const providerKeys = pgTable(
  "provider_keys",
  {
    userId: uuid("user_id").notNull(),
    provider: text("provider", { enum: ["gemini", "cloudflare"] }).notNull(),
    ciphertext: text("ciphertext").notNull(),
    /** Cloudflare only: the account the REST path names (migration 20261206001300). */
    accountId: text("account_id"),
    keyVersion: integer("key_version").notNull(),
    last4: text("last4").notNull(),
    validatedAt: tz("validated_at").notNull(),
    createdAt: tz("created_at").notNull().defaultNow(),
    updatedAt: tz("updated_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.provider] })],
);

export const styleTemplates = pgTable("style_templates", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  category: text("category", {
    enum: ["photography", "illustration", "art", "design", "3d"],
  }).notNull(),
  promptPrefix: text("prompt_prefix").notNull(),
  promptSuffix: text("prompt_suffix").notNull(),
  negativePrompt: text("negative_prompt").notNull(),
  parameters: jsonb("parameters").$type<Record<string, unknown>>().notNull(),
  previewUrl: text("preview_url").notNull(),
  /** An uploaded preview's object-store key; null: the shipped file at previewUrl. */
  previewKey: text("preview_key"),
  sortOrder: integer("sort_order").notNull(),
  isActive: boolean("is_active").notNull(),
  createdAt: tz("created_at").notNull().defaultNow(),
  updatedAt: tz("updated_at").notNull().defaultNow(),
});

export const images = pgTable("images", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
  prompt: text("prompt").notNull(),
  negativePrompt: text("negative_prompt"),
  styleTemplateId: uuid("style_template_id"),
  aspectRatio: text("aspect_ratio", { enum: ["1:1", "16:9", "9:16", "4:3", "3:4"] }).notNull(),
  quality: text("quality", { enum: ["standard", "high"] }).notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  seed: bigint("seed", { mode: "number" }).notNull(),
  model: text("model").notNull(),
  /** Which provider made it (migration 20261206001300). */
  provider: text("provider", { enum: ["gemini", "cloudflare", "demo"] })
    .notNull()
    .default("gemini"),
  tags: text("tags").array().notNull(),
  isPublic: boolean("is_public").notNull(),
  favorite: boolean("favorite").notNull(),
  parentId: uuid("parent_id"),
  /** Every gallery image it was made from, in prompt order; parentId is the first (migration 1500). */
  sourceImageIds: uuid("source_image_ids").array().notNull().default([]),
  generationTimeMs: integer("generation_time_ms").notNull(),
  downloadCount: integer("download_count").notNull(),
  storageKey: text("storage_key").notNull(),
  mimeType: text("mime_type").notNull(),
  byteSize: integer("byte_size").notNull(),
  thumbnailSizes: integer("thumbnail_sizes").array().notNull(),
  totalBytes: bigint("total_bytes", { mode: "number" }).notNull(),
  publishedAt: tz("published_at"),
  shareId: text("share_id"),
  searchVector: tsvector("search_vector"),
  /** Retention (migration 1200): kept by the owner / when they were told it would go. */
  keptAt: tz("kept_at"),
  retentionWarnedAt: tz("retention_warned_at"),
  createdAt: tz("created_at").notNull().defaultNow(),
  updatedAt: tz("updated_at").notNull().defaultNow(),
});

export const collections = pgTable("collections", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  isPublic: boolean("is_public").notNull(),
  coverImageId: uuid("cover_image_id"),
  shareId: text("share_id"),
  createdAt: tz("created_at").notNull().defaultNow(),
  updatedAt: tz("updated_at").notNull().defaultNow(),
});

export const collectionImages = pgTable(
  "collection_images",
  {
    collectionId: uuid("collection_id").notNull(),
    imageId: uuid("image_id").notNull(),
    addedAt: tz("added_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.collectionId, table.imageId] })],
);

export const quotaCounters = pgTable("quota_counters", {
  userId: uuid("user_id").primaryKey(),
  dayStart: date("day_start", { mode: "string" }).notNull(),
  dayUsed: integer("day_used").notNull(),
  monthStart: date("month_start", { mode: "string" }).notNull(),
  monthUsed: integer("month_used").notNull(),
  updatedAt: tz("updated_at").notNull().defaultNow(),
});

export const idempotencyRecords = pgTable(
  "idempotency_records",
  {
    userId: uuid("user_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: text("status", { enum: ["pending", "completed", "failed"] }).notNull(),
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body"),
    imageId: uuid("image_id"),
    lockedUntil: tz("locked_until").notNull(),
    createdAt: tz("created_at").notNull().defaultNow(),
    expiresAt: tz("expires_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.key] })],
);

export const usageLogs = pgTable("usage_logs", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id"),
  action: text("action").notNull(),
  status: text("status", { enum: ["success", "failure"] }).notNull(),
  imageId: uuid("image_id"),
  provider: text("provider"),
  model: text("model"),
  errorCode: text("error_code"),
  durationMs: integer("duration_ms"),
  requestId: text("request_id"),
  createdAt: tz("created_at").notNull().defaultNow(),
});

/** One finished UTC day of usage, kept after usage_logs are pruned (src/server/usage/usage-rollups.ts). */
export const usageDailyRollups = pgTable("usage_daily_rollups", {
  day: date("day", { mode: "string" }).primaryKey(),
  generations: integer("generations").notNull(),
  failures: integer("failures").notNull(),
  failuresByCode: jsonb("failures_by_code").$type<Record<string, number>>().notNull(),
  quotaHits: integer("quota_hits").notNull(),
  activeUsers: integer("active_users").notNull(),
  weeklyActiveUsers: integer("weekly_active_users").notNull(),
  signups: integer("signups").notNull(),
  publicShares: integer("public_shares").notNull(),
  templates: jsonb("templates").$type<Record<string, number>>().notNull(),
  latencyBoundsMs: integer("latency_bounds_ms").array().notNull(),
  latencyBuckets: integer("latency_buckets").array().notNull(),
  latencySamples: integer("latency_samples").notNull(),
  over15s: integer("over_15s").notNull(),
  mailSent: integer("mail_sent").notNull(),
  mailFailed: integer("mail_failed").notNull(),
  computedAt: tz("computed_at").notNull().defaultNow(),
});

export const auditLogs = pgTable("audit_logs", {
  id: uuid("id").primaryKey().defaultRandom(),
  actorId: uuid("actor_id"),
  action: text("action").notNull(),
  targetType: text("target_type"),
  targetId: text("target_id"),
  ip: text("ip"),
  userAgent: text("user_agent"),
  requestId: text("request_id"),
  metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull(),
  createdAt: tz("created_at").notNull().defaultNow(),
});

export const apiKeys = pgTable("api_keys", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
  name: text("name").notNull(),
  prefix: text("prefix").notNull(),
  keyHash: text("key_hash").notNull(),
  scopes: text("scopes").array().notNull(),
  lastUsedAt: tz("last_used_at"),
  expiresAt: tz("expires_at"),
  revokedAt: tz("revoked_at"),
  createdAt: tz("created_at").notNull().defaultNow(),
});

export const systemSettings = pgTable("system_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedBy: uuid("updated_by"),
  updatedAt: tz("updated_at").notNull().defaultNow(),
});

export const localSessions = pgTable("local_sessions", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
  cookieSecretHash: text("cookie_secret_hash").notNull(),
  userAgent: text("user_agent"),
  ip: text("ip"),
  createdAt: tz("created_at").notNull().defaultNow(),
  lastSeenAt: tz("last_seen_at").notNull().defaultNow(),
  expiresAt: tz("expires_at").notNull(),
  revokedAt: tz("revoked_at"),
  revokeReason: text("revoke_reason"),
});

export const localRefreshTokens = pgTable("local_refresh_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  sessionId: uuid("session_id").notNull(),
  createdAt: tz("created_at").notNull().defaultNow(),
  usedAt: tz("used_at"),
});

/** Supabase sessions the studio has seen, and which it ended (src/server/auth/supabase/supabase-sessions.ts). */
export const authSessionDevices = pgTable("auth_session_devices", {
  sessionId: uuid("session_id").primaryKey(),
  userId: uuid("user_id").notNull(),
  userAgent: text("user_agent"),
  ip: text("ip"),
  createdAt: tz("created_at").notNull().defaultNow(),
  lastSeenAt: tz("last_seen_at").notNull().defaultNow(),
  revokedAt: tz("revoked_at"),
  revokeReason: text("revoke_reason"),
});

/** Hashed single-use "forgot password" tokens of local accounts (src/server/auth/local/local-passwords.ts). */
export const passwordResetTokens = pgTable("password_reset_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id").notNull(),
  createdAt: tz("created_at").notNull().defaultNow(),
  expiresAt: tz("expires_at").notNull(),
  usedAt: tz("used_at"),
});

/** Mailed links that verify the account's email or move it to a new one (local auth only). */
export const emailTokens = pgTable("email_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id").notNull(),
  purpose: text("purpose", { enum: ["verify", "change"] }).notNull(),
  email: text("email").notNull(),
  createdAt: tz("created_at").notNull().defaultNow(),
  expiresAt: tz("expires_at").notNull(),
  usedAt: tz("used_at"),
});

export type MailOutboxStatus = "pending" | "sending" | "sent" | "failed";

/** Mail waiting to be sent, sent, or given up on (src/server/mail/mail-outbox.ts). */
export const mailOutbox = pgTable("mail_outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: text("kind").notNull(),
  userId: uuid("user_id"),
  toEmail: text("to_email").notNull(),
  subject: text("subject").notNull(),
  textBody: text("text_body").notNull(),
  htmlBody: text("html_body").notNull(),
  headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
  dedupeKey: text("dedupe_key"),
  status: text("status").$type<MailOutboxStatus>().notNull().default("pending"),
  attempts: integer("attempts").notNull().default(0),
  nextAttemptAt: tz("next_attempt_at").notNull().defaultNow(),
  lastAttemptAt: tz("last_attempt_at"),
  lastError: text("last_error"),
  providerMessageId: text("provider_message_id"),
  createdAt: tz("created_at").notNull().defaultNow(),
  sentAt: tz("sent_at"),
});

/** Files of deleted images not yet confirmed removed from the object store (retried daily). */
export const pendingFileRemovals = pgTable("pending_file_removals", {
  key: text("key").primaryKey(),
  reason: text("reason").notNull(),
  attempts: integer("attempts").notNull().default(0),
  lastError: text("last_error"),
  createdAt: tz("created_at").notNull().defaultNow(),
  removeAfter: tz("remove_after").notNull().defaultNow(),
  lastAttemptAt: tz("last_attempt_at"),
});

/** Finished images waiting for their batched "ready" mail (src/server/notifications). */
export const generationNotifications = pgTable("generation_notifications", {
  imageId: uuid("image_id").primaryKey(),
  userId: uuid("user_id").notNull(),
  reason: text("reason", { enum: ["outbox", "away"] }).notNull(),
  createdAt: tz("created_at").notNull().defaultNow(),
  dueAt: tz("due_at").notNull(),
});

export type GenerationJobStatus = "queued" | "generating" | "storing" | "done" | "failed";

/** A generation from the moment it is accepted (src/server/generation/generation-jobs.ts). */
export const generationJobs = pgTable("generation_jobs", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
  action: text("action").notNull(),
  status: text("status").$type<GenerationJobStatus>().notNull().default("queued"),
  count: smallint("count").notNull(),
  request: jsonb("request").$type<Record<string, unknown>>().notNull().default({}),
  imageIds: uuid("image_ids").array().notNull().default([]),
  failures: jsonb("failures").$type<unknown[]>().notNull().default([]),
  error: jsonb("error"),
  events: jsonb("events").$type<unknown[]>().notNull().default([]),
  quotaHeld: smallint("quota_held").notNull().default(0),
  quotaDay: date("quota_day", { mode: "string" }),
  quotaMonth: date("quota_month", { mode: "string" }),
  attempt: integer("attempt").notNull().default(1),
  heartbeatAt: tz("heartbeat_at").notNull().defaultNow(),
  createdAt: tz("created_at").notNull().defaultNow(),
  updatedAt: tz("updated_at").notNull().defaultNow(),
  finishedAt: tz("finished_at"),
});

/** Browsers that asked for Web Push when a generation finishes unwatched (src/server/notifications/push-service.ts). */
export const pushSubscriptions = pgTable("push_subscriptions", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
  endpoint: text("endpoint").notNull().unique(),
  p256dh: text("p256dh").notNull(),
  auth: text("auth").notNull(),
  device: text("device").notNull(),
  createdAt: tz("created_at").notNull().defaultNow(),
  lastSuccessAt: tz("last_success_at"),
});

export type AccountExportStatus = "queued" | "running" | "ready" | "failed" | "expired";

/** One part of a background export's ZIP in the object store, in order (src/server/account/account-exports.ts). */
export interface AccountExportPart {
  key: string;
  /** The part's central-directory records; null for the last parts, which hold the directory. */
  directoryKey: string | null;
  bytes: number;
  entries: number;
}

/** "Export everything" jobs built into storage in the background (src/server/account/account-exports.ts). */
export const accountExports = pgTable("account_exports", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
  status: text("status").$type<AccountExportStatus>().notNull().default("queued"),
  snapshotAt: tz("snapshot_at").notNull().defaultNow(),
  imagesTotal: integer("images_total").notNull(),
  imagesDone: integer("images_done").notNull().default(0),
  bytes: bigint("bytes", { mode: "number" }).notNull().default(0),
  storagePath: text("storage_path").notNull(),
  parts: jsonb("parts").$type<AccountExportPart[]>().notNull().default([]),
  cursorCreatedAt: tz("cursor_created_at"),
  cursorId: uuid("cursor_id"),
  leaseToken: uuid("lease_token"),
  leaseUntil: tz("lease_until"),
  attempts: integer("attempts").notNull().default(0),
  expiresAt: tz("expires_at"),
  error: text("error"),
  createdAt: tz("created_at").notNull().defaultNow(),
  updatedAt: tz("updated_at").notNull().defaultNow(),
  completedAt: tz("completed_at"),
});

export const schema = {
  authUsers,
  profiles,
  userSettings,
  providerKeys,
  styleTemplates,
  images,
  collections,
  collectionImages,
  quotaCounters,
  idempotencyRecords,
  usageLogs,
  usageDailyRollups,
  auditLogs,
  apiKeys,
  systemSettings,
  localSessions,
  localRefreshTokens,
  authSessionDevices,
  mailOutbox,
  pendingFileRemovals,
  generationNotifications,
  generationJobs,
};
