import { z } from "zod";
import { ASPECT_RATIOS, BATCH_COUNTS, KEY_PROVIDERS, QUALITIES, TEXT_RULES } from "@/shared/limits";
import { LOCALES } from "@/i18n/locales";
import { ruleString } from "./text";

export { ASPECT_RATIOS, QUALITIES };
export type { AspectRatio, Quality } from "@/shared/limits";

export const aspectRatioSchema = z.enum(ASPECT_RATIOS);
export const qualitySchema = z.enum(QUALITIES);
export const keyProviderSchema = z.enum(KEY_PROVIDERS, {
  error: 'Choose "gemini" or "cloudflare".',
});

export const settingsPatchSchema = z
  .object({
    emailNotifications: z.boolean(),
    defaultQuality: qualitySchema,
    defaultAspectRatio: aspectRatioSchema,
    autoSaveGallery: z.boolean(),
    enableOfflineCache: z.boolean(),
    defaultCount: z
      .number({ error: "defaultCount is a whole number from 1 to 4." })
      .int({ error: "defaultCount is a whole number from 1 to 4." })
      .min(1, { error: "defaultCount is a whole number from 1 to 4." })
      .max(BATCH_COUNTS.length, { error: "defaultCount is a whole number from 1 to 4." }),
    // null: no choice of its own; pages follow the locale cookie, then the browser.
    locale: z.enum(LOCALES, { error: 'locale is "en" or "id" (or null).' }).nullable(),
    defaultProvider: keyProviderSchema,
    fallbackOrder: z
      .array(keyProviderSchema)
      .max(KEY_PROVIDERS.length)
      .refine((list) => new Set(list).size === list.length, {
        error: "Name each provider at most once in the fallback order.",
      }),
  })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, {
    error: "Send at least one setting to change.",
  });
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const profilePatchSchema = z
  .object({
    name: ruleString(TEXT_RULES.name),
  })
  .strict();
export type ProfilePatch = z.infer<typeof profilePatchSchema>;

export const providerKeyInputSchema = z.discriminatedUnion(
  "provider",
  [
    z
      .object({
        provider: z.literal("gemini"),
        apiKey: ruleString(TEXT_RULES.providerKey, { error: "Paste your Gemini API key." }),
      })
      .strict(),
    z
      .object({
        provider: z.literal("cloudflare"),
        apiKey: ruleString(TEXT_RULES.cloudflareToken, {
          error: "Paste your Cloudflare API token.",
        }),
        accountId: ruleString(TEXT_RULES.cloudflareAccountId, {
          error: "Paste your Cloudflare account id.",
        }),
      })
      .strict(),
  ],
  { error: 'provider is "gemini" or "cloudflare".' },
);
export type ProviderKeyInput = z.infer<typeof providerKeyInputSchema>;

/** DELETE /settings/provider-key?provider=… (no query: gemini, as before). */
export const providerKeyDeleteQuerySchema = z
  .object({ provider: keyProviderSchema.default("gemini") })
  .strict();
