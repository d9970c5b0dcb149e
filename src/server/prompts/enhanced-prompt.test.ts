import { describe, expect, it } from "vitest";
import { demoEnhancedPrompt } from "./demo-prompt-enhancer";
import { finishEnhancedPrompt } from "./enhanced-prompt";

describe("finishEnhancedPrompt", () => {
  it("drops a label, wrapping quotes and code fences, and tidies whitespace", () => {
    expect(finishEnhancedPrompt('Enhanced prompt: "A fox  in snow."')).toBe("A fox in snow.");
    expect(finishEnhancedPrompt("**Prompt:** A fox in snow.")).toBe("A fox in snow.");
    expect(finishEnhancedPrompt("```\nA fox in snow.\n```")).toBe("A fox in snow.");
    expect(finishEnhancedPrompt("  A fox.\n\n\n\nIn snow.  ")).toBe("A fox.\n\nIn snow.");
  });

  it("keeps quotes that do not wrap the whole text, and returns null for nothing", () => {
    expect(finishEnhancedPrompt('A sign that reads "OPEN" on a door')).toBe(
      'A sign that reads "OPEN" on a door',
    );
    expect(finishEnhancedPrompt(' "" ')).toBeNull();
    expect(finishEnhancedPrompt("   ")).toBeNull();
  });

  it("cuts to 1000 characters at a sentence end, else a word, never splitting a surrogate pair", () => {
    const sentences = "A quiet harbour at dawn. ".repeat(60);
    const cut = finishEnhancedPrompt(sentences)!;
    expect(cut.length).toBeLessThanOrEqual(1000);
    expect(cut.endsWith("dawn.")).toBe(true);
    const words = finishEnhancedPrompt("word ".repeat(400))!;
    expect(words.length).toBeLessThanOrEqual(1000);
    expect(words.endsWith("word")).toBe(true);
    const emoji = finishEnhancedPrompt("🦊".repeat(600))!;
    expect(emoji.length).toBeLessThanOrEqual(1000);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it("makes unstorable text storable", () => {
    expect(finishEnhancedPrompt("A fox\u0000 in snow")).toBe("A fox\uFFFD in snow");
  });
});

describe("demoEnhancedPrompt", () => {
  it("keeps the prompt first, adds light and composition by subject, and is deterministic", () => {
    const sea = demoEnhancedPrompt("a lighthouse by the sea", null);
    expect(sea.startsWith("A lighthouse by the sea.")).toBe(true);
    expect(sea).toMatch(/Lighting: golden-hour sunlight/);
    expect(demoEnhancedPrompt("a lighthouse by the sea", null)).toBe(sea);
    expect(demoEnhancedPrompt("portrait of an old man", null)).toMatch(/window light/);
  });

  it("names the style and its description when a template is chosen", () => {
    const styled = demoEnhancedPrompt("a fox", {
      name: "Watercolor",
      description: "Soft washes of colour on textured paper.",
      promptPrefix: "A watercolor painting of",
      promptSuffix: "",
    });
    expect(styled).toContain("Styled as watercolor: soft washes of colour on textured paper.");
  });
});
