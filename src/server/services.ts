import "server-only";
import { createAdminAuditService, type AdminAuditService } from "@/server/admin/audit-admin";
import { createAdminStatsService, type AdminStatsService } from "@/server/admin/stats";
import {
  createAdminTemplatesService,
  type AdminTemplatesService,
} from "@/server/admin/templates-admin";
import { createAdminUsersService, type AdminUsersService } from "@/server/admin/users-admin";
import { promoteConfiguredAdmins, systemAuditContext } from "@/server/admin/admins";
import {
  createSystemSettingsService,
  settingsDefaultsOf,
  type SystemSettingsService,
} from "@/server/admin/system-settings";
import { createApiKeysService, type ApiKeysService } from "@/server/api-keys/api-keys-service";
import { resolveAppSecret } from "@/server/config/app-secret";
import { getConfig, type AppConfig } from "@/server/config/env";
import type { AuthPort } from "@/server/auth/auth-port";
import {
  createLocalAuthAdapter,
  type LocalLiveSession,
} from "@/server/auth/local/local-auth-adapter";
import { createLocalSessions } from "@/server/auth/local/local-sessions";
import { createSessionLiveness } from "@/server/auth/session-liveness";
import type { SessionsPort } from "@/server/auth/sessions-port";
import { createSupabaseAuthAdapter } from "@/server/auth/supabase/supabase-auth-adapter";
import { createSupabaseSessions } from "@/server/auth/supabase/supabase-sessions";
import type { DatabaseHandle } from "@/server/db/database";
import { applyMigrations } from "@/server/db/migrate";
import { openPgliteDatabase } from "@/server/db/pglite-database";
import { openPostgresDatabase } from "@/server/db/postgres-database";
import type { KvPort } from "@/server/kv/kv-port";
import { createMemoryKv } from "@/server/kv/memory-kv";
import { createRedisKv } from "@/server/kv/redis-kv";
import { createUpstashKv } from "@/server/kv/upstash-kv";
import { logger } from "@/server/observability/logger";
import type { ObjectStorePort } from "@/server/storage/object-store-port";
import { createLocalObjectStore } from "@/server/storage/local-object-store";
import { createSupabaseObjectStore } from "@/server/storage/supabase-object-store";
import {
  createGenerationService,
  type GenerationService,
} from "@/server/generation/generation-service";
import { createPromptModerator } from "@/server/generation/moderation";
import { createPromptEnhancerCatalog } from "@/server/prompts/prompt-enhancer-catalog";
import {
  createPromptEnhancementService,
  type PromptEnhancementService,
} from "@/server/prompts/prompt-enhancement-service";
import { createProviderCatalog, type ProviderCatalog } from "@/server/generation/provider-catalog";
import { createImagesService, type ImagesService } from "@/server/images/images-service";
import {
  createProviderKeysService,
  type ProviderKeysService,
} from "@/server/provider-keys/provider-keys-service";
import { createSecretBox } from "@/server/security/secret-box";
import { createCursorCodec } from "@/server/gallery/cursor";
import { createGalleryService, type GalleryService } from "@/server/gallery/gallery-service";
import {
  createTemplatesService,
  type TemplatesService,
} from "@/server/templates/templates-service";
import { createUsersService, type UsersService } from "@/server/users/users-service";
import { devMailPageEnabled, mailOrigin } from "@/server/mail/dev-mail";
import { createFileMailer } from "@/server/mail/file-mailer";
import type { MailerPort } from "@/server/mail/mailer-port";
import { createMailService, type MailService } from "@/server/mail/mail-service";
import { createStorageBudget, type StorageBudget } from "@/server/storage-budget/storage-budget";
import { createAlertMailSource } from "@/server/alerts/admin-alerts";
import { createResendMailer } from "@/server/mail/resend-mailer";
import {
  createNotificationsService,
  type NotificationsService,
} from "@/server/notifications/generation-notifications";
import { createUnsubscribeLinks } from "@/server/notifications/unsubscribe-link";
import { createPushService, type PushService } from "@/server/notifications/push-service";
import { resolveVapidIdentity, type VapidIdentity } from "@/server/config/vapid-keys";
import { generationsPerMinuteFor } from "@/shared/system-settings";

/**
 * The composition root: the one place that turns configuration into adapters and wires
 * services to their ports. Nothing else asks which mode the studio runs in.
 */
