/**
 * The PWA's icons (and install-sheet screenshots), all drawn from one source: src/app/icon.svg.
 *
 *   npx tsx scripts/generate-icons.ts            # icons into public/icons/
 *   npx tsx scripts/generate-icons.ts --screenshots
 *       # also public/screenshots/ from docs/screenshots captures (scripts/take-screenshots.ts)
 *
 * The outputs are committed; run this again after changing the mark. The manifest
 * (src/app/manifest.ts) and the root layout name these files and sizes.
 */
import { mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

const root = process.cwd();
const SOURCE = path.join(root, "src/app/icon.svg");
const ICONS = path.join(root, "public/icons");
const SCREENSHOTS = path.join(root, "public/screenshots");
const CAPTURES = path.join(root, "docs/screenshots");

/** Keep install-sheet screenshots light: browsers download them when the sheet opens. */
const SCREENSHOT_BUDGET_BYTES = 150 * 1024;

interface Mark {
  /** The <defs> of the source (its gradient), reused by every variant. */
  defs: string;
  /** The drawing on top of the tile: everything after the background rect. */
  glyph: string;
}

/** Splits icon.svg into its gradient, its rounded tile and the spark drawn on it. */
function readMark(svg: string): Mark {
  const defs = /<defs>[\s\S]*?<\/defs>/.exec(svg)?.[0];
  const tile = /<rect[^>]*\/>/.exec(svg);
  if (!defs || !tile) throw new Error("src/app/icon.svg: expected <defs> and a background <rect/>");
  const afterTile = svg.slice(tile.index + tile[0].length).replace(/<\/svg>\s*$/, "");
  return { defs, glyph: afterTile.trim() };
}

const svgDocument = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">${body}</svg>`;

/** The spark scaled about the centre: 1 is as drawn, smaller leaves more margin. */
const scaledGlyph = (mark: Mark, scale: number) =>
  `<g transform="translate(20 20) scale(${scale}) translate(-20 -20)">${mark.glyph}</g>`;

/**
 * Full-bleed square for masks (Android adaptive icons, iOS home screen): the platform cuts the
 * shape, so the gradient fills every pixel and the spark stays inside the central safe zone
 * (a circle of 40% of the size around the centre).
 */
const fullBleed = (mark: Mark, scale: number) =>
  svgDocument(
    `${mark.defs}<rect width="40" height="40" fill="url(#g)"/>${scaledGlyph(mark, scale)}`,
  );

const SHORTCUT_GLYPHS = {
  // A wand with sparks: "make something".
  generate: `<path d="M12 28 24 16" stroke="#fff" stroke-width="3" stroke-linecap="round"/>
    <path d="M26.5 8.5c.5 3 2 4.5 5 5-3 .5-4.5 2-5 5-.5-3-2-4.5-5-5 3-.5 4.5-2 5-5Z" fill="#fff"/>
    <circle cx="13" cy="13" r="1.8" fill="#fff" fill-opacity="0.85"/>
    <circle cx="29" cy="26" r="1.5" fill="#fff" fill-opacity="0.85"/>`,
  // Four frames: "your pictures".
  gallery: `<g fill="#fff"><rect x="10" y="10" width="9" height="9" rx="2.2"/>
    <rect x="21" y="10" width="9" height="9" rx="2.2" fill-opacity="0.85"/>
    <rect x="10" y="21" width="9" height="9" rx="2.2" fill-opacity="0.85"/>
    <rect x="21" y="21" width="9" height="9" rx="2.2"/></g>`,
} as const;

async function writePng(svg: string, size: number, file: string): Promise<void> {
  const target = path.join(ICONS, file);
  await sharp(Buffer.from(svg), { density: Math.max(72, (72 * size) / 40) })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: false })
    .toFile(target);
  const { size: bytes } = await stat(target);
  console.log(`  public/icons/${file}  ${size}×${size}  ${(bytes / 1024).toFixed(1)} KB`);
}

async function generateIcons(): Promise<void> {
  const source = await readFile(SOURCE, "utf8");
  const mark = readMark(source);
  await mkdir(ICONS, { recursive: true });
  console.log("icons from src/app/icon.svg:");
  // "any" icons keep the source's rounded tile and transparent corners.
  await writePng(source, 192, "icon-192.png");
  await writePng(source, 512, "icon-512.png");
  // The spark's farthest point is 16 units from the centre; at 0.8 it is 12.9 of the 16 allowed.
  await writePng(fullBleed(mark, 0.8), 512, "icon-maskable-512.png");
  // iOS rounds the corners itself and shows transparency as black: full bleed, a little larger.
  await writePng(fullBleed(mark, 0.9), 180, "apple-touch-icon.png");
  for (const [name, glyph] of Object.entries(SHORTCUT_GLYPHS)) {
    const svg = svgDocument(
      `${mark.defs}<rect width="40" height="40" rx="11" fill="url(#g)"/>${glyph}`,
    );
    await writePng(svg, 96, `shortcut-${name}-96.png`);
  }
}

/** Re-encodes a capture as WebP, lowering quality until it fits the budget. */
async function writeScreenshot(capture: string, file: string, width: number, height: number) {
  const input = path.join(CAPTURES, capture);
  const target = path.join(SCREENSHOTS, file);
  for (const quality of [80, 72, 64, 56, 48, 40]) {
    const data = await sharp(input)
      .resize(width, height, { fit: "cover", position: "top" })
      .webp({ quality, effort: 6 })
      .toBuffer();
    if (data.byteLength <= SCREENSHOT_BUDGET_BYTES) {
      await sharp(data).toFile(target);
      console.log(
        `  public/screenshots/${file}  ${width}×${height}  q${quality}  ${(data.byteLength / 1024).toFixed(1)} KB`,
      );
      return;
    }
  }
  throw new Error(`${capture} does not fit in ${SCREENSHOT_BUDGET_BYTES} bytes even at quality 40`);
}

async function generateScreenshots(): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  console.log("install-sheet screenshots from docs/screenshots:");
  // Phone captures are 390×844 CSS px at 2× (scripts/take-screenshots.ts).
  await writeScreenshot("gallery-phone-light.png", "gallery-narrow.webp", 780, 1688);
  await writeScreenshot("generate-result-desktop-dark.png", "generate-wide.webp", 1440, 900);
}

async function main() {
  await generateIcons();
  if (process.argv.includes("--screenshots")) await generateScreenshots();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
