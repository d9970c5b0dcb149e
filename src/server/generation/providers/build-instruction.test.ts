import { describe, expect, it } from "vitest";
import { buildInstruction, mergeAvoidList } from "./build-instruction";
import type { ImageRequest, TemplateDirectives } from "./image-provider-port";

const cinematic: TemplateDirectives = {
  name: "Cinematic photo",
  promptPrefix: "A cinematic film still of",
  promptSuffix:
    "It is composed like a widescreen movie frame and shot on a 35mm anamorphic lens with shallow depth of field.",
  negativePrompt: "cartoon, illustration, text, watermark",
  parameters: {
    aspectRatio: "16:9",
    quality: "high",
    medium: "35mm anamorphic cinema photography",
    lighting: "low-key practical light with haze",
    palette: ["#0f2a3a", "#1f5f6b", "#e0893a"],
  },
};

function request(overrides: Partial<ImageRequest> = {}): ImageRequest {
  return {
    prompt: "A red fox in fresh snow",
    negativePrompt: null,
    template: null,
    aspectRatio: "1:1",
    quality: "standard",
    seed: 7,
    inputImages: [],
    ...overrides,
  };
}

describe("buildInstruction", () => {
  it("asks for the user's subject as a sentence when there is no template", () => {
    const text = buildInstruction(request());
    expect(text).toContain("Create an image of the following: A red fox in fresh snow.");
    expect(text).not.toContain("Avoid:");
  });

  it("weaves the template's prefix, the prompt and the suffix into one description", () => {
    const text = buildInstruction(request({ template: cinematic }));
    expect(text).toContain(
      "A cinematic film still of a red fox in fresh snow. It is composed like a widescreen movie frame",
    );
  });

  it("keeps a capital that is not a leading article, and does not double a final full stop", () => {
    const text = buildInstruction(request({ prompt: "Paris at night.", template: cinematic }));
    expect(text).toContain("A cinematic film still of Paris at night. It is composed");
  });

  it("renders every template parameter as a readable line, but not the form defaults", () => {
    const text = buildInstruction(
      request({
        template: {
          ...cinematic,
          parameters: { ...cinematic.parameters, colorGrade: "teal and orange", lens: "85mm" },
        },
      }),
    );
    expect(text).toContain("Medium: 35mm anamorphic cinema photography.");
    expect(text).toContain("Lighting: low-key practical light with haze.");
    expect(text).toContain("Colour palette: #0f2a3a, #1f5f6b and #e0893a.");
    expect(text).toContain("Color grade: teal and orange.");
    expect(text).toContain("Lens: 85mm.");
    expect(text).not.toMatch(/aspectRatio|quality:/i);
  });

  it("skips parameters that are empty or not words", () => {
    const text = buildInstruction(
      request({
        template: { ...cinematic, parameters: { medium: " ", nested: { a: 1 }, flag: true } },
      }),
    );
    expect(text).not.toMatch(/Medium:|Nested|Flag/);
  });

  it("merges the user's and the template's negative prompts into one deduplicated Avoid line", () => {
    const text = buildInstruction(
      request({
        template: cinematic,
        negativePrompt: "Text, blurry faces; no watermark\nextra fingers",
      }),
    );
    expect(text).toContain(
      "Avoid: Text, blurry faces, watermark, extra fingers, cartoon, illustration.",
    );
  });

  it("states the aspect ratio, its pixel size and the quality intent", () => {
    const wide = buildInstruction(request({ aspectRatio: "16:9", quality: "high" }));
    expect(wide).toContain("widescreen landscape image with a 16:9 aspect ratio (1344×768 pixels)");
    expect(wide).toContain("highest quality");
    const tall = buildInstruction(request({ aspectRatio: "9:16" }));
    expect(tall).toContain(
      "tall portrait (vertical) image with a 9:16 aspect ratio (768×1344 pixels)",
    );
    expect(tall).toContain("clean, well-composed");
  });

  it("phrases an edit as an instruction about the attached image", () => {
    const text = buildInstruction(
      request({
        prompt: "make the sky stormy",
        aspectRatio: "4:3",
        inputImages: [{ data: new Uint8Array([1]), mimeType: "image/png" }],
      }),
    );
    expect(text).toMatch(
      /^Use the attached image as the starting point and change it as follows: make the sky stormy\./,
    );
    expect(text).toContain("Keep its main subject, composition and identity recognisable");
    expect(text).toContain("rather than stretching it");
    expect(text).not.toContain("Create an image of");
  });

  it("turns a template's prefix into a restyling direction for an edit", () => {
    const text = buildInstruction(
      request({
        template: cinematic,
        inputImages: [{ data: new Uint8Array([1]), mimeType: "image/jpeg" }],
      }),
    );
    expect(text).toContain(
      "Present the result as a cinematic film still. It is composed like a widescreen",
    );
    const logo = buildInstruction(
      request({
        template: {
          ...cinematic,
          name: "Logo mark",
          promptPrefix: "A simple, modern logo mark that represents",
        },
        inputImages: [{ data: new Uint8Array([1]), mimeType: "image/jpeg" }],
      }),
    );
    expect(logo).toContain('Present the result in the "Logo mark" style.');
  });

  it("names several attached images in order and asks for one image made from them", () => {
    const image = { data: new Uint8Array([1]), mimeType: "image/png" as const };
    const text = buildInstruction(
      request({
        prompt: "put the person from image 1 in the room of image 2",
        inputImages: [image, image, image],
        template: cinematic,
      }),
    );
    expect(text).toMatch(
      /^3 images are attached, labelled in order as image 1, image 2 and image 3\. Make one new image from them as follows: put the person from image 1 in the room of image 2\./,
    );
    expect(text).toContain("blend them into one coherent scene");
    expect(text).toContain("Present the result as a cinematic film still.");
    expect(text).toContain("never stretch them");
    expect(text).not.toContain("Use the attached image as the starting point");
    expect(text).not.toContain("Create an image of");
  });

  it("is a pure function of the request", () => {
    const input = request({ template: cinematic, negativePrompt: "text" });
    expect(buildInstruction(input)).toBe(buildInstruction(structuredClone(input)));
  });
});

describe("mergeAvoidList", () => {
  it("puts the user's items first and drops case-insensitive repeats", () => {
    expect(mergeAvoidList("Blur, text", "text, TEXT, blur, noise.")).toEqual([
      "Blur",
      "text",
      "noise",
    ]);
  });

  it("returns nothing for empty inputs", () => {
    expect(mergeAvoidList(null, " , ;")).toEqual([]);
  });
});
