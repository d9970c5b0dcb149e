import {
  checkText,
  isUuid,
  SEED_MAX,
  TAGS_MAX,
  TAGS_MAX_MESSAGE,
  TEXT_RULES,
  type AspectRatio,
  type BatchCount,
  type Quality,
} from "@/shared/limits";
import type { GenerateInput } from "@/shared/schemas/images";

export { TAGS_MAX };
export const PROMPT_MAX = TEXT_RULES.prompt.max[0];
export const NEGATIVE_PROMPT_MAX = TEXT_RULES.negativePrompt.max[0];
export const TAG_LENGTH_MAX = TEXT_RULES.tag.max[0];

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
  /** Images to make from the prompt, 1..4. */
  count: BatchCount;
}

export type ComposerField = keyof ComposerValues;

export type ComposerParse =
  | { success: true; input: GenerateInput; seedFixed: boolean }
  | { success: false; fieldErrors: Partial<Record<ComposerField, string>> };

/** The composer's own field errors, in the reader's language (English by default). */
export interface ComposerMessages {
  seed: string;
  styleTemplateId: string;
}

const ENGLISH_MESSAGES: ComposerMessages = {
  seed: `Use a whole number from 0 to ${SEED_MAX}, or leave it empty for a random seed.`,
  styleTemplateId: "Not a valid template id.",
};

/**
 * Checks the form with the limits the API's schema is built from (shared/limits, no zod in the
 * browser); the result is what is sent (trimmed, tags lower-cased and deduplicated). The text
 * rules' messages (prompt, negative prompt, tags) are shared/limits' own.
 */
export function parseComposerValues(
  values: ComposerValues,
  messages: ComposerMessages = ENGLISH_MESSAGES,
): ComposerParse {
  const fieldErrors: Partial<Record<ComposerField, string>> = {};
  const seedText = values.seed.trim();
  let seed: number | undefined;
  if (seedText !== "") {
    if (/^\d{1,10}$/.test(seedText) && Number(seedText) <= SEED_MAX) seed = Number(seedText);
    else fieldErrors.seed = messages.seed;
  }
  const prompt = checkText(TEXT_RULES.prompt, values.prompt);
  if (!prompt.ok) fieldErrors.prompt = prompt.error;
  const negativePrompt = checkText(TEXT_RULES.negativePrompt, values.negativePrompt);
  if (!negativePrompt.ok) fieldErrors.negativePrompt = negativePrompt.error;
  if (values.styleTemplateId && !isUuid(values.styleTemplateId)) {
    fieldErrors.styleTemplateId = messages.styleTemplateId;
  }
  const tags: string[] = [];
  for (const tag of values.tags) {
    const checked = checkText(TEXT_RULES.tag, tag);
    if (!checked.ok) {
      fieldErrors.tags ??= checked.error;
    } else if (!tags.includes(checked.value)) tags.push(checked.value);
  }
  if (values.tags.length > TAGS_MAX) fieldErrors.tags ??= TAGS_MAX_MESSAGE;
  if (!prompt.ok || !negativePrompt.ok || Object.keys(fieldErrors).length > 0) {
    return { success: false, fieldErrors };
  }
  const input: GenerateInput = {
    prompt: prompt.value,
    ...(negativePrompt.value ? { negativePrompt: negativePrompt.value } : {}),
    ...(values.styleTemplateId ? { styleTemplateId: values.styleTemplateId } : {}),
    aspectRatio: values.aspectRatio,
    quality: values.quality,
    ...(seed === undefined ? {} : { seed }),
    ...(tags.length > 0 ? { tags } : {}),
    isPublic: values.isPublic,
    ...(values.count > 1 ? { count: values.count } : {}),
  };
  return { success: true, input, seedFixed: seed !== undefined };
}

/** A random seed in the schema's range, for the dice button. */
export function randomSeed(random: () => number = Math.random): number {
  return Math.floor(random() * (SEED_MAX + 1));
}
