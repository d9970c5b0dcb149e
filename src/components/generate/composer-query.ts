import {
  isAspectRatio,
  isBatchCount,
  isQuality,
  SEED_MAX,
  textOrUndefined,
  TEXT_RULES,
} from "@/shared/limits";
import { NEGATIVE_PROMPT_MAX, PROMPT_MAX, TAGS_MAX, type ComposerValues } from "./composer-values";

/** The query parameters "Use these settings" links carry to /generate. */
export const COMPOSER_QUERY_KEYS = [
  "prompt",
  "negativePrompt",
  "aspectRatio",
  "quality",
  "seed",
  "styleTemplateId",
  "tags",
  "count",
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The form values a /generate link asks for. A link is typed by anyone, so each value is
 * checked on its own: one that does not fit is dropped and the form keeps its default.
 */
export function composerValuesFromQuery(query: URLSearchParams): Partial<ComposerValues> {
  const values: Partial<ComposerValues> = {};
  const prompt = query.get("prompt");
  if (prompt && prompt.trim()) values.prompt = prompt.slice(0, PROMPT_MAX);
  const negativePrompt = query.get("negativePrompt");
  if (negativePrompt && negativePrompt.trim())
    values.negativePrompt = negativePrompt.slice(0, NEGATIVE_PROMPT_MAX);
  const aspectRatio = query.get("aspectRatio");
  if (isAspectRatio(aspectRatio)) values.aspectRatio = aspectRatio;
  const quality = query.get("quality");
  if (isQuality(quality)) values.quality = quality;
  const seed = query.get("seed");
  if (seed && /^\d{1,10}$/.test(seed) && Number(seed) <= SEED_MAX) values.seed = seed;
  const template = query.get("styleTemplateId");
  if (template && UUID.test(template)) values.styleTemplateId = template.toLowerCase();
  const count = Number(query.get("count"));
  if (isBatchCount(count)) values.count = count;
  const tags = query.get("tags");
  if (tags) {
    const valid = [
      ...new Set(
        tags
          .split(",")
          .map((tag) => textOrUndefined(TEXT_RULES.tag, tag))
          .flatMap((tag) => (tag === undefined ? [] : [tag])),
      ),
    ].slice(0, TAGS_MAX);
    if (valid.length > 0) values.tags = valid;
  }
  return values;
}

/** Whether the values include one that lives behind the "Advanced" disclosure. */
export function touchesAdvancedFields(values: Partial<ComposerValues>): boolean {
  return Boolean(values.negativePrompt || values.seed || values.tags?.length);
}
