import { z } from "zod";
import { isStorableText, type TextRule, UNSAFE_TEXT_MESSAGE } from "@/shared/limits";

export { isStorableText, UNSAFE_TEXT_MESSAGE };

/**
 * The one text schema every free-text input starts from (names, prompts, tags, descriptions,
 * search terms, passwords). Postgres refuses U+0000 in text and a lone UTF-16 surrogate cannot
 * be encoded as UTF-8, so such input would pass validation and fail later (after the provider
 * was paid). It is refused here, before anything is spent, with a clear VALIDATION_ERROR.
 *
 * Returns a Zod string so callers chain `.trim().min().max()` as usual. The check itself lives
 * in shared/limits, which the browser imports without zod.
 */
export function safeString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isStorableText, { error: UNSAFE_TEXT_MESSAGE, abort: true });
}

/**
 * A text field built from its rule in shared/limits (the one place its limits and messages are
 * written; the browser checks the same rule without zod).
 */
export function ruleString(rule: TextRule, params?: Parameters<typeof z.string>[0]) {
  let schema = safeString(params);
  if (rule.trim) schema = schema.trim();
  if (rule.lowercase) schema = schema.toLowerCase();
  if (rule.min) schema = schema.min(rule.min[0], { error: rule.min[1] });
  const [max, tooLong] = rule.max;
  schema = tooLong ? schema.max(max, { error: tooLong }) : schema.max(max);
  if (rule.pattern) schema = schema.regex(rule.pattern[0], { error: rule.pattern[1] });
  return schema;
}

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text with each NUL or unpaired surrogate replaced by U+FFFD: for text we record but do
 * not refuse the request over (headers such as User-Agent).
 */
export function toStorableText(value: string): string {
  return value.replace(UNSTORABLE, "\uFFFD");
}
