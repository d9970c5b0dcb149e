"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiClientError } from "@/lib/api/errors";
import {
  DATE_RANGE_MESSAGE,
  TAGS_MAX,
  TAGS_MAX_MESSAGE,
  TEXT_RULES,
  UNSAFE_TEXT_MESSAGE,
} from "@/shared/limits";

/**
 * A field's problem as the forms meet it: the English message of a shared rule (checkFormFields,
 * checkText, an API VALIDATION_ERROR issue's `message`), or a zod issue with its code and
 * bounds. The schemas' English stays the API's contract; this only changes what is shown.
 */
export type FieldIssue =
  | string
  | {
      message: string;
      code?: string;
      minimum?: number | bigint;
      maximum?: number | bigint;
      origin?: string;
      format?: string;
    };

export type FieldIssueKey = { key: ValidationKey; values?: Record<string, number> };

// Every key of the `validation` catalogue spelled out once, so that tsc checks each against it.
type ValidationKey =
  | "required"
  | "invalid"
  | "tooShort"
  | "tooLong"
  | "wholeNumber"
  | "tooSmall"
  | "tooBig"
  | "unsafeText"
  | "email.invalid"
  | "email.tooLong"
  | "email.confirm"
  | "name.required"
  | "password.required"
  | "prompt.required"
  | "prompt.tooLong"
  | "prompt.enhance"
  | "negativePrompt.tooLong"
  | "seed.wholeNumber"
  | "tag.required"
  | "tag.tooLong"
  | "tag.pattern"
  | "tag.tooMany"
  | "search.tooLong"
  | "collectionName.required"
  | "apiKey.nameRequired"
  | "apiKey.scopeRequired"
  | "cloudflareAccountId.required"
  | "cloudflareAccountId.invalid"
  | "cloudflareToken.tooShort"
  | "cloudflareToken.tooLong"
  | "providerKey.tooShort"
  | "providerKey.tooLong"
  | "date.format"
  | "date.range";

const max = (rule: { readonly max: readonly [number, string?] }) => ({ max: rule.max[0] });

/**
 * The shared rules' English messages, read from the rules themselves (shared/limits), so a
 * changed limit or wording still finds its translation; a few schema-only ones are spelled here.
 */
const KNOWN_MESSAGES = new Map<string, FieldIssueKey>([
  [UNSAFE_TEXT_MESSAGE, { key: "unsafeText" }],
  [TEXT_RULES.email.max[1], { key: "email.tooLong" }],
  [TEXT_RULES.email.pattern[1], { key: "email.invalid" }],
  [TEXT_RULES.loginPassword.min[1], { key: "password.required" }],
  [TEXT_RULES.name.min[1], { key: "name.required" }],
  [TEXT_RULES.prompt.min[1], { key: "prompt.required" }],
  [TEXT_RULES.prompt.max[1], { key: "prompt.tooLong", values: max(TEXT_RULES.prompt) }],
  [
    TEXT_RULES.negativePrompt.max[1],
    { key: "negativePrompt.tooLong", values: max(TEXT_RULES.negativePrompt) },
  ],
  [TEXT_RULES.tag.min[1], { key: "tag.required" }],
  [TEXT_RULES.tag.max[1], { key: "tag.tooLong", values: max(TEXT_RULES.tag) }],
  [TEXT_RULES.tag.pattern[1], { key: "tag.pattern" }],
  [TAGS_MAX_MESSAGE, { key: "tag.tooMany", values: { max: TAGS_MAX } }],
  [TEXT_RULES.search.max[1], { key: "search.tooLong", values: max(TEXT_RULES.search) }],
  [TEXT_RULES.collectionName.min[1], { key: "collectionName.required" }],
  [TEXT_RULES.apiKeyName.min[1], { key: "apiKey.nameRequired" }],
  [TEXT_RULES.cloudflareAccountId.min[1], { key: "cloudflareAccountId.required" }],
  [TEXT_RULES.cloudflareAccountId.pattern[1], { key: "cloudflareAccountId.invalid" }],
  [TEXT_RULES.cloudflareToken.min[1], { key: "cloudflareToken.tooShort" }],
  [TEXT_RULES.cloudflareToken.max[1], { key: "cloudflareToken.tooLong" }],
  [TEXT_RULES.providerKey.min[1], { key: "providerKey.tooShort" }],
  [TEXT_RULES.providerKey.max[1], { key: "providerKey.tooLong" }],
  [DATE_RANGE_MESSAGE, { key: "date.range" }],
  ["Use a date like 2026-01-31.", { key: "date.format" }],
  ["Type your email address to confirm.", { key: "email.confirm" }],
  ["Write a prompt to enhance.", { key: "prompt.enhance" }],
  ["Choose at least one scope.", { key: "apiKey.scopeRequired" }],
  ["The seed is a whole number.", { key: "seed.wholeNumber" }],
]);

