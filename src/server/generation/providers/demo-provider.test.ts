import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ASPECT_RATIOS } from "@/shared/schemas/settings";
import { createDemoProvider } from "./demo-provider";
import { DIMENSIONS, type ImageRequest } from "./image-provider-port";

const demo = createDemoProvider();

function request(overrides: Partial<ImageRequest> = {}): ImageRequest {
  return {
    prompt: "misty mountains at dawn",
    negativePrompt: null,
    template: null,
    aspectRatio: "1:1",
    quality: "standard",
    seed: 42,
    inputImage: null,
    ...overrides,
  };
}

/** Mean absolute difference per channel (0..255) of two same-sized images. */
async function meanDifference(a: Uint8Array, b: Uint8Array): Promise<number> {
  const [left, right] = await Promise.all(
    [a, b].map((image) => sharp(image).removeAlpha().raw().toBuffer()),
  );
  if (!left || !right || left.length !== right.length) throw new Error("images differ in size");
  let total = 0;
  for (let i = 0; i < left.length; i++) total += Math.abs((left[i] ?? 0) - (right[i] ?? 0));
  return total / left.length;
}

describe("demo provider", () => {
  it("says it is the demo, not a real model", async () => {
    expect(demo.id).toBe("demo");
    expect(demo.model).toBe("demo");
    const image = await demo.generate(request());
    expect(image.model).toBe("demo");
    expect(image.mimeType).toBe("image/png");
  });

  it("draws byte-identical PNGs for the same prompt, seed and aspect ratio", async () => {
    const first = await demo.generate(request());
    const second = await demo.generate(request());
    expect(Buffer.from(first.data).equals(Buffer.from(second.data))).toBe(true);
  });

  it("draws a visibly different picture for another seed", async () => {
    const first = await demo.generate(request({ seed: 1 }));
    const second = await demo.generate(request({ seed: 2 }));
    expect(await meanDifference(first.data, second.data)).toBeGreaterThan(10);
  });

  it.each(ASPECT_RATIOS)("draws at Gemini's size for %s", async (aspectRatio) => {
    const image = await demo.generate(request({ aspectRatio }));
    const metadata = await sharp(image.data).metadata();
    expect(metadata.format).toBe("png");
    expect({ width: metadata.width, height: metadata.height }).toEqual(DIMENSIONS[aspectRatio]);
  });

  it("colours the picture with a template's palette", async () => {
    const template = {
      name: "Neon",
      promptPrefix: "",
      promptSuffix: "",
      negativePrompt: "",
      parameters: { palette: ["#0b0c1e", "#2a1b5c", "#ff2e88", "#00e5ff", "#f9f871"] },
    };
    const plain = await demo.generate(request());
    const styled = await demo.generate(request({ template }));
    expect(await meanDifference(plain.data, styled.data)).toBeGreaterThan(10);
  });

  it("makes a stylised variant of an input image, at the requested aspect ratio", async () => {
    const input = await sharp({
      create: {
        width: 640,
        height: 480,
        channels: 4,
        background: { r: 30, g: 140, b: 90, alpha: 1 },
      },
    })
      .jpeg()
      .toBuffer();
    const inputImage = { data: new Uint8Array(input), mimeType: "image/jpeg" as const };
    const variant = await demo.generate(
      request({ aspectRatio: "9:16", inputImage, prompt: "make it pop" }),
    );
    const metadata = await sharp(variant.data).metadata();
    expect({ width: metadata.width, height: metadata.height }).toEqual(DIMENSIONS["9:16"]);
    const again = await demo.generate(
      request({ aspectRatio: "9:16", inputImage, prompt: "make it pop" }),
    );
    expect(Buffer.from(again.data).equals(Buffer.from(variant.data))).toBe(true);
    // A variant, not a copy: the colours moved away from the flat green input.
    const { dominant } = await sharp(variant.data).stats();
    expect(dominant).not.toEqual({ r: 30, g: 140, b: 90 });
  });

  it("refuses to start when the request is already cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(demo.generate(request({ signal: controller.signal }))).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  it("draws a 1024² picture well under 300 ms", async () => {
    await demo.generate(request({ seed: 99 }));
    const timings: number[] = [];
    for (const seed of [100, 101, 102]) {
      const started = performance.now();
      await demo.generate(request({ seed }));
      timings.push(performance.now() - started);
    }
    const median = [...timings].sort((a, b) => a - b)[1] ?? Infinity;
    expect(median).toBeLessThan(300);
  });
});
