import "server-only";
import { inArray, sql } from "drizzle-orm";
import { writeAudit, type AuditContext } from "@/server/audit/audit-log";
import type { AppConfig } from "@/server/config/env";
import type { Database } from "@/server/db/database";
import { systemSettings } from "@/server/db/schema";
import { logger } from "@/server/observability/logger";
import { systemSettingFields, type SystemSettingsPatch } from "@/shared/schemas/system-settings";
import { SYSTEM_SETTING_KEYS, type SystemSettings } from "@/shared/system-settings";

type Overrides = Partial<SystemSettings>;

/** What the environment says when the database says nothing (read each time: tests change it). */
export function settingsDefaultsOf(config: AppConfig): SystemSettings {
  return {
    registration: "open",
    invitedEmails: [],
    defaultDailyLimit: config.limits.dailyGenerations,
    defaultMonthlyLimit: config.limits.monthlyGenerations,
    requireEmailVerification: config.requireEmailVerification,
    privateImageRetentionDays: null,
    auditRetentionDays: 365,
    maintenanceMessage: null,
    moderationPhrases: [],
    // GENERATE_RATE_LIMIT_PER_MINUTE for everyone; supporters and admins get more room.
    userGenerationsPerMinute: config.limits.generatePerMinute,
    supporterGenerationsPerMinute: config.limits.generatePerMinute * 2,
    adminGenerationsPerMinute: config.limits.generatePerMinute * 6,
  };
}

export interface SystemSettingsService {
  /** The settings in force: this instance's copy, at most `cacheMs` old. */
  get(): Promise<SystemSettings>;
  /** Changes some settings and records each change (old and new value) in the audit log. */
  update(input: {
    actorId: string;
    patch: SystemSettingsPatch;
    audit: AuditContext;
  }): Promise<SystemSettings>;
}

/**
 * Settings live in `system_settings` (one row per field, the value as JSON). Every instance
 * keeps what it read for `cacheMs`: a change made on another instance is seen within that
 * time, with no restart; the instance that made it sees it at once.
 */
export function createSystemSettingsService(deps: {
  db: Database;
  defaults: () => SystemSettings;
  cacheMs: number;
  now?: () => number;
}): SystemSettingsService {
  const now = deps.now ?? Date.now;
  let cached: { overrides: Overrides; expiresAt: number } | null = null;
  let loading: Promise<Overrides> | null = null;

  async function overrides(): Promise<Overrides> {
    if (cached && now() < cached.expiresAt) return cached.overrides;
    // Requests arriving together share one read.
    loading ??= readOverrides(deps.db)
      .then((read) => {
        cached = { overrides: read, expiresAt: now() + deps.cacheMs };
        return read;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  return {
    async get() {
      return { ...deps.defaults(), ...(await overrides()) };
    },
    async update({ actorId, patch, audit }) {
      const next = await deps.db.transaction(async (tx) => {
        const before = { ...deps.defaults(), ...(await readOverrides(tx)) };
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        for (const key of SYSTEM_SETTING_KEYS) {
          if (!(key in patch)) continue;
          const value = patch[key];
          if (JSON.stringify(value) === JSON.stringify(before[key])) continue;
          changes[key] = { from: before[key], to: value };
          // As JSON text: a null setting is the JSON null, not SQL's (the column is not null).
          const json = sql`${JSON.stringify(value)}::jsonb`;
          await tx
            .insert(systemSettings)
            .values({ key, value: json, updatedBy: actorId })
            .onConflictDoUpdate({
              target: systemSettings.key,
              set: { value: json, updatedBy: actorId },
            });
        }
        if (Object.keys(changes).length > 0) {
          // None of these settings is a secret: old and new values are recorded as they are.
          await writeAudit(
            tx,
            {
              action: "admin.settings_update",
              actorId,
              targetType: "system_settings",
              metadata: { fields: Object.keys(changes), changes },
            },
            audit,
          );
        }
        return { ...before, ...patch };
      });
      cached = null;
      return next;
    },
  };
}

/** The stored values, each checked with its field's schema; an unknown or broken row is skipped. */
async function readOverrides(db: Database): Promise<Overrides> {
  const rows = await db
    .select({ key: systemSettings.key, value: systemSettings.value })
    .from(systemSettings)
    .where(inArray(systemSettings.key, [...SYSTEM_SETTING_KEYS]));
  const result: Record<string, unknown> = {};
  for (const row of rows) {
    const key = row.key as keyof SystemSettings;
    const parsed = systemSettingFields[key].safeParse(row.value);
    if (parsed.success) result[key] = parsed.data;
    else logger.warn("system setting ignored: stored value is invalid", { key });
  }
  return result as Overrides;
}
