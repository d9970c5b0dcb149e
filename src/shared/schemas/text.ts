import { z } from "zod";

/**
 * The one text schema every free-text input starts from (names, prompts, tags, descriptions,
 * search terms, passwords). Postgres refuses U+0000 in text and a lone UTF-16 surrogate cannot
 * be encoded as UTF-8, so such input would pass validation and fail later (after the provider
 * was paid). It is refused here, before anything is spent, with a clear VALIDATION_ERROR.
 *
 * Returns a Zod string so callers chain `.trim().min().max()` as usual.
 */
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE =
  "Text may not contain NUL characters (\\u0000) or unpaired UTF-16 surrogates.";

/** True when Postgres can store the string as text (no NUL, no unpaired surrogate). */
export function isStorableText(value: string): boolean {
  return !NUL.test(value) && !LONE_SURROGATE.test(value);
}

export function safeString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isStorableText, { error: UNSAFE_TEXT_MESSAGE, abort: true });
}

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text with each NUL or unpaired surrogate replaced by U+FFFD: for text we record but do
 * not refuse the request over (headers such as User-Agent).
 */
export function toStorableText(value: string): string {
  return value.replace(UNSTORABLE, "\uFFFD");
}
