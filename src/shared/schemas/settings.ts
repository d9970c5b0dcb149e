import { z } from "zod";
import { safeString } from "./text";

export const ASPECT_RATIOS = ["1:1", "16:9", "9:16", "4:3", "3:4"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];
export const QUALITIES = ["standard", "high"] as const;
export type Quality = (typeof QUALITIES)[number];

export const aspectRatioSchema = z.enum(ASPECT_RATIOS);
export const qualitySchema = z.enum(QUALITIES);

export const settingsPatchSchema = z
  .object({
    emailNotifications: z.boolean(),
    defaultQuality: qualitySchema,
    defaultAspectRatio: aspectRatioSchema,
    autoSaveGallery: z.boolean(),
    enableOfflineCache: z.boolean(),
  })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, {
    error: "Send at least one setting to change.",
  });
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const profilePatchSchema = z
  .object({
    name: safeString()
      .trim()
      .min(1, { error: "Enter your name." })
      .max(80, { error: "Use at most 80 characters." }),
  })
  .strict();
export type ProfilePatch = z.infer<typeof profilePatchSchema>;

export const providerKeyInputSchema = z
  .object({
    provider: z.literal("gemini", { error: "Only Gemini keys are supported." }),
    apiKey: safeString({ error: "Paste your Gemini API key." })
      .trim()
      .min(20, { error: "That key is too short to be a Gemini API key." })
      .max(200, { error: "That key is too long to be a Gemini API key." }),
  })
  .strict();
export type ProviderKeyInput = z.infer<typeof providerKeyInputSchema>;
