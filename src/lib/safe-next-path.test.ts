import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("the next path after signing in", () => {
  it("keeps same-origin paths with their query and hash", () => {
    expect(safeNextPath("/gallery?q=cat&tag=red#top")).toBe("/gallery?q=cat&tag=red#top");
  });

  it("percent-encodes characters a Location header cannot carry", () => {
    const path = safeNextPath("/gallery?q=kucing lucu 猫 😀#é");
    expect(path).toBe("/gallery?q=kucing%20lucu%20%E7%8C%AB%20%F0%9F%98%80#%C3%A9");
    // Latin-1 only: what a Location header can hold.
    expect([...path].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
    expect(safeNextPath("/images/\uD800")).toBe("/images/%EF%BF%BD");
  });

  it("refuses other origins and tricks that browsers read as another host", () => {
    for (const next of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "/\t/evil.example",
      "gallery",
      "",
    ])
      expect(safeNextPath(next, "/fallback")).toBe("/fallback");
  });
});
