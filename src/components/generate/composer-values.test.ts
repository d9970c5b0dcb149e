import { describe, expect, it } from "vitest";
import { parseComposerValues, randomSeed, type ComposerValues } from "./composer-values";

const values: ComposerValues = {
  prompt: "  a lighthouse at dusk  ",
  negativePrompt: "",
  styleTemplateId: null,
  aspectRatio: "16:9",
  quality: "standard",
  seed: "",
  tags: [],
  isPublic: false,
  count: 1,
};

describe("parseComposerValues", () => {
  it("sends what the schema accepts, trimmed, with an empty seed left out", () => {
    expect(parseComposerValues(values)).toEqual({
      success: true,
      input: {
        prompt: "a lighthouse at dusk",
        aspectRatio: "16:9",
        quality: "standard",
        isPublic: false,
      },
      seedFixed: false,
    });
  });

  it("keeps a fixed seed, tags (lower-cased, deduplicated) and a template", () => {
    const result = parseComposerValues({
      ...values,
      seed: "42",
      tags: ["Sea", "sea", "night"],
      negativePrompt: " blur ",
      styleTemplateId: "5d0c5f0e-8a3b-4a4f-9d7e-0d7e0d7e0d7e",
    });
    expect(result).toMatchObject({
      success: true,
      seedFixed: true,
      input: {
        seed: 42,
        tags: ["sea", "night"],
        negativePrompt: "blur",
        styleTemplateId: "5d0c5f0e-8a3b-4a4f-9d7e-0d7e0d7e0d7e",
      },
    });
  });

  it("reports each field's first problem", () => {
    const result = parseComposerValues({
      ...values,
      prompt: "   ",
      negativePrompt: "x".repeat(501),
      seed: "12.5",
    });
    expect(result).toEqual({
      success: false,
      fieldErrors: {
        prompt: "Describe the image you want.",
        negativePrompt: "Keep the negative prompt under 500 characters.",
        seed: "Use a whole number from 0 to 2147483647, or leave it empty for a random seed.",
      },
    });
  });

  it("refuses a seed beyond the range and a prompt over 1000 characters", () => {
    const result = parseComposerValues({ ...values, prompt: "p".repeat(1001), seed: "2147483648" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.fieldErrors.prompt).toBe("Keep the prompt under 1000 characters.");
    expect(result.fieldErrors.seed).toMatch(/whole number/);
  });
});

describe("randomSeed", () => {
  it("stays within 0..2147483647", () => {
    expect(randomSeed(() => 0)).toBe(0);
    expect(randomSeed(() => 0.999999999999)).toBeLessThanOrEqual(2_147_483_647);
  });

  it("asks for a batch only when more than one image is wanted", () => {
    const batch = parseComposerValues({ ...values, count: 4 });
    expect(batch.success && batch.input.count).toBe(4);
    const single = parseComposerValues(values);
    expect(single.success && "count" in single.input).toBe(false);
  });
});
