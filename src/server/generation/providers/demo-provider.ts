import "server-only";
import sharp from "sharp";
import { composeDemoArt, demoLabel, seededRandom, tintFor } from "./demo-art";
import {
  DIMENSIONS,
  type ImageProviderPort,
  type ImageRequest,
  type ProviderImage,
} from "./image-provider-port";
import { abortErrorFrom } from "./retry-policy";

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/**
 * The offline provider: no key, no network. It draws a labelled generative picture from the
 * prompt and seed (the same request gives the same bytes), or, given input images, a
 * posterised, tinted variant of them (several are laid side by side, image 1 on the left).
 * Everything it makes carries a "DEMO" tag.
 */
export function createDemoProvider(): ImageProviderPort {
  return {
    id: "demo",
    model: "demo",
    async generate(request: ImageRequest): Promise<ProviderImage> {
      if (request.signal?.aborted) throw abortErrorFrom(request.signal);
      const data =
        request.inputImages.length > 0 ? await drawVariant(request) : await drawArt(request);
      if (request.signal?.aborted) throw abortErrorFrom(request.signal);
      return { data: new Uint8Array(data), mimeType: "image/png", model: "demo" };
    },
  };
}

function templatePalette(request: ImageRequest): string[] | null {
  const palette = request.template?.parameters.palette;
  if (!Array.isArray(palette)) return null;
  const colours = palette.filter(
    (colour): colour is string => typeof colour === "string" && HEX_COLOUR.test(colour),
  );
  return colours.length > 0 ? colours : null;
}

async function drawArt(request: ImageRequest): Promise<Buffer> {
  const { width, height } = DIMENSIONS[request.aspectRatio];
  const svg = composeDemoArt({
    prompt: request.prompt,
    seed: request.seed,
    width,
    height,
    palette: templatePalette(request),
  });
  return sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
}

async function drawVariant(request: ImageRequest): Promise<Buffer> {
  const { width, height } = DIMENSIONS[request.aspectRatio];
  const rng = seededRandom(request.prompt, request.seed, width, height, "variant");
  const tint = tintFor(rng, templatePalette(request));
  const angle = Math.round(rng() * 360);
  const wash =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="wash" gradientTransform="rotate(${angle} 0.5 0.5)">` +
    `<stop offset="0" stop-color="${tint}" stop-opacity="0.85"/><stop offset="1" stop-color="#ffffff" stop-opacity="0.15"/>` +
    `</linearGradient></defs><rect width="${width}" height="${height}" fill="url(#wash)"/></svg>`;
  const label = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${demoLabel(width, height)}</svg>`;

  const base = await laySideBySide(request.inputImages, width, height);
  const { data, info } = await sharp(base, { raw: { width, height, channels: 3 } })
    .recomb(hueSaturationMatrix(Math.round(rng() * 60) - 30, 1.3))
    .composite([{ input: Buffer.from(wash), blend: "soft-light" }])
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  posterise(data, POSTER_LEVELS);
  // The label goes on after posterising, so it stays crisp.
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .composite([{ input: Buffer.from(label) }])
    .png({ compressionLevel: 6 })
    .toBuffer();
}

/** The inputs as one raw RGB picture of the frame's size: equal vertical strips, in order. */
async function laySideBySide(
  inputs: ImageRequest["inputImages"],
  width: number,
  height: number,
): Promise<Buffer> {
  if (inputs.length === 0) throw new Error("drawVariant needs an input image.");
  const strips = await Promise.all(
    inputs.map(async (input, index) => {
      const left = Math.round((index * width) / inputs.length);
      const right = Math.round(((index + 1) * width) / inputs.length);
      const bytes = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
      const strip = await sharp(bytes, { limitInputPixels: 40_000_000 })
        .rotate()
        .flatten({ background: "#ffffff" })
        .resize(right - left, height, { fit: "cover", position: "centre" })
        .png()
        .toBuffer();
      return { input: strip, left, top: 0 };
    }),
  );
  return sharp({ create: { width, height, channels: 3, background: "#ffffff" } })
    .composite(strips)
    .removeAlpha()
    .raw()
    .toBuffer();
}

const POSTER_LEVELS = 5;

type Matrix3 = [[number, number, number], [number, number, number], [number, number, number]];

/**
 * CSS's hue-rotate() then saturate() as one colour matrix: the same look as sharp's modulate()
 * at a fraction of its cost (modulate goes through LCh).
 */
function hueSaturationMatrix(degrees: number, saturation: number): Matrix3 {
  const c = Math.cos((degrees * Math.PI) / 180);
  const s = Math.sin((degrees * Math.PI) / 180);
  const hue: Matrix3 = [
    [0.213 + c * 0.787 - s * 0.213, 0.715 - c * 0.715 - s * 0.715, 0.072 - c * 0.072 + s * 0.928],
    [0.213 - c * 0.213 + s * 0.143, 0.715 + c * 0.285 + s * 0.14, 0.072 - c * 0.072 - s * 0.283],
    [0.213 - c * 0.213 - s * 0.787, 0.715 - c * 0.715 + s * 0.715, 0.072 + c * 0.928 + s * 0.072],
  ];
  const k = saturation;
  const saturate: Matrix3 = [
    [0.213 + 0.787 * k, 0.715 - 0.715 * k, 0.072 - 0.072 * k],
    [0.213 - 0.213 * k, 0.715 + 0.285 * k, 0.072 - 0.072 * k],
    [0.213 - 0.213 * k, 0.715 - 0.715 * k, 0.072 + 0.928 * k],
  ];
  return multiply(saturate, hue);
}

function multiply(a: Matrix3, b: Matrix3): Matrix3 {
  const cell = (i: 0 | 1 | 2, j: 0 | 1 | 2) =>
    a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
  return [
    [cell(0, 0), cell(0, 1), cell(0, 2)],
    [cell(1, 0), cell(1, 1), cell(1, 2)],
    [cell(2, 0), cell(2, 1), cell(2, 2)],
  ];
}

/** Snaps every channel to one of `levels` values, in place: the flat look of a screen print. */
function posterise(pixels: Buffer, levels: number): void {
  const step = 255 / (levels - 1);
  const table = new Uint8Array(256);
  for (let value = 0; value < 256; value++)
    table[value] = Math.round(Math.round(value / step) * step);
  for (let i = 0; i < pixels.length; i++) pixels[i] = table[pixels[i] ?? 0] ?? 0;
}
