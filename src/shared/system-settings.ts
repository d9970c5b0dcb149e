import type { TextRule } from "@/shared/limits";

/**
 * The studio's live settings (GET/PATCH /api/v1/admin/settings). Stored in the database,
 * environment variables are their defaults; isomorphic: the admin form checks the same limits.
 */
export const REGISTRATION_MODES = ["open", "invite", "closed"] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

export interface SystemSettings {
  /** open: anyone signs up; invite: only the addresses in invitedEmails; closed: nobody. */
  registration: RegistrationMode;
  /** Who may sign up while registration is "invite" (lower-cased addresses). */
  invitedEmails: string[];
  defaultDailyLimit: number;
  defaultMonthlyLimit: number;
  requireEmailVerification: boolean;
  /** Stored for the retention job; null: private images are kept. */
  privateImageRetentionDays: number | null;
  /** Audit log entries older than this many days are pruned by the daily cron. */
  auditRetentionDays: number;
  /** A banner on every page while set. */
  maintenanceMessage: string | null;
  /** Refused in prompts on top of the built-in list and MODERATION_BLOCKLIST. */
  moderationPhrases: string[];
  /** Images a minute each account may start, by role: a plain account, a supporter, an admin. */
  userGenerationsPerMinute: number;
  supporterGenerationsPerMinute: number;
  adminGenerationsPerMinute: number;
}

export const SYSTEM_SETTING_KEYS = [
  "registration",
  "invitedEmails",
  "defaultDailyLimit",
  "defaultMonthlyLimit",
  "requireEmailVerification",
  "privateImageRetentionDays",
  "auditRetentionDays",
  "maintenanceMessage",
  "moderationPhrases",
  "userGenerationsPerMinute",
  "supporterGenerationsPerMinute",
  "adminGenerationsPerMinute",
] as const satisfies readonly (keyof SystemSettings)[];

export const SYSTEM_SETTING_LIMITS = {
  limit: { min: 0, max: 1_000_000 },
  retentionDays: { min: 7, max: 3650 },
  auditRetentionDays: { min: 30, max: 3650 },
  invitedEmails: 500,
  moderationPhrases: 200,
  generationsPerMinute: { min: 1, max: 600 },
} as const;

/** Which of the per-minute generation limits applies to an account. */
export function generationsPerMinuteFor(
  settings: SystemSettings,
  account: { role: "user" | "admin"; tier: "free" | "supporter" },
): number {
  if (account.role === "admin") return settings.adminGenerationsPerMinute;
  if (account.tier === "supporter") return settings.supporterGenerationsPerMinute;
  return settings.userGenerationsPerMinute;
}

export const SYSTEM_SETTING_TEXT = {
  maintenanceMessage: {
    trim: true,
    max: [280, "Keep the banner under 280 characters."],
  },
  moderationPhrase: {
    trim: true,
    min: [2, "A phrase needs at least 2 characters."],
    max: [100, "Keep each phrase under 100 characters."],
  },
} as const satisfies Record<string, TextRule>;
