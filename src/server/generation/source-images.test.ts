import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@/server/http/app-error";
import {
  combineInputs,
  editTitle,
  fitInlineBudget,
  variationInstruction,
  type SourceImage,
} from "./source-images";

const source = (id: string): SourceImage =>
  ({ row: { id }, bytes: new Uint8Array([id.length]) }) as unknown as SourceImage;

describe("editTitle", () => {
  it("is the original prompt and the instruction", () => {
    expect(editTitle(" a red fox ", "make it night ")).toBe("a red fox — edit: make it night");
  });

  it("stays within the prompt limit, shortening the original first but keeping some of it", () => {
    const original = "o".repeat(900);
    const title = editTitle(original, "i".repeat(300));
    expect(title.length).toBeLessThanOrEqual(1000);
    expect(title).toMatch(/^o+… — edit: i{300}$/);
    const both = editTitle("o".repeat(1000), "i".repeat(1000));
    expect(both.length).toBeLessThanOrEqual(1000);
    expect(both.split(" — edit: ")[0]!.length).toBeGreaterThanOrEqual(300);
  });

  it("is the instruction alone when the original is empty", () => {
    expect(editTitle("  ", "add a hat")).toBe("add a hat");
  });
});

describe("variationInstruction", () => {
  it("names the subject and moves further from the picture as strength grows", () => {
    expect(variationInstruction("a red fox.", 0)).toMatch(
      /^A new take on this image of: a red fox\. Make a subtle variation/,
    );
    expect(variationInstruction("a red fox", 0.4)).toContain("close variation");
    expect(variationInstruction("a red fox", 0.5)).toContain("clear variation");
    expect(variationInstruction("a red fox", 1)).toContain("bold reinterpretation");
    expect(variationInstruction("a red fox", 0.25)).toContain("(Variation strength 25%.)");
  });
});

describe("combineInputs", () => {
  it("puts uploads first and records gallery images as sources, the first as parent", () => {
    const upload = new Uint8Array([9]);
    expect(combineInputs([upload], [source("a"), source("bb")])).toEqual({
      inputImages: [upload, new Uint8Array([1]), new Uint8Array([2])],
      sourceImageIds: ["a", "bb"],
      parentId: "a",
    });
    expect(combineInputs([upload], [])).toMatchObject({ sourceImageIds: [], parentId: null });
  });

  it("refuses more than four together", () => {
    const uploads = [new Uint8Array([1]), new Uint8Array([2]), new Uint8Array([3])];
    expect(() => combineInputs(uploads, [source("a"), source("b")])).toThrowError(AppError);
  });
});

describe("fitInlineBudget", () => {
  it("re-encodes the largest inputs until they fit together, leaving small ones alone", async () => {
    const noise = (side: number) => {
      const pixels = Buffer.alloc(side * side * 4);
      for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
      return sharp(pixels, { raw: { width: side, height: side, channels: 4 } })
        .png()
        .toBuffer();
    };
    const big = new Uint8Array(await noise(600));
    const small = new Uint8Array(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
        .jpeg()
        .toBuffer(),
    );
    const budget = Math.floor(big.byteLength / 2);
    const fitted = await fitInlineBudget(
      [
        { data: big, mimeType: "image/png" },
        { data: small, mimeType: "image/jpeg" },
      ],
      budget,
    );
    expect(fitted[0]!.mimeType).toBe("image/jpeg");
    expect(fitted[1]!.data).toBe(small);
    expect(fitted.reduce((sum, image) => sum + image.data.byteLength, 0)).toBeLessThanOrEqual(
      budget,
    );
  });

  it("returns the inputs unchanged when they already fit", async () => {
    const image = { data: new Uint8Array([1, 2, 3]), mimeType: "image/png" as const };
    expect(await fitInlineBudget([image], 10)).toEqual([image]);
  });
});
