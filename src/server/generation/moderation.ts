import "server-only";
import { AppError } from "@/server/http/app-error";

/**
 * A first, cheap line before the provider's own safety filters: prompts naming clearly
 * disallowed content are refused without spending quota. Operators extend it with
 * MODERATION_BLOCKLIST.
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

export function createPromptModerator(extra: string[]) {
  const phrases = [...BUILT_IN, ...extra.map((phrase) => phrase.toLowerCase())].filter(Boolean);
  const patterns = phrases.map(
    (phrase) =>
      new RegExp(
        `(^|[^\\p{L}\\p{N}])${escape(phrase).replace(/\s+/g, "[\\s_-]+")}($|[^\\p{L}\\p{N}])`,
        "iu",
      ),
  );
  return function assertPromptAllowed(...texts: (string | null | undefined)[]): void {
    const text = texts.filter(Boolean).join("\n").normalize("NFKC");
    if (patterns.some((pattern) => pattern.test(text))) {
      throw new AppError(
        "CONTENT_BLOCKED",
        "This prompt asks for content the studio does not make. Rephrase it and try again.",
        { reason: "PROMPT_BLOCKLIST" },
      );
    }
  };
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