export interface Services {
  config: AppConfig;
  database: DatabaseHandle;
  kv: KvPort;
  auth: AuthPort;
  /** The signed-in user's sessions (devices): list, last seen, sign out one or all others. */
  sessions: SessionsPort;
  objectStore: ObjectStorePort;
  users: UsersService;
  templates: TemplatesService;
  providers: ProviderCatalog;
  providerKeys: ProviderKeysService;
  apiKeys: ApiKeysService;
  images: ImagesService;
  generation: GenerationService;
  /** POST /prompts/enhance: a prompt rewritten by a Gemini text model (or the demo enhancer). */
  prompts: PromptEnhancementService;
  gallery: GalleryService;
  mail: MailService;
  notifications: NotificationsService;
  /** Web Push to the devices a person turned notifications on for (off without VAPID keys). */
  push: PushService;
  /** The admins' live settings (registration, default limits, banner…), cached for seconds. */
  systemSettings: SystemSettingsService;
  /** Admin: accounts (search, role, limits, suspension) and the audit log viewer. */
  adminUsers: AdminUsersService;
  adminTemplates: AdminTemplatesService;
  adminAudit: AdminAuditService;
  /** Admin: the dashboard's usage, latency and storage (daily rollups of usage_logs). */
  adminStats: AdminStatsService;
  /** Files and database against their limits, cached for a minute (src/server/storage-budget). */
  storageBudget: StorageBudget;
}

export function createKv(config: AppConfig): KvPort {
  switch (config.kv.kind) {
    case "upstash":
      return createUpstashKv(config.kv.url, config.kv.token);
    case "redis":
      return createRedisKv(config.kv.url);
    case "memory":
      return createMemoryKv();
  }
}

export async function openDatabase(config: AppConfig): Promise<DatabaseHandle> {
  if (config.database.kind === "postgres")
    return openPostgresDatabase(config.database.url, { max: config.database.poolMax });
  const handle = await openPgliteDatabase(config.database.dir);
  const applied = await applyMigrations(handle);
  if (applied.length > 0) logger.info("embedded database migrated", { applied });
  return handle;
}

export function createMailer(config: AppConfig): MailerPort {
  if (config.mailer.kind === "resend")
    return createResendMailer({ apiKey: config.mailer.apiKey, baseUrl: config.mailer.baseUrl });
  const origin = mailOrigin(config);
  const pageServed = devMailPageEnabled(config);
  return createFileMailer({
    dir: config.mailer.dir,
    linkFor: (id) => (pageServed ? `${origin}/dev/mail/${id}` : null),
  });
}

export function createObjectStore(config: AppConfig): ObjectStorePort {
  if (config.objectStore.kind === "local") return createLocalObjectStore(config.objectStore.dir);
  return createSupabaseObjectStore(config.objectStore);
}

/**
 * The auth adapter and the sessions list on one memory of live sessions, shared through the
 * KV with the other instances: a session ended by either is refused by both, everywhere.
 */
function createAuth(
  config: AppConfig,
  database: DatabaseHandle,
  kv: KvPort,
  appSecret: string,
): { auth: AuthPort; sessions: SessionsPort } {
  const ttlMs = config.sessionCacheMs;
  if (config.auth.kind === "supabase") {
    const sessions = createSupabaseSessions({
      db: database.db,
      url: config.auth.url,
      publishableKey: config.auth.publishableKey,
      liveness: createSessionLiveness<true>({ ttlMs, kv }),
    });
    const auth = createSupabaseAuthAdapter({
      url: config.auth.url,
      publishableKey: config.auth.publishableKey,
      secretKey: config.auth.secretKey,
      sessionCacheMs: ttlMs,
      guard: sessions.guard,
    });
    return { auth, sessions };
  }
  const liveness = createSessionLiveness<LocalLiveSession>({ ttlMs, kv });
  const auth = createLocalAuthAdapter({
    db: database.db,
    appSecret,
    secureCookies: config.isProduction,
    sessionCacheMs: ttlMs,
    liveness,
  });
  const sessions = createLocalSessions({
    db: database.db,
    liveness,
    secureCookies: config.isProduction,
  });
  return { auth, sessions };
}

