import "server-only";
import { toStorableText } from "@/shared/schemas/text";
import { ENHANCED_PROMPT_MAX } from "@/shared/schemas/prompts";

// A label some models put first despite the instruction ("Enhanced prompt:", "**Prompt:**").
const LEADING_LABEL =
  /^(?:\*\*|__)?\s*(?:here(?:'s| is) (?:an? |the |your )?(?:enhanced |improved |rewritten |richer )?prompt|(?:enhanced|improved|rewritten|new) prompt|prompt)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*/i;
const WRAPPING_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ["“", "”"],
  ["'", "'"],
  ["«", "»"],
  ["`", "`"],
];

/**
 * The model's text as a prompt the studio accepts: label and wrapping quotes or code fences
 * removed, whitespace tidied, at most ENHANCED_PROMPT_MAX characters (cut at a sentence end,
 * else at a word), storable. Null when nothing is left.
 */
export function finishEnhancedPrompt(raw: string): string | null {
  let text = toStorableText(raw).replace(/\r\n?/g, "\n").trim();
  text = text
    .replace(/^```[a-z]*\n?/i, "")
    .replace(/\n?```$/, "")
    .trim();
  text = text.replace(LEADING_LABEL, "").trim();
  for (const [open, close] of WRAPPING_PAIRS) {
    if (text.length > 1 && text.startsWith(open) && text.endsWith(close)) {
      text = text.slice(open.length, -close.length).trim();
      break;
    }
  }
  text = text
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (text === "") return null;
  return cutToLength(text, ENHANCED_PROMPT_MAX);
}

function cutToLength(text: string, max: number): string {
  // Counted like the prompt schema counts (UTF-16 units); never split a surrogate pair.
  if (text.length <= max) return text;
  let head = text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  const sentenceEnd = Math.max(
    ...[". ", "! ", "? ", "。", ".\n", "!\n", "?\n"].map((mark) => head.lastIndexOf(mark)),
  );
  if (sentenceEnd >= max * 0.6) return head.slice(0, sentenceEnd + 1).trim();
  const space = head.search(/\s\S*$/);
  return (space >= max * 0.6 ? head.slice(0, space) : head).replace(/[\s,;:–—-]+$/, "").trim();
}