/** The shared rules' generic length messages ("Use at most 80 characters."). */
const LENGTH_MESSAGES: readonly [RegExp, (bound: number) => FieldIssueKey][] = [
  [/^Use at least (\d+) characters\.$/, (min) => ({ key: "tooShort", values: { min } })],
  [/^Use at most (\d+) characters\.$/, (max) => ({ key: "tooLong", values: { max } })],
];

function fromMessage(message: string): FieldIssueKey | null {
  const known = KNOWN_MESSAGES.get(message);
  if (known) return known;
  for (const [pattern, translated] of LENGTH_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return translated(Number(match[1]));
  }
  return null;
}

/** A zod issue by its code and bounds, for a message none of the rules wrote. */
function fromZodIssue(issue: Exclude<FieldIssue, string>): FieldIssueKey | null {
  const bound = (value: number | bigint | undefined) => Number(value ?? 0);
  switch (issue.code) {
    case "too_small": {
      const min = bound(issue.minimum);
      if (issue.origin === "string") {
        return min <= 1 ? { key: "required" } : { key: "tooShort", values: { min } };
      }
      if (issue.origin === "array" || issue.origin === "set") return { key: "required" };
      return { key: "tooSmall", values: { min } };
    }
    case "too_big": {
      const max = bound(issue.maximum);
      return issue.origin === "string"
        ? { key: "tooLong", values: { max } }
        : { key: "tooBig", values: { max } };
    }
    case "invalid_format":
      return issue.format === "email" ? { key: "email.invalid" } : { key: "invalid" };
    case "invalid_type":
    case "invalid_value":
      return { key: "invalid" };
    default:
      return null;
  }
}

/** The `validation` message (and its values) for a field's problem, or null when none fits. */
export function fieldIssueKey(issue: FieldIssue): FieldIssueKey | null {
  if (typeof issue === "string") return fromMessage(issue);
  return fromMessage(issue.message) ?? fromZodIssue(issue);
}

/**
 * What to show under a field, in the person's language: `fieldErrorText(issue)` takes the
 * English message a shared rule or the API gave (or a zod issue) and returns its translation;
 * a message the catalogue does not know is shown as it is. In English the message is returned
 * unchanged, so English screens (and the tests reading them) see exactly the rules' wording.
 */
export function useFieldErrorText(): (issue: FieldIssue | null | undefined) => string | undefined {
  const t = useTranslations("validation");
  const locale = useLocale();
  return useCallback(
    (issue) => {
      if (issue == null) return undefined;
      const message = typeof issue === "string" ? issue : issue.message;
      if (locale === "en" && message) return message;
      const translated = fieldIssueKey(issue);
      return translated ? t(translated.key, translated.values) : message;
    },
    [locale, t],
  );
}

/**
 * A VALIDATION_ERROR's field issues (ApiClientError.fieldErrors: first message per field),
 * translated; an empty record for any other error.
 */
export function useFieldErrors(): (error: unknown) => Record<string, string> {
  const fieldErrorText = useFieldErrorText();
  return useCallback(
    (error) => {
      if (!(error instanceof ApiClientError)) return {};
      const result: Record<string, string> = {};
      for (const [field, message] of Object.entries(error.fieldErrors())) {
        result[field] = fieldErrorText(message) ?? message;
      }
      return result;
    },
    [fieldErrorText],
  );
}
