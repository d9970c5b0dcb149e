import { describe, expect, it } from "vitest";
import { checkInputImage, formatBytes } from "./input-image";

describe("checkInputImage", () => {
  it("accepts PNG, JPEG and WebP up to 10 MB", () => {
    for (const type of ["image/png", "image/jpeg", "image/webp"]) {
      expect(checkInputImage({ name: "a", type, size: 10 * 1024 * 1024 })).toBeNull();
    }
  });

  it("names the wrong type", () => {
    expect(checkInputImage({ name: "cat.gif", type: "image/gif", size: 100 })).toBe(
      "“cat.gif” is a GIF image. Use a PNG, JPEG or WebP image.",
    );
    expect(checkInputImage({ name: "notes.pdf", type: "application/pdf", size: 100 })).toBe(
      "“notes.pdf” is not an image. Use a PNG, JPEG or WebP image.",
    );
  });

  it("gives the size of a file that is too large", () => {
    expect(checkInputImage({ name: "big.png", type: "image/png", size: 13 * 1024 * 1024 })).toBe(
      "“big.png” is 13.0 MB. Input images can be at most 10 MB.",
    );
  });

  it("refuses an empty file and formats small sizes in KB", () => {
    expect(checkInputImage({ name: "", type: "image/png", size: 0 })).toBe(
      "That file is empty. Choose another image.",
    );
    expect(formatBytes(850 * 1024)).toBe("850 KB");
  });
});
