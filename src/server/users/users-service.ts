import "server-only";
import type { Profile, ProviderKeyInfo, Settings, User } from "@/shared/api-types";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import type { ProfilePatch, SettingsPatch } from "@/shared/schemas/settings";
import { writeAudit, type AuditContext } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import { notFound } from "@/server/http/app-error";
import { readQuota, type QuotaLimits } from "@/server/quotas/quota-service";
import {
  getProfileRow,
  getProviderKeyInfo,
  getSettingsRow,
  listProviderKeyInfo,
  updateProfileName,
  updateSettingsRow,
  type ProfileRow,
  type SettingsRow,
  type UserRow,
} from "./users-queries";

export function reshapeUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tier: row.tier,
    avatarUrl: row.avatarUrl,
    createdAt: row.createdAt.toISOString(),
    emailVerified: row.emailConfirmedAt !== null,
  };
}

export function reshapeSettings(
  row: SettingsRow,
  keys: { provider: ProviderKeyInfo["provider"]; last4: string; validatedAt: Date }[],
  /** The language to report while the account has not chosen one (the request's). */
  fallbackLocale: Locale = DEFAULT_LOCALE,
): Settings {
  return {
    emailNotifications: row.emailNotifications,
    defaultQuality: row.defaultQuality,
    defaultAspectRatio: row.defaultAspectRatio,
    autoSaveGallery: row.autoSaveGallery,
    enableOfflineCache: row.enableOfflineCache,
    defaultCount: row.defaultCount,
    providers: keys.map((key) => ({
      provider: key.provider,
      last4: key.last4,
      validatedAt: key.validatedAt.toISOString(),
    })),
    defaultProvider: row.defaultProvider,
    fallbackOrder: row.fallbackOrder,
    locale: row.locale ?? fallbackLocale,
  };
}

export interface UsersService {
  getUser(input: { userId: string }): Promise<User>;
  getProfile(input: { userId: string }): Promise<Profile>;
  getSettings(input: { userId: string; fallbackLocale?: Locale }): Promise<Settings>;
  updateSettings(input: {
    userId: string;
    patch: SettingsPatch;
    audit: AuditContext;
    fallbackLocale?: Locale;
  }): Promise<Settings>;
  /** The language the account chose, or null (then the request's cookie and browser decide). */
  getStoredLocale(input: { userId: string }): Promise<Locale | null>;
  updateProfile(input: { userId: string; patch: ProfilePatch; audit: AuditContext }): Promise<User>;
  /** The account's limits: its own overrides, else the live system defaults; admins have none. */
  quotaLimitsOf(row: ProfileRow): Promise<QuotaLimits>;
  getQuotaLimits(input: { userId: string }): Promise<QuotaLimits>;
}

export function createUsersService(deps: {
  db: Database;
  /** The limits of accounts without overrides (system settings, read through their cache). */
  defaultLimits: () => Promise<{ daily: number; monthly: number }>;
}): UsersService {
  const { db } = deps;

  async function profileRow(userId: string): Promise<UserRow> {
    const row = await getProfileRow({ db, userId });
    if (!row) throw notFound("Account");
    return row;
  }

  async function quotaLimitsOf(row: ProfileRow): Promise<QuotaLimits> {
    if (row.role === "admin") return { daily: null, monthly: null };
    const defaults = await deps.defaultLimits();
    return {
      daily: row.dailyLimitOverride ?? defaults.daily,
      monthly: row.monthlyLimitOverride ?? defaults.monthly,
    };
  }

  async function getSettings({
    userId,
    fallbackLocale,
  }: {
    userId: string;
    fallbackLocale?: Locale;
  }): Promise<Settings> {
    const [row, keys] = await Promise.all([
      getSettingsRow({ db, userId }),
      listProviderKeyInfo({ db, userId }),
    ]);
    if (!row) throw notFound("Settings");
    return reshapeSettings(row, keys, fallbackLocale);
  }

  return {
    quotaLimitsOf,
    async getQuotaLimits({ userId }) {
      return quotaLimitsOf(await profileRow(userId));
    },
    async getUser({ userId }) {
      return reshapeUser(await profileRow(userId));
    },
    async getProfile({ userId }) {
      const row = await profileRow(userId);
      const [settings, quota, key] = await Promise.all([
        getSettings({ userId }),
        quotaLimitsOf(row).then((limits) => readQuota({ db, userId, limits })),
        getProviderKeyInfo({ db, userId }),
      ]);
      return {
        user: reshapeUser(row),
        quota,
        settings,
        providerKey: key
          ? { provider: key.provider, last4: key.last4, validatedAt: key.validatedAt.toISOString() }
          : null,
      };
    },
    getSettings,
    async getStoredLocale({ userId }) {
      return (await getSettingsRow({ db, userId }))?.locale ?? null;
    },
    async updateSettings({ userId, patch, audit, fallbackLocale }) {
      const row = await db.transaction(async (tx) => {
        const updated = await updateSettingsRow({ db: tx, userId, patch });
        if (!updated) throw notFound("Settings");
        await writeAudit(
          tx,
          { action: "settings.update", actorId: userId, metadata: { fields: Object.keys(patch) } },
          audit,
        );
        return updated;
      });
      return reshapeSettings(row, await listProviderKeyInfo({ db, userId }), fallbackLocale);
    },
    async updateProfile({ userId, patch, audit }) {
      const row = await db.transaction(async (tx) => {
        const updated = await updateProfileName({ db: tx, userId, name: patch.name });
        if (!updated) throw notFound("Account");
        await writeAudit(tx, { action: "profile.update", actorId: userId }, audit);
        return updated;
      });
      return reshapeUser({ ...row, emailConfirmedAt: (await profileRow(userId)).emailConfirmedAt });
    },
  };
}
