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
    inputImages: [],
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
    const inputImages = [{ data: new Uint8Array(input), mimeType: "image/jpeg" as const }];
    const variant = await demo.generate(
      request({ aspectRatio: "9:16", inputImages, prompt: "make it pop" }),
    );
    const metadata = await sharp(variant.data).metadata();
    expect({ width: metadata.width, height: metadata.height }).toEqual(DIMENSIONS["9:16"]);
    const again = await demo.generate(
      request({ aspectRatio: "9:16", inputImages, prompt: "make it pop" }),
    );
    expect(Buffer.from(again.data).equals(Buffer.from(variant.data))).toBe(true);
    // A variant, not a copy: the colours moved away from the flat green input.
    const { dominant } = await sharp(variant.data).stats();
    expect(dominant).not.toEqual({ r: 30, g: 140, b: 90 });
  });

  it("lays several input images side by side, image 1 on the left", async () => {
    const flat = async (background: string) =>
      new Uint8Array(
        await sharp({ create: { width: 300, height: 300, channels: 3, background } })
          .png()
          .toBuffer(),
      );
    const red = { data: await flat("#e02020"), mimeType: "image/png" as const };
    const blue = { data: await flat("#2040e0"), mimeType: "image/png" as const };
    const composed = await demo.generate(
      request({ aspectRatio: "16:9", inputImages: [red, blue], prompt: "together" }),
    );
    const { width, height } = DIMENSIONS["16:9"];
    expect(await sharp(composed.data).metadata()).toMatchObject({ width, height });
    const half = Math.floor(width / 2);
    // stats() reads its input, not the pipeline: extract into a buffer first.
    const region = async (left: number) => {
      const crop = await sharp(composed.data)
        .extract({ left: left + 40, top: 40, width: half - 80, height: 200 })
        .png()
        .toBuffer();
      return (await sharp(crop).stats()).channels.map((channel) => channel.mean);
    };
    const [leftRed, , leftBlue] = await region(0);
    const [rightRed, , rightBlue] = await region(half);
    // The strips keep their sources' colours apart (tinted, but red stays redder than blue).
    expect(leftRed! - leftBlue!).toBeGreaterThan(100);
    expect(rightBlue! - rightRed!).toBeGreaterThan(100);
    const swapped = await demo.generate(
      request({ aspectRatio: "16:9", inputImages: [blue, red], prompt: "together" }),
    );
    expect(Buffer.from(swapped.data).equals(Buffer.from(composed.data))).toBe(false);
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
