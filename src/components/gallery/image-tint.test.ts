import { describe, expect, it } from "vitest";
import { thumbnailSrcSet } from "./image-tint";

const image = (thumbnails: Partial<Record<"150" | "300" | "800" | "1920", string>>) => ({
  urls: { original: "/original", thumbnails },
});

describe("thumbnailSrcSet", () => {
  it("offers the 300 and 800 px files to the browser for a tile wider than 220 px", () => {
    expect(thumbnailSrcSet(image({ "300": "/t300", "800": "/t800" }), 260)).toBe(
      "/t300 300w, /t800 800w",
    );
  });

  it("offers nothing for a small tile or when one of the two sizes is missing", () => {
    expect(thumbnailSrcSet(image({ "300": "/t300", "800": "/t800" }), 180)).toBeUndefined();
    expect(thumbnailSrcSet(image({ "800": "/t800" }), 400)).toBeUndefined();
    expect(thumbnailSrcSet(image({ "300": "/t300" }), 400)).toBeUndefined();
  });
});
