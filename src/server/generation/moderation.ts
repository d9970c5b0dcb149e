import "server-only";
import { AppError } from "@/server/http/app-error";

/**
 * A first, cheap line before the provider's own safety filters: prompts naming clearly
 * disallowed content are refused without spending quota. Operators extend it with
 * MODERATION_BLOCKLIST and, live, with the admin settings' moderation phrases.
 */
const BUILT_IN = [
  "child sexual",
  "child porn",
  "csam",
  "underage nude",
  "underage sex",
  "loli hentai",
  "sexualized minor",
  "bestiality",
  "non-consensual porn",
  "revenge porn",
  "snuff",
];

/**
 * The moderator: the built-in list, the operator's MODERATION_BLOCKLIST and the admins' live
 * phrases (system settings, read on each call through their cache).
 */
export function createPromptModerator(
  extra: string[],
  livePhrases: () => Promise<string[]> = async () => [],
) {
  const fixed = [...BUILT_IN, ...extra].map(patternOf).filter((pattern) => pattern !== null);
  // The live list changes rarely: its patterns are rebuilt only when it does.
  let live: { key: string; patterns: RegExp[] } = { key: "", patterns: [] };
  return async function assertPromptAllowed(
    ...texts: (string | null | undefined)[]
  ): Promise<void> {
    const phrases = await livePhrases();
    const key = phrases.join("\n");
    if (key !== live.key)
      live = { key, patterns: phrases.map(patternOf).filter((pattern) => pattern !== null) };
    const text = texts.filter(Boolean).join("\n").normalize("NFKC");
    if ([...fixed, ...live.patterns].some((pattern) => pattern.test(text))) {
      throw new AppError(
        "CONTENT_BLOCKED",
        "This prompt asks for content the studio does not make. Rephrase it and try again.",
        { reason: "PROMPT_BLOCKLIST" },
      );
    }
  };
}

function patternOf(phrase: string): RegExp | null {
  const words = phrase.trim().toLowerCase();
  if (!words) return null;
  return new RegExp(
    `(^|[^\\p{L}\\p{N}])${escape(words).replace(/\s+/g, "[\\s_-]+")}($|[^\\p{L}\\p{N}])`,
    "iu",
  );
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
