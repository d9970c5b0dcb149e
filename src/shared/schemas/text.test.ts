import { describe, expect, it } from "vitest";
import { isStorableText, safeString, toStorableText } from "./text";

describe("the shared text schema", () => {
  it.each([
    ["a NUL", "a\u0000b"],
    ["a lone high surrogate", "a\ud800b"],
    ["a lone low surrogate", "a\udc00b"],
    ["a high surrogate at the end", "ab\ud83d"],
  ])("refuses %s", (_label, text) => {
    expect(isStorableText(text)).toBe(false);
    expect(safeString().trim().max(10).safeParse(text).success).toBe(false);
  });

  it("accepts emoji, right-to-left text and combining marks", () => {
    for (const text of ["🐈‍⬛", "قطة", "e\u0301", "\u202Eabc"]) {
      expect(isStorableText(text)).toBe(true);
      expect(safeString().parse(text)).toBe(text);
    }
  });

  it("makes recorded text storable without refusing it", () => {
    expect(toStorableText("Mozilla\u0000/5.0 \ud800 🐈")).toBe("Mozilla\uFFFD/5.0 \uFFFD 🐈");
    expect(isStorableText(toStorableText("\udc00\ud800\u0000"))).toBe(true);
  });
});
