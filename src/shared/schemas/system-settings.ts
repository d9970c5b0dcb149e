import { z } from "zod";
import {
  REGISTRATION_MODES,
  SYSTEM_SETTING_LIMITS,
  SYSTEM_SETTING_TEXT,
  type SystemSettings,
} from "@/shared/system-settings";
import { emailSchema } from "./auth";
import { ruleString } from "./text";

const limit = (label: string) =>
  z
    .number({ error: `${label} must be a whole number.` })
    .int({ error: `${label} must be a whole number.` })
    .min(SYSTEM_SETTING_LIMITS.limit.min, { error: `${label} cannot be negative.` })
    .max(SYSTEM_SETTING_LIMITS.limit.max, {
      error: `${label} is at most ${SYSTEM_SETTING_LIMITS.limit.max}.`,
    });

const perMinute = (label: string) =>
  z
    .number({ error: `${label} must be a whole number.` })
    .int({ error: `${label} must be a whole number.` })
    .min(SYSTEM_SETTING_LIMITS.generationsPerMinute.min, { error: `${label} is at least 1.` })
    .max(SYSTEM_SETTING_LIMITS.generationsPerMinute.max, {
      error: `${label} is at most ${SYSTEM_SETTING_LIMITS.generationsPerMinute.max}.`,
    });

/** Duplicates (after trimming and lower-casing) are dropped, first one kept. */
const uniqueList = <T extends string>(items: T[]) => [...new Set(items)];

/** Every field of the settings, each checked on its own (a stored row is read through these too). */
export const systemSettingFields = {
  registration: z.enum(REGISTRATION_MODES, {
    error: "Registration is open, invite or closed.",
  }),
  invitedEmails: z
    .array(emailSchema)
    .max(SYSTEM_SETTING_LIMITS.invitedEmails, {
      error: `At most ${SYSTEM_SETTING_LIMITS.invitedEmails} invited addresses.`,
    })
    .transform(uniqueList),
  defaultDailyLimit: limit("The daily limit"),
  defaultMonthlyLimit: limit("The monthly limit"),
  requireEmailVerification: z.boolean(),
  privateImageRetentionDays: z
    .number({ error: "Retention is a whole number of days, or null to keep images." })
    .int({ error: "Retention is a whole number of days." })
    .min(SYSTEM_SETTING_LIMITS.retentionDays.min, {
      error: `Keep images at least ${SYSTEM_SETTING_LIMITS.retentionDays.min} days (a warning goes out 7 days ahead).`,
    })
    .max(SYSTEM_SETTING_LIMITS.retentionDays.max, {
      error: `At most ${SYSTEM_SETTING_LIMITS.retentionDays.max} days.`,
    })
    .nullable(),
  auditRetentionDays: z
    .number({ error: "Audit retention is a whole number of days." })
    .int({ error: "Audit retention is a whole number of days." })
    .min(SYSTEM_SETTING_LIMITS.auditRetentionDays.min, {
      error: `Keep the audit log at least ${SYSTEM_SETTING_LIMITS.auditRetentionDays.min} days.`,
    })
    .max(SYSTEM_SETTING_LIMITS.auditRetentionDays.max, {
      error: `At most ${SYSTEM_SETTING_LIMITS.auditRetentionDays.max} days.`,
    }),
  // An empty message is no message.
  maintenanceMessage: ruleString(SYSTEM_SETTING_TEXT.maintenanceMessage)
    .nullable()
    .transform((value) => (value ? value : null)),
  moderationPhrases: z
    .array(ruleString(SYSTEM_SETTING_TEXT.moderationPhrase).toLowerCase())
    .max(SYSTEM_SETTING_LIMITS.moderationPhrases, {
      error: `At most ${SYSTEM_SETTING_LIMITS.moderationPhrases} phrases.`,
    })
    .transform(uniqueList),
  userGenerationsPerMinute: perMinute("The limit for accounts"),
  supporterGenerationsPerMinute: perMinute("The limit for supporters"),
  adminGenerationsPerMinute: perMinute("The limit for admins"),
} satisfies { [K in keyof SystemSettings]: z.ZodType<SystemSettings[K], unknown> };

export const systemSettingsPatchSchema = z
  .object(systemSettingFields)
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, {
    error: "Send at least one setting to change.",
  });
export type SystemSettingsPatch = z.infer<typeof systemSettingsPatchSchema>;
