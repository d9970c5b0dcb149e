import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import en from "@/i18n/messages/en/validation.json";
import id from "@/i18n/messages/id/validation.json";
import {
  DATE_RANGE_MESSAGE,
  TAGS_MAX_MESSAGE,
  TEXT_RULES,
  UNSAFE_TEXT_MESSAGE,
} from "@/shared/limits";
import { fieldIssueKey, type FieldIssueKey } from "./use-field-errors";

type Tree = { [key: string]: string | Tree };

function messageAt(catalogue: Tree, key: string): string {
  const value = key
    .split(".")
    .reduce<string | Tree | undefined>(
      (node, part) => (typeof node === "object" ? node[part] : undefined),
      catalogue,
    );
  if (typeof value !== "string") throw new Error(`no message ${key}`);
  return value;
}

function format(catalogue: Tree, locale: string, found: FieldIssueKey): string {
  return String(
    new IntlMessageFormat(messageAt(catalogue, found.key), locale).format(found.values),
  );
}

/** Every message the shared text rules can give (checkText's default for a bare max included). */
function ruleMessages(): string[] {
  const messages = [UNSAFE_TEXT_MESSAGE, TAGS_MAX_MESSAGE, DATE_RANGE_MESSAGE];
  for (const rule of Object.values(TEXT_RULES)) {
    if ("min" in rule) messages.push(rule.min[1]);
    const [max, tooLong = `Use at most ${max} characters.`] = rule.max;
    messages.push(tooLong);
    if ("pattern" in rule) messages.push(rule.pattern[1]);
  }
  return messages;
}

describe("field error messages", () => {
  it("finds a message for every shared text rule, and the English one reads exactly as the rule", () => {
    for (const message of ruleMessages()) {
      const found = fieldIssueKey(message);
      expect(found, message).not.toBeNull();
      expect(format(en, "en", found!)).toBe(message);
      expect(format(id, "id", found!)).not.toBe(message);
    }
  });

  it("turns zod issues without a known message into messages by code and bounds", () => {
    const issue = { message: "Too small", code: "too_small", origin: "string" };
    expect(fieldIssueKey({ ...issue, minimum: 1 })).toEqual({ key: "required" });
    expect(fieldIssueKey({ ...issue, minimum: 3 })).toEqual({
      key: "tooShort",
      values: { min: 3 },
    });
    expect(fieldIssueKey({ message: "x", code: "too_big", origin: "number", maximum: 4 })).toEqual({
      key: "tooBig",
      values: { max: 4 },
    });
    expect(fieldIssueKey({ message: "x", code: "invalid_format", format: "email" })).toEqual({
      key: "email.invalid",
    });
  });

  it("leaves a message it does not know alone", () => {
    expect(fieldIssueKey("Send keys {p256dh, auth}.")).toBeNull();
    expect(fieldIssueKey({ message: "Something custom.", code: "custom" })).toBeNull();
  });
});
