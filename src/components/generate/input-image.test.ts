import { describe, expect, it } from "vitest";
import { checkInputImage } from "./input-image";

describe("checkInputImage", () => {
  it("accepts PNG, JPEG and WebP up to 10 MB", () => {
    for (const type of ["image/png", "image/jpeg", "image/webp"]) {
      expect(checkInputImage({ name: "a", type, size: 10 * 1024 * 1024 })).toBeNull();
    }
  });

  it("names the wrong type", () => {
    expect(checkInputImage({ name: "cat.gif", type: "image/gif", size: 100 })).toEqual({
      reason: "wrongType",
      name: "cat.gif",
      type: "GIF",
    });
    expect(checkInputImage({ name: "notes.pdf", type: "application/pdf", size: 100 })).toEqual({
      reason: "notImage",
      name: "notes.pdf",
    });
  });

  it("gives the size of a file that is too large", () => {
    expect(checkInputImage({ name: "big.png", type: "image/png", size: 13 * 1024 * 1024 })).toEqual(
      { reason: "tooLarge", name: "big.png", size: 13 * 1024 * 1024 },
    );
  });

  it("refuses an empty file", () => {
    expect(checkInputImage({ name: "", type: "image/png", size: 0 })).toEqual({
      reason: "empty",
      name: "",
    });
  });
});
