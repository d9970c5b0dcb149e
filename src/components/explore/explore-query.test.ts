import { describe, expect, it } from "vitest";
import { isStorableText } from "@/shared/limits";
import { MAX_SEARCH_LENGTH, parseExploreQuery } from "./explore-query";

describe("the /explore URL's search", () => {
  // The page passes q straight to the public gallery query: text Postgres cannot store was a 500.
  it.each([
    ["a NUL", "cats\u0000"],
    ["a lone surrogate", "cats\ud800"],
    ["an emoji cut in half at the length limit", `${"a".repeat(MAX_SEARCH_LENGTH - 1)}🐈`],
  ])("never hands the page a search with %s", (_label, q) => {
    const { q: search } = parseExploreQuery({ q });
    expect(isStorableText(search)).toBe(true);
    expect([...search].length).toBeLessThanOrEqual(MAX_SEARCH_LENGTH);
  });

  it("keeps an ordinary search, trimmed and at most the limit long", () => {
    expect(parseExploreQuery({ q: "  red fox 🦊 " }).q).toBe("red fox 🦊");
    expect(parseExploreQuery({ q: "x".repeat(500) }).q).toHaveLength(MAX_SEARCH_LENGTH);
  });
});
