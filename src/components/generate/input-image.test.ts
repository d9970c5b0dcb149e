import { describe, expect, it } from "vitest";
import { checkInputImage, fileSizeOf } from "./input-image";

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

describe("fileSizeOf", () => {
  it("uses MB from a mebibyte and whole KB below", () => {
    expect(fileSizeOf(13 * 1024 * 1024)).toEqual({ value: 13, unit: "megabyte" });
    expect(fileSizeOf(850 * 1024)).toEqual({ value: 850, unit: "kilobyte" });
    expect(fileSizeOf(10)).toEqual({ value: 1, unit: "kilobyte" });
  });
});
