import "server-only";
import { createHash } from "node:crypto";

/**
 * The demo provider's drawings: a small generative landscape (sky gradient, soft glows, a sun
 * or moon, layered ridges, mist) composed as SVG from a PRNG seeded by prompt + seed + size,
 * so the same request always draws the same picture. A few words in the prompt steer it
 * (night, sea, desert, forest, mountains, sunset), and a template's palette colours it.
 */

export type Rng = () => number;

/** mulberry32, seeded from SHA-256 of the inputs: small, fast and the same on every machine. */
export function seededRandom(...inputs: Array<string | number>): Rng {
  const digest = createHash("sha256").update(inputs.join("\u0000")).digest();
  let state = digest.readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (rng: Rng, low: number, high: number) => low + rng() * (high - low);
const pick = <T>(rng: Rng, items: readonly [T, ...T[]]): T =>
  items[Math.floor(rng() * items.length)] ?? items[0];

// ---------------------------------------------------------------------------------------
// Colour
// ---------------------------------------------------------------------------------------

interface Hsl {
  h: number;
  s: number;
  l: number;
}

function hslToHex({ h, s, l }: Hsl): string {
  const hue = ((h % 360) + 360) % 360;
  const sat = Math.min(1, Math.max(0, s));
  const light = Math.min(1, Math.max(0, l));
  const a = sat * Math.min(light, 1 - light);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = light - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

function hexToHsl(hex: string): Hsl {
  const value = Number.parseInt(hex.slice(1), 16);
  const r = ((value >> 16) & 255) / 255;
  const g = ((value >> 8) & 255) / 255;
  const b = (value & 255) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l };
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h =
    max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return { h: h * 60, s, l };
}

const GREY: Hsl = { h: 0, s: 0, l: 0.5 };

function mix(a: Hsl, b: Hsl, t: number): Hsl {
  let dh = b.h - a.h;
  if (dh > 180) dh -= 360;
  if (dh < -180) dh += 360;
  return { h: a.h + dh * t, s: a.s + (b.s - a.s) * t, l: a.l + (b.l - a.l) * t };
}

interface ArtPalette {
  skyTop: Hsl;
  skyHorizon: Hsl;
  glow: Hsl;
  sun: Hsl;
  far: Hsl;
  near: Hsl;
  accent: Hsl;
}

/** A harmonious palette around one hue: analogous, complementary or split-complementary. */
function paletteFromHue(rng: Rng, hue: number, night: boolean): ArtPalette {
  // Hue offsets of the second and third colours from the first.
  const schemes: [[number, number], ...Array<[number, number]>] = [
    [30, 60],
    [180, 200],
    [150, 210],
    [-35, 25],
  ];
  const [second, third] = pick(rng, schemes);
  const sat = between(rng, 0.45, 0.75);
  if (night) {
    // Night skies stay in the blues and violets whatever the hue; the hue only tints the glow.
    const sky = 215 + (hue % 50);
    return {
      skyTop: { h: sky, s: 0.55, l: 0.08 },
      skyHorizon: { h: sky + 20, s: sat * 0.6, l: 0.32 },
      glow: { h: hue + third, s: 0.55, l: 0.6 },
      sun: { h: 50, s: 0.3, l: 0.92 },
      far: { h: sky, s: 0.3, l: 0.26 },
      near: { h: sky + 10, s: 0.45, l: 0.07 },
      accent: { h: hue + second, s: 0.6, l: 0.65 },
    };
  }
  return {
    skyTop: { h: hue + 200, s: sat * 0.8, l: between(rng, 0.45, 0.62) },
    skyHorizon: { h: hue + second, s: sat, l: between(rng, 0.75, 0.86) },
    glow: { h: hue + third, s: sat, l: 0.72 },
    sun: { h: hue + third, s: 0.9, l: 0.9 },
    far: { h: hue + 200, s: sat * 0.45, l: 0.6 },
    near: { h: hue + second + 200, s: sat * 0.8, l: 0.14 },
    accent: { h: hue, s: sat, l: 0.55 },
  };
}

/** A template's own colours (hex), ordered light to dark, mapped onto the scene's roles. */
function paletteFromHexes(hexes: string[], night: boolean): ArtPalette {
  const colours = hexes.map(hexToHsl).sort((a, b) => b.l - a.l);
  const at = (fraction: number): Hsl =>
    colours[Math.min(colours.length - 1, Math.round(fraction * (colours.length - 1)))] ?? GREY;
  const lightest = at(0);
  const darkest = at(1);
  const vivid = [...colours].sort((a, b) => b.s - a.s)[0] ?? lightest;
  return {
    skyTop: night ? { ...darkest, l: Math.min(darkest.l, 0.12) } : mix(at(0.5), lightest, 0.35),
    skyHorizon: night ? at(0.6) : lightest,
    glow: vivid,
    sun: { ...vivid, l: Math.max(0.82, vivid.l) },
    far: mix(at(0.35), lightest, 0.4),
    near: { ...darkest, l: Math.min(darkest.l, 0.22) },
    accent: vivid,
  };
}

// ---------------------------------------------------------------------------------------
// What the prompt asks for
// ---------------------------------------------------------------------------------------

type Scene = "mountains" | "hills" | "dunes" | "waves";

interface Mood {
  scene: Scene | null;
  hue: number | null;
  night: boolean;
}

const SCENE_WORDS: Array<[RegExp, Scene, number | null]> = [
  [/\b(sea|seas|ocean|waves?|beach|surf|lake|harbou?r|coast|sail\w*)\b/i, "waves", 200],
  [/\b(desert|dunes?|sand|sahara|canyon)\b/i, "dunes", 30],
  [/\b(mountains?|alps|peaks?|summit|glacier|cliffs?)\b/i, "mountains", null],
  [/\b(forest|trees?|woods|jungle|meadow|garden|hills?|valley|field)\b/i, "hills", 110],
];

function readMood(prompt: string): Mood {
  const found = SCENE_WORDS.find(([words]) => words.test(prompt));
  const night = /\b(night|moon\w*|stars?|starry|galaxy|space|midnight|nebula)\b/i.test(prompt);
  const warm = /\b(sunset|sunrise|dusk|dawn|golden|autumn|fire|warm)\b/i.test(prompt);
  return { scene: found?.[1] ?? null, hue: warm ? 18 : (found?.[2] ?? null), night };
}

// ---------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------

const round = (value: number) => Math.round(value * 10) / 10;

/** A jagged ridge by midpoint displacement: heights (0..1 of amplitude) at 2^depth+1 points. */
function fractalRidge(rng: Rng, depth: number, roughness: number): number[] {
  const size = 2 ** depth;
  const heights = new Array<number>(size + 1).fill(0);
  heights[0] = rng();
  heights[size] = rng();
  let step = size;
  let spread = 0.8;
  while (step > 1) {
    const half = step / 2;
    for (let i = half; i < size; i += step) {
      const left = heights[i - half] ?? 0;
      const right = heights[i + half] ?? 0;
      heights[i] = (left + right) / 2 + (rng() - 0.5) * spread;
    }
    spread *= roughness;
    step = half;
  }
  const min = Math.min(...heights);
  const max = Math.max(...heights);
  return heights.map((h) => (max === min ? 0.5 : (h - min) / (max - min)));
}

/** A smooth ridge: a sum of three sines with random phases, 0..1. */
function smoothRidge(rng: Rng, samples: number, frequency: number): number[] {
  const waves = [1, 2.3, 4.1].map((multiple, index) => ({
    f: frequency * multiple,
    phase: rng() * Math.PI * 2,
    weight: 1 / (index + 1),
  }));
  const total = waves.reduce((sum, wave) => sum + wave.weight, 0);
  return Array.from({ length: samples + 1 }, (_, i) => {
    const x = i / samples;
    const value = waves.reduce(
      (sum, w) => sum + w.weight * Math.sin(x * w.f * Math.PI * 2 + w.phase),
      0,
    );
    return (value / total + 1) / 2;
  });
}

/** The ridge line through the points: straight segments, or Catmull-Rom curves. */
function ridgeLine(points: Array<[number, number]>, smooth: boolean): string {
  const segments = points.map((current, i) => {
    if (i === 0) return `M${round(current[0])},${round(current[1])}`;
    const p1 = points[i - 1] ?? current;
    if (!smooth) return `L${round(current[0])},${round(current[1])}`;
    const p0 = points[i - 2] ?? p1;
    const p3 = points[i + 1] ?? current;
    const c1 = [p1[0] + (current[0] - p0[0]) / 6, p1[1] + (current[1] - p0[1]) / 6];
    const c2 = [current[0] - (p3[0] - p1[0]) / 6, current[1] - (p3[1] - p1[1]) / 6];
    return `C${c1.map(round).join(",")} ${c2.map(round).join(",")} ${round(current[0])},${round(current[1])}`;
  });
  return segments.join(" ");
}

/** The area under a ridge line, closed along the bottom edge. */
function underRidge(line: string, width: number, height: number): string {
  return `M0,${height} L${line.slice(1)} L${width},${height} Z`;
}

// ---------------------------------------------------------------------------------------
// The label
// ---------------------------------------------------------------------------------------

// Drawn as strokes, not text, so the picture does not depend on the fonts a machine has.
// Each letter lives in a 10 × 14 box.
const LETTERS = [
  "M0,0 L0,14 L4.5,14 Q10,14 10,7 Q10,0 4.5,0 Z",
  "M9,0 L0,0 L0,14 L9,14 M0,7 L7,7",
  "M0,14 L0,0 L5,8 L10,0 L10,14",
  "M5,0 A5,7 0 1,1 5,14 A5,7 0 1,1 5,0 Z",
];

/** A small "DEMO" tag in the bottom-right corner, as an SVG fragment. */
export function demoLabel(width: number, height: number): string {
  const unit = Math.max(1, Math.min(width, height) / 700);
  const pad = 8 * unit;
  const boxWidth = (4 * 10 + 3 * 4) * unit + pad * 2;
  const boxHeight = 14 * unit + pad * 1.6;
  const margin = Math.min(width, height) * 0.025;
  const x = width - margin - boxWidth;
  const y = height - margin - boxHeight;
  const letters = LETTERS.map(
    (d, index) => `<path d="${d}" transform="translate(${round(index * 14)},0)"/>`,
  ).join("");
  return [
    `<g opacity="0.85">`,
    `<rect x="${round(x)}" y="${round(y)}" width="${round(boxWidth)}" height="${round(boxHeight)}" rx="${round(boxHeight / 2)}" fill="#0b0d12" fill-opacity="0.45"/>`,
    `<g transform="translate(${round(x + pad)},${round(y + pad * 0.8)}) scale(${round(unit * 100) / 100})" fill="none" stroke="#ffffff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${letters}</g>`,
    `</g>`,
  ].join("");
}

// ---------------------------------------------------------------------------------------
// The composition
// ---------------------------------------------------------------------------------------

export interface DemoArtInput {
  prompt: string;
  seed: number;
  width: number;
  height: number;
  /** A template's palette (hex colours), if it has one. */
  palette: string[] | null;
}

export function composeDemoArt({ prompt, seed, width, height, palette }: DemoArtInput): string {
  const rng = seededRandom(prompt, seed, width, height);
  const mood = readMood(prompt);
  const scene = mood.scene ?? pick(rng, ["mountains", "hills", "dunes", "waves"] as const);
  const hue = mood.hue !== null ? mood.hue + between(rng, -18, 18) : rng() * 360;
  const colours =
    palette && palette.length >= 3
      ? paletteFromHexes(palette, mood.night)
      : paletteFromHue(rng, hue, mood.night);
  const short = Math.min(width, height);
  const horizon = height * between(rng, 0.5, 0.62);
  const defs: string[] = [];
  const body: string[] = [];

  defs.push(
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">` +
      `<stop offset="0" stop-color="${hslToHex(colours.skyTop)}"/>` +
      `<stop offset="0.62" stop-color="${hslToHex(mix(colours.skyTop, colours.skyHorizon, 0.7))}"/>` +
      `<stop offset="1" stop-color="${hslToHex(colours.skyHorizon)}"/></linearGradient>`,
  );
  body.push(`<rect width="${width}" height="${height}" fill="url(#sky)"/>`);

  // Soft blobs of light in the sky, like out-of-focus clouds.
  const blobCount = 3 + Math.floor(rng() * 3);
  for (let i = 0; i < blobCount; i++) {
    const colour = hslToHex(mix(colours.glow, colours.accent, rng()));
    defs.push(
      `<radialGradient id="blob${i}"><stop offset="0" stop-color="${colour}" stop-opacity="${round(between(rng, 0.25, 0.5))}"/>` +
        `<stop offset="1" stop-color="${colour}" stop-opacity="0"/></radialGradient>`,
    );
    const cx = round(rng() * width);
    const cy = round(between(rng, 0.05, 0.55) * horizon);
    body.push(
      `<ellipse cx="${cx}" cy="${cy}" rx="${round(short * between(rng, 0.25, 0.5))}" ry="${round(short * between(rng, 0.12, 0.25))}" fill="url(#blob${i})"/>`,
    );
  }

  if (mood.night) {
    const stars = 40 + Math.floor(rng() * 60);
    for (let i = 0; i < stars; i++) {
      body.push(
        `<circle cx="${round(rng() * width)}" cy="${round(rng() * horizon * 0.9)}" r="${round(between(rng, 0.6, 1.8) * (short / 1024))}" fill="#ffffff" fill-opacity="${round(between(rng, 0.35, 0.95))}"/>`,
      );
    }
  }

  // The sun (or moon) with its halo.
  const sunX = round(width * between(rng, 0.18, 0.82));
  const sunY = round(horizon * between(rng, 0.35, 0.8));
  const sunR = round(short * between(rng, 0.05, 0.09));
  defs.push(
    `<radialGradient id="halo"><stop offset="0" stop-color="${hslToHex(colours.glow)}" stop-opacity="0.75"/>` +
      `<stop offset="1" stop-color="${hslToHex(colours.glow)}" stop-opacity="0"/></radialGradient>`,
  );
  body.push(`<circle cx="${sunX}" cy="${sunY}" r="${round(sunR * 4.5)}" fill="url(#halo)"/>`);
  body.push(`<circle cx="${sunX}" cy="${sunY}" r="${sunR}" fill="${hslToHex(colours.sun)}"/>`);

  // Ridges from far to near, darker and lower as they come closer, with mist between them.
  const layers = scene === "waves" ? 5 : 4 + Math.floor(rng() * 2);
  defs.push(
    `<linearGradient id="mist" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${hslToHex(colours.skyHorizon)}" stop-opacity="0"/>` +
      `<stop offset="0.7" stop-color="${hslToHex(colours.skyHorizon)}" stop-opacity="0.3"/>` +
      `<stop offset="1" stop-color="${hslToHex(colours.skyHorizon)}" stop-opacity="0"/></linearGradient>`,
  );
  for (let layer = 0; layer < layers; layer++) {
    const depth = layer / Math.max(1, layers - 1);
    const colour = mix(colours.far, colours.near, depth);
    const base =
      horizon + (height - horizon) * (scene === "waves" ? 0.05 + depth * 0.7 : depth * 0.62);
    const amplitude =
      short *
      (scene === "mountains"
        ? 0.3 - depth * 0.18
        : scene === "waves"
          ? 0.035
          : 0.12 - depth * 0.05);
    const profile =
      scene === "mountains"
        ? fractalRidge(rng, 6, between(rng, 0.5, 0.62))
        : smoothRidge(rng, 48, scene === "waves" ? between(rng, 1.5, 3) : between(rng, 0.6, 1.4));
    const points = profile.map((h, i): [number, number] => [
      (i / (profile.length - 1)) * width,
      base - h * amplitude,
    ]);
    const gradientId = `layer${layer}`;
    defs.push(
      `<linearGradient id="${gradientId}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${hslToHex({ ...colour, l: colour.l + 0.05 })}"/>` +
        `<stop offset="1" stop-color="${hslToHex({ ...colour, l: colour.l - 0.06 })}"/></linearGradient>`,
    );
    const line = ridgeLine(points, scene !== "mountains");
    body.push(`<path d="${underRidge(line, width, height)}" fill="url(#${gradientId})"/>`);
    if (scene === "waves") {
      body.push(
        `<path d="${line}" fill="none" stroke="#ffffff" stroke-opacity="${round(0.12 + depth * 0.18)}" stroke-width="${round(short * 0.004)}"/>`,
      );
    }
    if (layer < layers - 1) {
      body.push(
        `<rect y="${round(base - amplitude * 1.2)}" width="${width}" height="${round(amplitude * 1.6)}" fill="url(#mist)"/>`,
      );
    }
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<defs>${defs.join("")}</defs>`,
    ...body,
    demoLabel(width, height),
    `</svg>`,
  ].join("");
}

/** A colour (hex) for tinting an input image, drawn from the seed. */
export function tintFor(rng: Rng, palette: string[] | null): string {
  if (palette && palette.length > 0) return pick(rng, palette as [string, ...string[]]);
  return hslToHex({ h: rng() * 360, s: 0.65, l: 0.55 });
}
