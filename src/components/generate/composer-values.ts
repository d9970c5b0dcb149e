import { generateInputSchema, SEED_MAX, type GenerateInput } from "@/shared/schemas/images";
import type { AspectRatio, Quality } from "@/shared/schemas/settings";

export const PROMPT_MAX = 1000;
export const NEGATIVE_PROMPT_MAX = 500;
export const TAGS_MAX = 10;
export const TAG_LENGTH_MAX = 32;

/** The form as the user edits it (the seed is text: empty means random). */
export interface ComposerValues {
  prompt: string;
  negativePrompt: string;
  styleTemplateId: string | null;
  aspectRatio: AspectRatio;
  quality: Quality;
  seed: string;
  tags: string[];
  isPublic: boolean;
}

export type ComposerField = keyof ComposerValues;

export type ComposerParse =
  | { success: true; input: GenerateInput; seedFixed: boolean }
  | { success: false; fieldErrors: Partial<Record<ComposerField, string>> };

const SEED_MESSAGE = `Use a whole number from 0 to ${SEED_MAX}, or leave it empty for a random seed.`;

/** Checks the form with the shared schema; the result is what is sent (trimmed, tags deduplicated). */
export function parseComposerValues(values: ComposerValues): ComposerParse {
  const fieldErrors: Partial<Record<ComposerField, string>> = {};
  const seedText = values.seed.trim();
  let seed: number | undefined;
  if (seedText !== "") {
    if (/^\d{1,10}$/.test(seedText)) seed = Number(seedText);
    else fieldErrors.seed = SEED_MESSAGE;
  }
  const negativePrompt = values.negativePrompt.trim();
  const candidate = {
    prompt: values.prompt,
    ...(negativePrompt ? { negativePrompt } : {}),
    ...(values.styleTemplateId ? { styleTemplateId: values.styleTemplateId } : {}),
    aspectRatio: values.aspectRatio,
    quality: values.quality,
    ...(seed === undefined ? {} : { seed }),
    ...(values.tags.length > 0 ? { tags: values.tags } : {}),
    isPublic: values.isPublic,
  };
  const parsed = generateInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field !== "string" || !(field in values)) continue;
      const key = field as ComposerField;
      if (fieldErrors[key]) continue;
      fieldErrors[key] = key === "seed" ? SEED_MESSAGE : issue.message;
    }
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    return { success: false, fieldErrors };
  }
  return { success: true, input: parsed.data, seedFixed: seed !== undefined };
}

/** A random seed in the schema's range, for the dice button. */
export function randomSeed(random: () => number = Math.random): number {
  return Math.floor(random() * (SEED_MAX + 1));
}