/** Wires services on the given adapters; tests pass their own database, kv and providers. */
export function createServices(parts: {
  config: AppConfig;
  database: DatabaseHandle;
  kv: KvPort;
  objectStore: ObjectStorePort;
  appSecret: string;
  providers?: ProviderCatalog;
  /** The mail adapter; by default the one the configuration names. */
  mailer?: MailerPort;
  /** Web Push's VAPID identity; by default the configured one (or DATA_DIR's, embedded). */
  vapid?: VapidIdentity | null;
}): Services {
  const { config, database, kv, objectStore } = parts;
  const db = database.db;
  const { auth, sessions } = createAuth(config, database, kv, parts.appSecret);
  const providers = parts.providers ?? createProviderCatalog(config.imageProvider);
  const systemSettings = createSystemSettingsService({
    db,
    defaults: () => settingsDefaultsOf(config),
    cacheMs: config.settingsCacheMs,
  });
  const liveSettings = () => systemSettings.get();
  const users = createUsersService({
    db,
    defaultLimits: async () => {
      const settings = await liveSettings();
      return { daily: settings.defaultDailyLimit, monthly: settings.defaultMonthlyLimit };
    },
  });
  const templates = createTemplatesService({ db });
  const images = createImagesService({ db, objectStore, kv });
  const providerKeys = createProviderKeysService({
    db,
    secretBox: createSecretBox(parts.appSecret, config.previousAppSecrets),
    checkGeminiKey: providers.checkGeminiKey,
    checkCloudflareKey: providers.checkCloudflareKey,
  });
  const mailContext = { studioName: "AI Image Studio", appUrl: mailOrigin(config) };
  const notifications = createNotificationsService({
    db,
    context: mailContext,
    links: createUnsubscribeLinks({
      appUrl: mailContext.appUrl,
      secret: parts.appSecret,
      previousSecrets: config.previousAppSecrets,
    }),
  });
  const storageBudget = createStorageBudget({ db, limits: config.storageLimits });
  // Hourly alert rules on the first mail flush of each hour (any request's flushIfDue), so
  // they need not wait for the daily cron; tests call the checks with their own clock.
  const alertSource = createAlertMailSource({
    db,
    mail: { enqueue: (tx, request) => mail.enqueue(tx, request) },
    storage: () => storageBudget.usage(),
  });
  const mail: MailService = createMailService({
    db,
    mailer: parts.mailer ?? createMailer(config),
    from: config.mailer.from,
    context: mailContext,
    // Batched "your images are ready" mails are made when a flush finds them due.
    sources: config.nodeEnv === "test" ? [notifications] : [notifications, alertSource],
  });
  const cursors = createCursorCodec(parts.appSecret);
  return {
    config,
    database,
    kv,
    objectStore,
    adminUsers: createAdminUsersService({
      db,
      cursors,
      forgetEndedSessions: (sessionIds) => sessions.forgetEnded(sessionIds),
    }),
    adminAudit: createAdminAuditService({ db, cursors }),
    storageBudget,
    adminStats: createAdminStatsService({
      db,
      databaseKind: database.kind,
      storageLimits: config.storageLimits,
    }),
    adminTemplates: createAdminTemplatesService({ db, objectStore }),
    mail,
    notifications,
    push: createPushService({
      db,
      vapid: parts.vapid === undefined ? resolveVapidIdentity(config) : parts.vapid,
    }),
    systemSettings,
    auth,
    sessions,
    users,
    templates,
    providers,
    providerKeys,
    apiKeys: createApiKeysService({ db }),
    images,
    gallery: createGalleryService({ db, images, cursors: createCursorCodec(parts.appSecret) }),
    prompts: createPromptEnhancementService({
      db,
      kv,
      templates,
      enhancers: createPromptEnhancerCatalog(config),
      readGeminiKey: (input) => providerKeys.readGeminiKey(input),
      assertPromptAllowed: createPromptModerator(
        config.moderationBlocklist,
        async () => (await liveSettings()).moderationPhrases,
      ),
      perMinute: config.promptEnhancer.perMinute,
    }),
    generation: createGenerationService({
      db,
      kv,
      objectStore,
      providers,
      providerKeys,
      users,
      templates,
      assertPromptAllowed: createPromptModerator(
        config.moderationBlocklist,
        async () => (await liveSettings()).moderationPhrases,
      ),
      generatePerMinute: async (userId) =>
        generationsPerMinuteFor(await liveSettings(), await users.getUser({ userId })),
      assertStorageRoom: () => storageBudget.assertRoom(),
    }),
  };
}

const globalForServices = globalThis as typeof globalThis & { __aisServices?: Promise<Services> };

/** Installs the process's services (tests wire their own database and kv this way). */
export function provideServices(services: Services): void {
  globalForServices.__aisServices = Promise.resolve(services);
}

/**
 * The process's services, built once. Kept on globalThis so that dev hot reloads reuse the
 * one PGlite instance: two instances on one data directory would corrupt it.
 */
export function getServices(): Promise<Services> {
  globalForServices.__aisServices ??= (async () => {
    const config = getConfig();
    const database = await openDatabase(config);
    const services = createServices({
      config,
      database,
      kv: createKv(config),
      objectStore: createObjectStore(config),
      appSecret: resolveAppSecret(config),
    });
    // ADMIN_EMAILS at start-up: accounts that exist already become admins (audited).
    const promoted = await promoteConfiguredAdmins({
      db: database.db,
      adminEmails: config.adminEmails,
      audit: systemAuditContext("startup"),
    });
    if (promoted.length > 0) logger.info("ADMIN_EMAILS: accounts made admins", { promoted });
    return services;
  })().catch((error: unknown) => {
    globalForServices.__aisServices = undefined;
    throw error;
  });
  return globalForServices.__aisServices;
}
