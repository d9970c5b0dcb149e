/**
 * Draws the preview image of every style template: public/templates/<slug>.webp, 400×400.
 *
 * The templates themselves (slugs and palettes) are read from the migrations, applied to an
 * in-memory PGlite, so the database stays their one source of truth; what lives here is only
 * the art: one small SVG composition per slug, coloured with that template's palette.
 * A template without art here fails the run; art for a slug that no longer exists is reported.
 *
 * Run after adding a template or changing a palette:  npx tsx scripts/generate-template-previews.ts
 */
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { pgcrypto } from "@electric-sql/pglite/contrib/pgcrypto";
import { uuid_ossp } from "@electric-sql/pglite/contrib/uuid_ossp";
import sharp from "sharp";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const AUTH_STAND_IN = path.join(ROOT, "supabase/embedded/auth-stand-in.sql");
const MIGRATIONS_DIR = path.join(ROOT, "supabase/migrations");
const OUTPUT_DIR = path.join(ROOT, "public/templates");

const SIZE = 400;
const WEBP_QUALITY = 70;
// Previews are shown in a grid of many; keep each one light.
const MAX_BYTES = 20 * 1024;

// ---------------------------------------------------------------------------------------
// Templates, from the database
// ---------------------------------------------------------------------------------------

interface TemplatePalette {
  slug: string;
  previewUrl: string;
  palette: readonly string[];
}

function isHexPalette(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((colour) => typeof colour === "string" && /^#[0-9a-f]{6}$/i.test(colour))
  );
}

async function loadTemplates(): Promise<TemplatePalette[]> {
  const db = new PGlite({ extensions: { pg_trgm, pgcrypto, uuid_ossp } });
  try {
    await db.exec(await readFile(AUTH_STAND_IN, "utf8"));
    const migrations = (await readdir(MIGRATIONS_DIR))
      .filter((file) => file.endsWith(".sql"))
      .sort();
    for (const file of migrations) {
      await db.exec(await readFile(path.join(MIGRATIONS_DIR, file), "utf8"));
    }
    const { rows } = await db.query<{ slug: string; preview_url: string; palette: unknown }>(
      `select slug, preview_url, parameters -> 'palette' as palette
         from public.style_templates
        order by category, sort_order, slug`,
    );
    return rows.map((row) => {
      if (!isHexPalette(row.palette)) {
        throw new Error(
          `Template "${row.slug}": parameters.palette must be a non-empty array of #rrggbb colours.`,
        );
      }
      if (row.preview_url !== `/templates/${row.slug}.webp`) {
        throw new Error(`Template "${row.slug}": preview_url must be /templates/${row.slug}.webp.`);
      }
      return { slug: row.slug, previewUrl: row.preview_url, palette: row.palette };
    });
  } finally {
    await db.close();
  }
}

// ---------------------------------------------------------------------------------------
// Drawing helpers
// ---------------------------------------------------------------------------------------

/** The template's colour at an index; wraps around so a shorter palette still draws. */
type Colour = (index: number) => string;

function colourPicker(palette: readonly string[]): Colour {
  return (index) => palette[index % palette.length] ?? "#808080";
}

function parseHex(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Mixes a colour towards white (amount > 0) or black (amount < 0); amount in -1..1. */
function shade(hex: string, amount: number): string {
  const target = amount >= 0 ? 255 : 0;
  const t = Math.min(1, Math.abs(amount));
  return `#${parseHex(hex)
    .map((channel) => Math.round(channel + (target - channel) * t))
    .map((channel) => channel.toString(16).padStart(2, "0"))
    .join("")}`;
}

/** A small deterministic random source, so a re-run draws the same pictures. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (value: number): number => Math.round(value * 10) / 10;

function points(list: ReadonlyArray<readonly [number, number]>): string {
  return list.map(([x, y]) => `${round(x)},${round(y)}`).join(" ");
}

function stops(colours: ReadonlyArray<readonly [number, string, number?]>): string {
  return colours
    .map(([offset, colour, opacity]) =>
      opacity === undefined
        ? `<stop offset="${offset}" stop-color="${colour}"/>`
        : `<stop offset="${offset}" stop-color="${colour}" stop-opacity="${opacity}"/>`,
    )
    .join("");
}

function linear(
  id: string,
  from: readonly [number, number],
  to: readonly [number, number],
  colours: ReadonlyArray<readonly [number, string, number?]>,
): string {
  return `<linearGradient id="${id}" x1="${from[0]}" y1="${from[1]}" x2="${to[0]}" y2="${to[1]}">${stops(colours)}</linearGradient>`;
}

function radial(
  id: string,
  cx: number,
  cy: number,
  r: number,
  colours: ReadonlyArray<readonly [number, string, number?]>,
  units: "objectBoundingBox" | "userSpaceOnUse" = "objectBoundingBox",
): string {
  return `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}" gradientUnits="${units}">${stops(colours)}</radialGradient>`;
}

function blur(id: string, deviation: number): string {
  return `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${deviation}"/></filter>`;
}

/** Irregular, hand-made edges: displaces what it filters by a smooth noise field. */
function wobble(id: string, frequency: number, scale: number, seed: number): string {
  return `<filter id="${id}" x="-10%" y="-10%" width="120%" height="120%"><feTurbulence type="fractalNoise" baseFrequency="${frequency}" numOctaves="2" seed="${seed}"/><feDisplacementMap in="SourceGraphic" scale="${scale}" xChannelSelector="R" yChannelSelector="G"/></filter>`;
}

/** A smooth ridge line y(x) made of a few sines, as polygon points closed to the bottom. */
function ridge(
  baseY: number,
  waves: ReadonlyArray<readonly [amplitude: number, period: number, phase: number]>,
  bottom = SIZE,
): string {
  const list: Array<[number, number]> = [[0, bottom]];
  for (let x = 0; x <= SIZE; x += 8) {
    list.push([
      x,
      baseY + waves.reduce((sum, [a, p, ph]) => sum + a * Math.sin((x / p) * Math.PI * 2 + ph), 0),
    ]);
  }
  list.push([SIZE, bottom]);
  return points(list);
}

function svg(defs: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}"><defs>${defs}</defs>${body}</svg>`;
}

// ---------------------------------------------------------------------------------------
// The art: one composition per template slug
// ---------------------------------------------------------------------------------------

interface PreviewArt {
  draw: (c: Colour) => string;
  /** Hard-edged art (pixel grids) is stored lossless: smaller and without ringing. */
  lossless?: boolean;
}

const ART: Record<string, PreviewArt> = {
  // Teal-and-orange dusk, anamorphic flare, a lone figure on a ridge, letterbox bars.
  "cinematic-photo": {
    draw: (c) => {
      const random = seededRandom(11);
      const bokeh = Array.from({ length: 9 }, () => {
        const r = 6 + random() * 16;
        return `<circle cx="${round(random() * SIZE)}" cy="${round(70 + random() * 150)}" r="${round(r)}" fill="${random() > 0.5 ? c(3) : c(1)}" opacity="${round(0.15 + random() * 0.25)}"/>`;
      }).join("");
      return svg(
        linear(
          "sky",
          [0, 0],
          [0, 1],
          [
            [0, c(0)],
            [0.4, c(1)],
            [0.66, c(2)],
            [0.74, c(3)],
          ],
        ) +
          radial("sun", 0.5, 0.5, 0.5, [
            [0, c(3)],
            [0.35, c(2), 0.6],
            [1, c(2), 0],
          ]) +
          blur("soft", 2.5) +
          blur("haze", 6) +
          blur("flare", 1.5),
        `<rect width="400" height="400" fill="url(#sky)"/>
        <circle cx="250" cy="262" r="130" fill="url(#sun)"/>
        <g filter="url(#soft)">${bokeh}</g>
        <polygon points="${ridge(274, [
          [10, 260, 0.4],
          [5, 90, 1.3],
        ])}" fill="${c(1)}" opacity="0.6"/>
        <rect x="-40" y="262" width="480" height="22" fill="${c(3)}" opacity="0.25" filter="url(#haze)"/>
        <polygon points="${ridge(304, [
          [12, 330, 2.2],
          [4, 70, 0.2],
        ])}" fill="${c(4)}"/>
        <g transform="translate(130 252) scale(1.7)" fill="${c(4)}"><circle cx="6" cy="4" r="4"/><path d="M1 12c0-3 2-4 5-4s5 1 5 4l1 14 1 12h-3l-2-11-2 11H3l1-12z"/></g>
        <circle cx="250" cy="262" r="15" fill="#fff1d0" opacity="0.9" filter="url(#flare)"/>
        <ellipse cx="250" cy="262" rx="190" ry="2.2" fill="${c(3)}" opacity="0.85" filter="url(#flare)"/>
        <ellipse cx="250" cy="262" rx="70" ry="6" fill="#fff4dc" opacity="0.5" filter="url(#flare)"/>
        <rect width="400" height="52" fill="${c(4)}"/><rect y="348" width="400" height="52" fill="${c(4)}"/>`,
      );
    },
  },

  // A bust on a seamless backdrop: key light from the left, rim light on the right, softbox glow.
  "studio-portrait": {
    draw: (c) =>
      svg(
        radial("backdrop", 0.45, 0.38, 0.75, [
          [0, c(3)],
          [0.45, c(2)],
          [1, c(0)],
        ]) +
          linear(
            "skin",
            [0, 0],
            [1, 0],
            [
              [0, c(3)],
              [0.35, c(2)],
              [0.75, c(1)],
              [1, shade(c(0), 0.1)],
            ],
          ) +
          linear(
            "cloth",
            [0, 0],
            [1, 0],
            [
              [0, c(1)],
              [0.5, c(0)],
              [1, shade(c(0), -0.3)],
            ],
          ) +
          linear(
            "rim",
            [0, 0],
            [1, 0],
            [
              [0, c(4), 0],
              [0.62, c(4), 0],
              [0.85, c(4), 0.95],
              [1, c(4), 1],
            ],
          ) +
          blur("box", 22) +
          blur("glow", 1.6),
        `<rect width="400" height="400" fill="url(#backdrop)"/>
        <rect x="-70" y="-20" width="170" height="150" rx="16" fill="${c(4)}" opacity="0.75" filter="url(#box)"/>
        <g id="bust">
          <path d="M60 400c8-62 44-92 96-104 14-3 22-14 24-30h40c2 16 10 27 24 30 52 12 88 42 96 104z" fill="url(#cloth)"/>
          <path d="M178 236h44v46c-12 8-32 8-44 0z" fill="${shade(c(1), -0.2)}"/>
          <ellipse cx="200" cy="176" rx="58" ry="74" fill="url(#skin)"/>
          <path d="M138 196c-14-74 22-114 66-114 46 0 74 40 62 112-4 40-12 70-24 92 4-40 8-84-6-118-10-18-30-26-52-22-26 4-44 24-46 50z" fill="${c(0)}"/>
          <path d="M160 110c16-12 44-14 64-2" fill="none" stroke="${c(1)}" stroke-width="3" stroke-linecap="round" opacity="0.6"/>
        </g>
        <g fill="none" stroke="url(#rim)" stroke-width="3.5" filter="url(#glow)">
          <ellipse cx="200" cy="176" rx="58" ry="74"/>
          <path d="M244 296c52 12 88 42 96 104"/>
        </g>`,
      ),
  },

  // A glass bottle on a pedestal, pastel sweep, soft contact shadow and a sphere prop.
  "product-shot": {
    draw: (c) =>
      svg(
        linear(
          "wall",
          [0, 0],
          [0, 1],
          [
            [0, c(2)],
            [1, c(1)],
          ],
        ) +
          linear(
            "floor",
            [0, 0],
            [0, 1],
            [
              [0, c(1)],
              [1, c(0)],
            ],
          ) +
          linear(
            "plinth",
            [0, 0],
            [1, 0],
            [
              [0, shade(c(0), 0.5)],
              [0.6, c(0)],
              [1, shade(c(1), -0.08)],
            ],
          ) +
          linear(
            "glass",
            [0, 0],
            [1, 0],
            [
              [0, shade(c(3), -0.15)],
              [0.3, shade(c(3), 0.35)],
              [0.55, c(3)],
              [1, shade(c(3), -0.3)],
            ],
          ) +
          radial("ball", 0.35, 0.3, 0.8, [
            [0, shade(c(2), 0.5)],
            [0.6, c(2)],
            [1, shade(c(2), -0.25)],
          ]) +
          blur("shadow", 8) +
          blur("shine", 2),
        `<rect width="400" height="400" fill="url(#wall)"/>
        <path d="M0 262c120-6 280-6 400 0v138H0z" fill="url(#floor)"/>
        <ellipse cx="200" cy="330" rx="110" ry="16" fill="${c(4)}" opacity="0.22" filter="url(#shadow)"/>
        <ellipse cx="312" cy="320" rx="40" ry="8" fill="${c(4)}" opacity="0.2" filter="url(#shadow)"/>
        <path d="M110 262v62c0 9 40 16 90 16s90-7 90-16v-62z" fill="url(#plinth)"/>
        <ellipse cx="200" cy="262" rx="90" ry="16" fill="${shade(c(0), 0.55)}"/>
        <ellipse cx="200" cy="262" rx="52" ry="8" fill="${c(4)}" opacity="0.12" filter="url(#shine)"/>
        <rect x="152" y="128" width="96" height="136" rx="26" fill="url(#glass)" opacity="0.95"/>
        <rect x="182" y="106" width="36" height="26" rx="4" fill="${shade(c(3), -0.1)}"/>
        <rect x="174" y="70" width="52" height="40" rx="10" fill="${c(4)}"/>
        <rect x="180" y="74" width="10" height="30" rx="5" fill="#ffffff" opacity="0.25"/>
        <rect x="168" y="176" width="64" height="44" rx="4" fill="${c(0)}" opacity="0.9"/>
        <rect x="180" y="190" width="40" height="4" rx="2" fill="${c(4)}" opacity="0.55"/>
        <rect x="186" y="200" width="28" height="3" rx="1.5" fill="${c(4)}" opacity="0.35"/>
        <rect x="162" y="140" width="12" height="110" rx="6" fill="#ffffff" opacity="0.55" filter="url(#shine)"/>
        <circle cx="312" cy="286" r="34" fill="url(#ball)"/>`,
      ),
  },

  // A low sun above receding ridges, each layer paler with distance.
  "golden-hour-landscape": {
    draw: (c) =>
      svg(
        linear(
          "sky",
          [0, 0],
          [0, 1],
          [
            [0, c(1)],
            [0.35, c(2)],
            [0.6, c(3)],
            [0.72, c(4)],
          ],
        ) +
          radial("sun", 0.5, 0.5, 0.5, [
            [0, "#fffbe9"],
            [0.18, c(4)],
            [0.45, c(3), 0.55],
            [1, c(3), 0],
          ]) +
          linear(
            "fore",
            [0, 0],
            [0, 1],
            [
              [0, shade(c(0), 0.08)],
              [1, shade(c(0), -0.35)],
            ],
          ) +
          blur("haze", 9),
        `<rect width="400" height="400" fill="url(#sky)"/>
        <circle cx="262" cy="236" r="120" fill="url(#sun)"/>
        <circle cx="262" cy="236" r="26" fill="#fff6d6"/>
        <polygon points="${ridge(250, [
          [14, 300, 0.5],
          [6, 110, 2.1],
        ])}" fill="${shade(c(2), 0.25)}" opacity="0.85"/>
        <rect x="-20" y="246" width="440" height="26" fill="${c(4)}" opacity="0.45" filter="url(#haze)"/>
        <polygon points="${ridge(276, [
          [18, 340, 2.6],
          [6, 90, 0.8],
        ])}" fill="${shade(c(1), 0.1)}"/>
        <rect x="-20" y="280" width="440" height="20" fill="${c(3)}" opacity="0.3" filter="url(#haze)"/>
        <polygon points="${ridge(306, [
          [16, 260, 1.2],
          [5, 70, 2.4],
        ])}" fill="${c(1)}"/>
        <polygon points="${ridge(338, [
          [20, 420, 4.1],
          [6, 80, 0.3],
        ])}" fill="url(#fore)"/>
        <g fill="${shade(c(0), -0.35)}">
          <polygon points="70,352 80,318 90,352"/><polygon points="84,356 96,306 108,356"/><polygon points="330,350 338,326 346,350"/>
        </g>`,
      ),
  },

  // Blooming transparent washes on cream paper: pigment pooled at the edges, a pencil line.
  watercolor: {
    draw: (c) => {
      // Each wash is paler in the middle and darker where the pigment dried at its rim.
      const washes = [c(1), c(2), c(3), c(4)]
        .map((colour, i) =>
          radial(`w${i}`, 0.5, 0.5, 0.5, [
            [0, colour, 0.35],
            [0.8, colour, 0.6],
            [1, shade(colour, -0.1), 0.85],
          ]),
        )
        .join("");
      const wash = (shape: string, gradient: number) =>
        `<g filter="url(#bleed)" style="mix-blend-mode:multiply">${shape.replace("/>", ` fill="url(#w${gradient})"/>`)}</g>`;
      return svg(
        washes + wobble("bleed", 0.022, 16, 4) + wobble("pencil", 0.05, 3, 9),
        `<rect width="400" height="400" fill="${c(0)}"/>
        ${wash(`<ellipse cx="150" cy="96" rx="170" ry="70"/>`, 0)}
        ${wash(`<circle cx="276" cy="130" r="58"/>`, 2)}
        ${wash(`<ellipse cx="110" cy="250" rx="150" ry="56"/>`, 1)}
        ${wash(`<ellipse cx="300" cy="262" rx="130" ry="44"/>`, 1)}
        ${wash(`<ellipse cx="200" cy="340" rx="230" ry="62"/>`, 3)}
        ${wash(`<ellipse cx="120" cy="350" rx="60" ry="18"/>`, 0)}
        ${wash(`<circle cx="326" cy="346" r="20"/>`, 2)}
        <g filter="url(#pencil)" fill="none" stroke="#5e5a52" stroke-opacity="0.32" stroke-width="1.1" stroke-linecap="round">
          <path d="M20 236c70-30 150-34 220-12s110 14 150-4"/><circle cx="276" cy="130" r="52"/><path d="M30 300c90-20 200-14 340-18"/>
        </g>
        <g fill="${c(4)}" fill-opacity="0.45"><circle cx="84" cy="176" r="4"/><circle cx="96" cy="168" r="2"/><circle cx="356" cy="200" r="3"/><circle cx="206" cy="392" r="2.5"/><circle cx="372" cy="60" r="2"/></g>`,
      );
    },
  },

  // A cel-shaded cumulus tower in a saturated sky, a grass hill, a sun glint and drifting petals.
  "anime-cel": {
    draw: (c) => {
      const cloud = (dx: number, dy: number, scale: number) =>
        [
          [0, 60, 60],
          [-64, 84, 44],
          [66, 80, 50],
          [-20, 10, 48],
          [34, 0, 42],
          [8, -44, 38],
          [-110, 104, 30],
          [112, 104, 32],
        ]
          .map(
            ([x = 0, y = 0, r = 0]) =>
              `<circle cx="${round(200 + (x + dx) * scale)}" cy="${round(150 + (y + dy) * scale)}" r="${round(r * scale)}"/>`,
          )
          .join("");
      const random = seededRandom(5);
      const petals = Array.from({ length: 10 }, () => {
        const x = 20 + random() * 360;
        const y = 40 + random() * 300;
        return `<ellipse cx="${round(x)}" cy="${round(y)}" rx="5" ry="2.6" transform="rotate(${Math.round(random() * 180)} ${round(x)} ${round(y)})"/>`;
      }).join("");
      return svg(
        linear(
          "sky",
          [0, 0],
          [0, 1],
          [
            [0, c(1)],
            [0.75, c(0)],
            [1, shade(c(0), 0.45)],
          ],
        ) + blur("glow", 6),
        `<rect width="400" height="400" fill="url(#sky)"/>
        <g fill="${shade(c(0), 0.55)}">${cloud(0, 0, 1)}</g>
        <g fill="${c(2)}">${cloud(-10, -10, 0.93)}</g>
        <rect x="0" y="248" width="400" height="14" fill="${shade(c(0), 0.55)}"/>
        <path d="M-10 300c90-40 200-46 420-20v130H-10z" fill="${c(5)}"/>
        <path d="M-10 330c120-26 260-22 420 4v76H-10z" fill="${shade(c(5), -0.22)}"/>
        <path d="M-10 300c90-40 200-46 420-20" fill="none" stroke="${c(4)}" stroke-width="2.5"/>
        <path d="M-10 330c120-26 260-22 420 4" fill="none" stroke="${c(4)}" stroke-width="2" opacity="0.6"/>
        <g fill="none" stroke="${c(2)}" stroke-width="2" stroke-linecap="round" opacity="0.8">
          <path d="M40 60h70"/><path d="M20 74h46"/><path d="M300 236h72"/>
        </g>
        <circle cx="336" cy="54" r="26" fill="${c(2)}" opacity="0.7" filter="url(#glow)"/>
        <path d="M336 18l6 30 30 6-30 6-6 30-6-30-30-6 30-6z" fill="#ffffff"/>
        <g fill="${c(3)}">${petals}</g>`,
      );
    },
  },

  // Rolling hills, lollipop trees, a cottage with a red roof and a big warm sun.
  "childrens-book": {
    draw: (c) =>
      svg(
        wobble("hand", 0.04, 4, 3),
        `<rect width="400" height="400" fill="${c(0)}"/>
        <g filter="url(#hand)">
          <g stroke="${c(1)}" stroke-width="7" stroke-linecap="round">${Array.from(
            { length: 10 },
            (_, i) => {
              const angle = (i * Math.PI) / 5;
              return `<path d="M${round(300 + 52 * Math.cos(angle))} ${round(96 + 52 * Math.sin(angle))}L${round(300 + 66 * Math.cos(angle))} ${round(96 + 66 * Math.sin(angle))}"/>`;
            },
          ).join("")}</g>
          <circle cx="300" cy="96" r="40" fill="${c(1)}"/>
          <g fill="${c(4)}"><circle cx="286" cy="92" r="3.5"/><circle cx="314" cy="92" r="3.5"/></g>
          <path d="M288 106q12 10 24 0" fill="none" stroke="${c(4)}" stroke-width="3" stroke-linecap="round"/>
          <g fill="#fffaf0"><ellipse cx="96" cy="86" rx="44" ry="18"/><ellipse cx="120" cy="74" rx="26" ry="18"/><ellipse cx="226" cy="150" rx="30" ry="11"/></g>
          <path d="M-20 262c80-70 170-70 250 0s170 40 200 20v150H-20z" fill="${shade(c(3), 0.2)}"/>
          <path d="M-20 316c100-50 220-60 440-6v110H-20z" fill="${c(3)}"/>
          <path d="M250 400c-30-40 20-70-10-100" fill="none" stroke="#fffaf0" stroke-width="7" stroke-dasharray="2 14" stroke-linecap="round"/>
          <rect x="204" y="226" width="70" height="56" rx="4" fill="#fffaf0"/>
          <path d="M194 230l45-44 45 44z" fill="${c(2)}" stroke="${c(2)}" stroke-width="8" stroke-linejoin="round"/>
          <rect x="214" y="242" width="18" height="16" rx="3" fill="${c(1)}"/>
          <rect x="246" y="248" width="16" height="34" rx="6" fill="${c(4)}"/>
          <rect x="96" y="238" width="8" height="50" rx="4" fill="#8a5a3b"/><circle cx="100" cy="222" r="30" fill="${shade(c(3), -0.2)}"/>
          <rect x="330" y="250" width="7" height="40" rx="3.5" fill="#8a5a3b"/><circle cx="333" cy="238" r="22" fill="${c(2)}" opacity="0.9"/>
          <g fill="${c(2)}"><circle cx="60" cy="336" r="5"/><circle cx="150" cy="352" r="5"/><circle cx="330" cy="344" r="5"/></g>
          <path d="M150 120q8-8 16 0q8-8 16 0" fill="none" stroke="${c(4)}" stroke-width="3" stroke-linecap="round"/>
        </g>`,
      ),
  },

  // A hatched sphere and its cast shadow, sketchy contours and a sepia wash on cream paper.
  "ink-sketch": {
    draw: (c) => {
      const hatch = (id: string, angle: number, gap: number, width: number) =>
        `<pattern id="${id}" width="${gap}" height="${gap}" patternUnits="userSpaceOnUse" patternTransform="rotate(${angle})"><path d="M0 0v${gap}" stroke="${c(1)}" stroke-width="${width}"/></pattern>`;
      return svg(
        wobble("sketch", 0.06, 3.5, 2) +
          wobble("wash", 0.02, 30, 6) +
          hatch("h1", 35, 6, 1.1) +
          hatch("h2", -40, 7, 1) +
          `<mask id="shadow-side"><circle cx="190" cy="190" r="96" fill="#fff"/><circle cx="150" cy="146" r="100" fill="#000"/></mask>` +
          `<mask id="core-shadow"><circle cx="190" cy="190" r="96" fill="#fff"/><circle cx="170" cy="170" r="100" fill="#000"/></mask>` +
          `<mask id="cast"><rect width="400" height="400" fill="#fff"/><circle cx="190" cy="190" r="96" fill="#000"/></mask>`,
        `<rect width="400" height="400" fill="${c(0)}"/>
        <ellipse cx="214" cy="214" rx="128" ry="112" fill="${c(3)}" opacity="0.22" filter="url(#wash)"/>
        <g filter="url(#sketch)">
          <g mask="url(#cast)"><ellipse cx="236" cy="286" rx="132" ry="24" fill="url(#h1)"/><ellipse cx="214" cy="284" rx="80" ry="13" fill="url(#h2)"/></g>
          <circle cx="190" cy="190" r="96" fill="url(#h1)" mask="url(#shadow-side)"/>
          <circle cx="190" cy="190" r="96" fill="url(#h2)" mask="url(#core-shadow)"/>
          <g fill="none" stroke="${c(1)}" stroke-linecap="round">
            <circle cx="190" cy="190" r="96" stroke-width="2.2"/>
            <path d="M96 176a96 96 0 0 1 150-64" stroke-width="0.9" opacity="0.6"/>
            <path d="M24 286c60-6 110-8 150-6M262 288c50 2 84 4 116 8" stroke-width="1.4"/>
            <path d="M40 300c40-2 70-2 96 0" stroke-width="0.8" opacity="0.6"/>
            <path d="M136 132c10-14 26-22 42-24" stroke-width="1.2" opacity="0.7"/>
          </g>
          <g fill="none" stroke="${c(2)}" stroke-width="1" stroke-linecap="round" opacity="0.8">
            <path d="M44 70l28-12M52 82l30-13M60 94l30-13"/><path d="M330 52c12 14 16 30 12 46"/>
            <path d="M300 340l60 0M306 350l44 0" stroke="${c(1)}"/>
          </g>
        </g>`,
      );
    },
  },

  // A chiaroscuro still life: a lit pear, a dark jug, a crimson drape, brushy edges.
  "oil-painting": {
    draw: (c) => {
      const random = seededRandom(21);
      // Broad, loose strokes in the background, following the fall of the light.
      const strokes = Array.from({ length: 14 }, () => {
        const x = -20 + random() * 340;
        const y = 10 + random() * 230;
        const colour = random() > 0.4 ? shade(c(1), 0.2 + random() * 0.2) : shade(c(0), 0.1);
        return `<path d="M${round(x)} ${round(y)}q${round(30 + random() * 30)} ${round(-10 + random() * 20)} ${round(80 + random() * 60)} ${round(-20 + random() * 30)}" stroke="${colour}" opacity="${round(0.18 + random() * 0.2)}"/>`;
      }).join("");
      return svg(
        radial("light", 0.3, 0.3, 0.85, [
          [0, shade(c(1), 0.15)],
          [0.45, c(1)],
          [1, c(0)],
        ]) +
          radial("pear", 0.32, 0.36, 0.75, [
            [0, c(4)],
            [0.3, c(2)],
            [0.8, shade(c(2), -0.45)],
            [1, c(0)],
          ]) +
          linear(
            "jug",
            [0, 0],
            [1, 0],
            [
              [0, shade(c(1), -0.1)],
              [0.35, shade(c(1), -0.4)],
              [1, c(0)],
            ],
          ) +
          linear(
            "drape",
            [0, 0],
            [1, 1],
            [
              [0, shade(c(3), 0.12)],
              [0.5, c(3)],
              [1, shade(c(3), -0.55)],
            ],
          ) +
          wobble("brush", 0.035, 6, 8) +
          blur("soft", 4),
        `<rect width="400" height="400" fill="url(#light)"/>
        <g fill="none" stroke-width="26" stroke-linecap="round" filter="url(#soft)">${strokes}</g>
        <g filter="url(#brush)">
          <rect x="-10" y="262" width="420" height="150" fill="${shade(c(1), -0.3)}"/>
          <path d="M-10 262h420" stroke="${c(2)}" stroke-width="3" opacity="0.5"/>
          <path d="M232 270c-18-40-22-100 0-128-10-16-6-30 12-32h44c18 2 22 16 12 32 22 28 18 88 0 128z" fill="url(#jug)"/>
          <path d="M300 160c30 0 34 50 4 64" fill="none" stroke="${shade(c(1), -0.35)}" stroke-width="10"/>
          <path d="M244 156c-6 30-6 70 4 100" fill="none" stroke="${c(2)}" stroke-width="9" opacity="0.3" stroke-linecap="round"/>
          <path d="M-10 320c60-30 120-10 170 10s140 30 260-20v110H-10z" fill="url(#drape)"/>
          <path d="M40 330c40-10 80 0 120 20" fill="none" stroke="${shade(c(3), 0.3)}" stroke-width="8" opacity="0.3" stroke-linecap="round"/>
          <path d="M150 140c24 0 30 26 28 46 20 16 34 40 28 66-6 28-38 36-64 30-30-6-46-30-38-60 6-24 22-30 26-44-6-22 0-38 20-38z" fill="url(#pear)"/>
          <path d="M156 140c2-12 8-22 16-26" fill="none" stroke="${c(0)}" stroke-width="4" stroke-linecap="round"/>
          <ellipse cx="136" cy="226" rx="9" ry="20" fill="${c(4)}" opacity="0.45" transform="rotate(12 136 226)"/>
          <ellipse cx="152" cy="164" rx="5" ry="9" fill="${c(4)}" opacity="0.4"/>
        </g>
`,
      );
    },
  },

  // A 40×40 game screen: dithered sunset, mountains, grass, a floating block, a coin and a hero.
  "pixel-art": {
    lossless: true,
    draw: (c) => {
      const grid = 40;
      const cell = SIZE / grid;
      const cells: string[][] = Array.from({ length: grid }, () =>
        Array.from({ length: grid }, () => c(0)),
      );
      const paint = (x: number, y: number, colour: string) => {
        const row = cells[y];
        if (row && x >= 0 && x < grid) row[x] = colour;
      };
      // Sky bands, each boundary dithered in a checkerboard.
      const bands: Array<[number, string]> = [
        [0, c(0)],
        [8, c(1)],
        [15, c(2)],
        [20, c(3)],
      ];
      for (let y = 0; y < grid; y += 1) {
        for (let x = 0; x < grid; x += 1) {
          let colour = c(0);
          for (const [index, [start, bandColour]] of bands.entries()) {
            if (y >= start) colour = bandColour;
            const next = bands[index + 1];
            if (next && y === next[0] - 1 && (x + y) % 2 === 0) colour = next[1];
          }
          paint(x, y, colour);
        }
      }
      const random = seededRandom(3);
      for (let i = 0; i < 14; i += 1)
        paint(Math.floor(random() * grid), Math.floor(random() * 7), c(4));
      // Sun.
      for (let y = 0; y < grid; y += 1) {
        for (let x = 0; x < grid; x += 1) {
          const d = Math.hypot(x - 29, y - 15);
          if (d <= 6) paint(x, y, y % 2 === 1 && y > 17 ? c(3) : c(4));
        }
      }
      // Mountains: two silhouettes.
      for (let x = 0; x < grid; x += 1) {
        const far = 24 - Math.max(0, 8 - Math.abs(x - 10)) - Math.max(0, 6 - Math.abs(x - 33));
        for (let y = far; y < grid; y += 1) paint(x, y, c(1));
        const near = 28 - Math.max(0, 5 - Math.abs(x - 20)) - Math.max(0, 4 - Math.abs(x - 3));
        for (let y = near; y < grid; y += 1) paint(x, y, c(0));
      }
      // Ground: grass lip, grass, dirt.
      for (let x = 0; x < grid; x += 1) {
        paint(x, 31, c(5));
        paint(x, 32, x % 3 === 0 ? c(5) : c(6));
        for (let y = 33; y < grid; y += 1)
          paint(x, y, (x * 7 + y * 3) % 11 === 0 ? c(3) : y === 33 ? c(6) : c(2));
      }
      // Floating block with a coin above it.
      for (let x = 16; x <= 23; x += 1) {
        paint(x, 23, c(5));
        paint(x, 24, c(6));
        paint(x, 25, c(2));
      }
      for (const [x, y] of [
        [19, 16],
        [20, 16],
        [18, 17],
        [21, 17],
        [18, 18],
        [21, 18],
        [19, 19],
        [20, 19],
      ] as const)
        paint(x, y, c(4));
      paint(19, 17, c(3));
      paint(19, 18, c(3));
      // Hero, 5×7.
      const hero = ["..a..", ".aaa.", "..b..", ".bbb.", "b.b.b", ".c.c.", ".c.c."];
      const heroColours: Record<string, string> = { a: c(2), b: c(7), c: c(4) };
      hero.forEach((line, dy) =>
        [...line].forEach((key, dx) => {
          const colour = heroColours[key];
          if (colour) paint(8 + dx, 24 + dy, colour);
        }),
      );
      paint(10, 25, c(4));
      // Horizontal runs keep the SVG short; crispEdges keeps the pixels square.
      const rects: string[] = [];
      cells.forEach((row, y) => {
        let start = 0;
        for (let x = 1; x <= grid; x += 1) {
          if (x === grid || row[x] !== row[start]) {
            rects.push(
              `<rect x="${start * cell}" y="${y * cell}" width="${(x - start) * cell}" height="${cell}" fill="${row[start]}"/>`,
            );
            start = x;
          }
        }
      });
      return svg("", `<g shape-rendering="crispEdges">${rects.join("")}</g>`);
    },
  },

  // A rain-wet skyline at night with glowing magenta and cyan signs mirrored in the street.
  "neon-cyberpunk": {
    draw: (c) => {
      const random = seededRandom(77);
      const skyline = (seed: number, top: number, colour: string, windows: boolean) => {
        const r = seededRandom(seed);
        const parts: string[] = [];
        for (let x = -10; x < SIZE;) {
          const width = 30 + r() * 46;
          const height = top + r() * 110;
          parts.push(
            `<rect x="${round(x)}" y="${round(270 - height)}" width="${round(width)}" height="${round(height)}" fill="${colour}"/>`,
          );
          if (windows) {
            for (let wy = 270 - height + 10; wy < 262; wy += 12) {
              for (let wx = x + 6; wx < x + width - 8; wx += 10) {
                if (r() > 0.78)
                  parts.push(
                    `<rect x="${round(wx)}" y="${round(wy)}" width="4" height="5" fill="${r() > 0.5 ? c(4) : c(3)}" opacity="0.7"/>`,
                  );
              }
            }
          }
          x += width + 2;
        }
        return parts.join("");
      };
      const city = `${skyline(8, 90, shade(c(1), -0.15), false)}${skyline(9, 40, c(0), true)}
        <g fill="none" stroke-linecap="round" filter="url(#neon)">
          <rect x="62" y="120" width="26" height="92" rx="4" stroke="${c(2)}" stroke-width="4"/>
          <path d="M232 150h90" stroke="${c(3)}" stroke-width="5"/>
          <path d="M246 168h62" stroke="${c(2)}" stroke-width="3"/>
          <circle cx="168" cy="176" r="20" stroke="${c(3)}" stroke-width="4"/>
          <path d="M344 110v80" stroke="${c(4)}" stroke-width="4"/>
          <path d="M120 230h60" stroke="${c(2)}" stroke-width="3"/>
        </g>`;
      const rain = Array.from({ length: 70 }, () => {
        const x = random() * SIZE;
        const y = random() * SIZE;
        return `M${round(x)} ${round(y)}l-5 ${round(14 + random() * 12)}`;
      }).join("");
      return svg(
        linear(
          "sky",
          [0, 0],
          [0, 1],
          [
            [0, c(0)],
            [0.55, c(1)],
            [0.68, shade(c(2), -0.35)],
          ],
        ) +
          linear(
            "street",
            [0, 0],
            [0, 1],
            [
              [0, shade(c(1), -0.2)],
              [1, c(0)],
            ],
          ) +
          linear(
            "fade",
            [0, 0],
            [0, 1],
            [
              [0, "#ffffff", 0.55],
              [1, "#ffffff", 0],
            ],
          ) +
          `<mask id="reflection"><rect y="270" width="400" height="130" fill="url(#fade)"/></mask>` +
          `<filter id="neon" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="5" result="glow"/><feMerge><feMergeNode in="glow"/><feMergeNode in="glow"/><feMergeNode in="SourceGraphic"/></feMerge></filter>` +
          blur("wet", 3),
        `<rect width="400" height="270" fill="url(#sky)"/>
        <rect y="270" width="400" height="130" fill="url(#street)"/>
        ${city}
        <g mask="url(#reflection)"><g transform="translate(0 540) scale(1 -1)" filter="url(#wet)">${city}</g></g>
        <rect y="268" width="400" height="3" fill="${c(2)}" opacity="0.5"/>
        <g stroke="${c(3)}" stroke-width="2" opacity="0.35"><path d="M40 320h80M210 350h120M90 380h60"/></g>
        <path d="${rain}" stroke="#cfe8ff" stroke-width="1" opacity="0.28"/>`,
      );
    },
  },

  // A red sun, a snow-capped peak, a curling wave and seigaiha waves on aged paper.
  "ukiyo-e": {
    draw: (c) => {
      const paper = shade(c(0), 0.55);
      const scales: string[] = [];
      for (let row = 0; row < 6; row += 1) {
        for (let col = -1; col < 9; col += 1) {
          const cx = col * 52 + (row % 2 === 0 ? 0 : 26);
          const cy = 288 + row * 22;
          scales.push(
            `<circle cx="${cx}" cy="${cy}" r="26" fill="${row % 2 === 0 ? c(1) : c(2)}"/>`,
            `<circle cx="${cx}" cy="${cy}" r="18" fill="none" stroke="${paper}" stroke-width="2.5"/>`,
            `<circle cx="${cx}" cy="${cy}" r="9" fill="none" stroke="${paper}" stroke-width="2.5"/>`,
          );
        }
      }
      return svg(
        linear(
          "bokashi",
          [0, 0],
          [0, 1],
          [
            [0, c(2)],
            [0.28, c(2), 0.5],
            [0.5, c(2), 0],
          ],
        ) + wobble("print", 0.03, 3, 12),
        `<rect width="400" height="400" fill="${c(0)}"/>
        <rect width="400" height="280" fill="url(#bokashi)"/>
        <g filter="url(#print)">
          <circle cx="292" cy="112" r="42" fill="${c(3)}"/>
          <path d="M60 168c30-16 80-16 110 0" fill="none" stroke="${c(4)}" stroke-width="3" stroke-linecap="round"/>
          <path d="M48 182c44-10 100-10 140 2" fill="none" stroke="${c(4)}" stroke-width="3" stroke-linecap="round" opacity="0.6"/>
          <path d="M150 270l70-92 70 92z" fill="${c(2)}" stroke="${c(4)}" stroke-width="3" stroke-linejoin="round"/>
          <path d="M196 210l24-32 24 32-8 6-8-8-8 10-8-10-8 8z" fill="${paper}" stroke="${c(4)}" stroke-width="2" stroke-linejoin="round"/>
          <g stroke="${c(4)}" stroke-width="2.5">${scales.join("")}</g>
          <path d="M-10 300c10-90 90-150 170-130 40 10 56 40 46 70-10-24-40-34-64-22 10 10 14 26 6 40-30-30-76-14-92 40z" fill="${c(1)}" stroke="${c(4)}" stroke-width="3" stroke-linejoin="round"/>
          <path d="M22 250c20-42 60-66 110-64" fill="none" stroke="${paper}" stroke-width="3" stroke-linecap="round"/>
          <g fill="${paper}" stroke="${c(4)}" stroke-width="1.5"><circle cx="196" cy="238" r="6"/><circle cx="186" cy="226" r="5"/><circle cx="204" cy="224" r="4"/><circle cx="172" cy="220" r="4"/><circle cx="150" cy="218" r="5"/></g>
        </g>`,
      );
    },
  },

  // A Swiss-style poster: one big sun, two flat hills, a thin rule, generous space.
  "minimal-poster": {
    draw: (c) =>
      svg(
        "",
        `<rect width="400" height="400" fill="${shade(c(0), -0.06)}"/>
        <rect x="34" y="24" width="332" height="352" fill="${c(0)}"/>
        <circle cx="238" cy="150" r="86" fill="${c(1)}"/>
        <path d="M34 376V300c60-70 150-70 210 0v76z" fill="${c(2)}"/>
        <path d="M180 376c30-62 120-82 186-40v40z" fill="${c(3)}"/>
        <path d="M34 376c0-20 16-36 36-36s36 16 36 36z" fill="${c(1)}"/>
        <rect x="60" y="58" width="74" height="5" fill="${c(2)}"/>
        <rect x="60" y="70" width="44" height="5" fill="${c(2)}"/>
        <circle cx="330" cy="56" r="9" fill="${c(3)}"/>`,
      ),
  },

  // A geometric mark built from negative space, on its construction grid, shown at three sizes.
  "logo-mark": {
    draw: (c) => {
      const mark = (x: number, y: number, scale: number, fill: string) =>
        `<g transform="translate(${x} ${y}) scale(${scale})"><path d="M0-80a80 80 0 1 0 80 80h-56a24 24 0 1 1-24-24z" fill="${fill}"/><rect x="18" y="-80" width="62" height="62" rx="14" fill="${c(3)}"/></g>`;
      const gridLines: string[] = [];
      for (let v = 40; v < SIZE; v += 40) gridLines.push(`M${v} 0v400M0 ${v}h400`);
      return svg(
        "",
        `<rect width="400" height="400" fill="${c(0)}"/>
        <path d="${gridLines.join("")}" stroke="${shade(c(1), 0.9)}" stroke-width="1"/>
        <g fill="none" stroke="${c(2)}" stroke-opacity="0.35" stroke-width="1.2" stroke-dasharray="4 4">
          <circle cx="190" cy="196" r="80"/><circle cx="190" cy="196" r="24"/><path d="M110 196h240M190 116v160"/>
        </g>
        ${mark(190, 196, 1, c(2))}
        <g>${mark(300, 344, 0.26, c(1))}${mark(340, 344, 0.16, c(1))}${mark(368, 344, 0.1, c(1))}</g>`,
      );
    },
  },

  // A smiling rainbow-and-cloud die-cut sticker: thick white border, outline, shadow and shine.
  sticker: {
    draw: (c) => {
      const ink = "#2b2d42";
      const arcs = [c(1), c(2), c(3), c(4)]
        .map(
          (colour, i) =>
            `<path d="M${90 + i * 22} 250a${110 - i * 22} ${110 - i * 22} 0 0 1 ${220 - i * 44} 0" fill="none" stroke="${colour}" stroke-width="24"/>`,
        )
        .join("");
      const cloud = (cx: number, cy: number) =>
        `<g fill="${c(0)}" stroke="${ink}" stroke-width="5"><path d="M${cx - 48} ${cy + 26}a22 22 0 0 1 4-44a28 28 0 0 1 52-8a24 24 0 0 1 40 22a18 18 0 0 1-6 30z" stroke-linejoin="round"/></g>`;
      const art = `<g>${arcs}<path d="M78 250a122 122 0 0 1 244 0" fill="none" stroke="${ink}" stroke-width="5"/><path d="M166 250a34 34 0 0 1 68 0" fill="none" stroke="${ink}" stroke-width="5"/>${cloud(96, 254)}${cloud(304, 254)}</g>`;
      return svg(
        `<g id="art">${art}</g>` +
          `<filter id="border" x="-20%" y="-20%" width="140%" height="140%"><feMorphology in="SourceAlpha" operator="dilate" radius="15" result="grown"/><feFlood flood-color="#ffffff"/><feComposite in2="grown" operator="in"/></filter>` +
          `<filter id="shadow" x="-20%" y="-20%" width="140%" height="140%"><feMorphology in="SourceAlpha" operator="dilate" radius="15"/><feGaussianBlur stdDeviation="8"/><feOffset dy="8"/><feComponentTransfer><feFuncA type="linear" slope="0.28"/></feComponentTransfer></filter>`,
        `<rect width="400" height="400" fill="#eceef3"/>
        <use href="#art" filter="url(#shadow)"/>
        <use href="#art" filter="url(#border)"/>
        <use href="#art"/>
        <g fill="${ink}"><circle cx="82" cy="258" r="4.5"/><circle cx="104" cy="258" r="4.5"/><circle cx="296" cy="258" r="4.5"/><circle cx="318" cy="258" r="4.5"/></g>
        <g fill="none" stroke="${ink}" stroke-width="3.5" stroke-linecap="round"><path d="M86 268q7 7 14 0"/><path d="M300 268q7 7 14 0"/></g>
        <g fill="${c(1)}" opacity="0.6"><ellipse cx="72" cy="268" rx="6" ry="4"/><ellipse cx="114" cy="268" rx="6" ry="4"/><ellipse cx="286" cy="268" rx="6" ry="4"/><ellipse cx="328" cy="268" rx="6" ry="4"/></g>
        <path d="M120 180a96 96 0 0 1 60-36" fill="none" stroke="#ffffff" stroke-width="7" stroke-linecap="round" opacity="0.75"/>`,
      );
    },
  },

  // Flowers and leaves in a half-drop repeat that runs off every edge.
  "seamless-pattern": {
    draw: (c) => {
      const flower = (x: number, y: number, rotate: number) =>
        `<g transform="translate(${x} ${y}) rotate(${rotate})">${[0, 72, 144, 216, 288]
          .map(
            (angle) =>
              `<ellipse cx="0" cy="-15" rx="9" ry="15" transform="rotate(${angle})" fill="${c(4)}"/>`,
          )
          .join("")}<circle r="8" fill="${c(3)}"/><circle r="3" fill="${c(1)}"/></g>`;
      const leaf = (x: number, y: number, rotate: number) =>
        `<g transform="translate(${x} ${y}) rotate(${rotate})"><path d="M0-30C18-18 18 14 0 30-18 14-18-18 0-30z" fill="${c(2)}"/><path d="M0-26V26M0-6l9-8M0 8l-9-8" stroke="${c(1)}" stroke-width="2" fill="none" stroke-linecap="round"/></g>`;
      const dots = (x: number, y: number) =>
        `<g fill="${c(1)}"><circle cx="${x}" cy="${y}" r="3"/><circle cx="${x + 10}" cy="${y + 6}" r="2"/><circle cx="${x - 4}" cy="${y + 12}" r="2.5"/></g>`;
      // One tile is 100×100; motifs near an edge are repeated on the opposite edge so the tile is seamless.
      const tile = [
        flower(25, 25, 0),
        flower(125, 25, 0),
        flower(25, 125, 0),
        flower(75, 75, 36),
        leaf(75, 20, 40),
        leaf(75, 120, 40),
        leaf(25, 70, -50),
        leaf(125, 70, -50),
        dots(52, 44),
        dots(2, 92),
        dots(102, 92),
      ].join("");
      return svg(
        `<pattern id="tile" width="100" height="100" patternUnits="userSpaceOnUse" patternTransform="translate(-40 -30) scale(2)"><rect width="100" height="100" fill="${c(0)}"/>${tile}</pattern>`,
        `<rect width="400" height="400" fill="url(#tile)"/>`,
      );
    },
  },

  // A floating cut-away room in true isometric projection: walls, window, desk, rug and a plant.
  "isometric-3d": {
    draw: (c) => {
      const cos = Math.cos(Math.PI / 6);
      const iso = (x: number, y: number, z: number): [number, number] => [
        200 + (x - y) * cos,
        215 + (x + y) * 0.5 - z,
      ];
      const face = (corners: Array<[number, number, number]>, fill: string) =>
        `<polygon points="${points(corners.map(([x, y, z]) => iso(x, y, z)))}" fill="${fill}"/>`;
      /** A box from (x,y,z) with size (w,d,h): top, left (+y) and right (+x) faces. */
      const box = (
        x: number,
        y: number,
        z: number,
        w: number,
        d: number,
        h: number,
        colour: string,
      ) =>
        face(
          [
            [x, y, z + h],
            [x + w, y, z + h],
            [x + w, y + d, z + h],
            [x, y + d, z + h],
          ],
          shade(colour, 0.25),
        ) +
        face(
          [
            [x, y + d, z],
            [x + w, y + d, z],
            [x + w, y + d, z + h],
            [x, y + d, z + h],
          ],
          colour,
        ) +
        face(
          [
            [x + w, y, z],
            [x + w, y + d, z],
            [x + w, y + d, z + h],
            [x + w, y, z + h],
          ],
          shade(colour, -0.18),
        );
      const s = 150;
      return svg(
        radial("bg", 0.5, 0.45, 0.7, [
          [0, shade(c(0), 0.5)],
          [1, c(0)],
        ]) + blur("shadow", 14),
        `<rect width="400" height="400" fill="url(#bg)"/>
        <ellipse cx="200" cy="356" rx="120" ry="22" fill="${shade(c(1), -0.3)}" opacity="0.22" filter="url(#shadow)"/>
        ${box(-s / 2, -s / 2, -24, s, s, 24, c(1))}
        ${face(
          [
            [-s / 2, -s / 2, 0],
            [s / 2, -s / 2, 0],
            [s / 2, -s / 2, 130],
            [-s / 2, -s / 2, 130],
          ],
          shade(c(0), -0.04),
        )}
        ${face(
          [
            [-s / 2, -s / 2, 0],
            [-s / 2, s / 2, 0],
            [-s / 2, s / 2, 130],
            [-s / 2, -s / 2, 130],
          ],
          shade(c(0), -0.12),
        )}
        ${box(-s / 2, -s / 2, 0, s, s, 0.01, shade(c(3), 0.35))}
        ${face(
          [
            [-20, -10, 0.5],
            [40, -10, 0.5],
            [40, 50, 0.5],
            [-20, 50, 0.5],
          ],
          c(4),
        )}
        ${face(
          [
            [-5, -s / 2, 55],
            [45, -s / 2, 55],
            [45, -s / 2, 105],
            [-5, -s / 2, 105],
          ],
          shade(c(2), 0.3),
        )}
        ${face(
          [
            [18, -s / 2, 55],
            [21, -s / 2, 55],
            [21, -s / 2, 105],
            [18, -s / 2, 105],
          ],
          shade(c(0), 0.4),
        )}
        ${box(-s / 2, -40, 0, 36, 70, 38, c(3))}
        ${box(-s / 2 + 4, -30, 38, 20, 26, 18, shade(c(1), 0.3))}
        ${box(36, 30, 0, 22, 22, 22, c(4))}
        <g fill="${c(2)}">
          <circle cx="${round(iso(47, 41, 52)[0])}" cy="${round(iso(47, 41, 52)[1])}" r="17"/>
          <circle cx="${round(iso(47, 41, 52)[0] - 12)}" cy="${round(iso(47, 41, 52)[1] + 10)}" r="11" fill="${shade(c(2), -0.15)}"/>
          <circle cx="${round(iso(47, 41, 52)[0] + 11)}" cy="${round(iso(47, 41, 52)[1] + 8)}" r="10" fill="${shade(c(2), 0.15)}"/>
        </g>`,
      );
    },
  },

  // Matte clay shapes: a spotted mushroom, a ball and a pebble, with a blurred ball behind.
  "clay-render": {
    draw: (c) => {
      const clay = (id: string, colour: string) =>
        radial(id, 0.35, 0.3, 0.85, [
          [0, shade(colour, 0.35)],
          [0.55, colour],
          [1, shade(colour, -0.28)],
        ]);
      return svg(
        linear(
          "sweep",
          [0, 0],
          [0, 1],
          [
            [0, shade(c(0), 0.3)],
            [0.62, c(0)],
            [1, shade(c(0), -0.1)],
          ],
        ) +
          clay("cap", c(1)) +
          clay("stem", shade(c(2), 0.45)) +
          clay("ball", c(3)) +
          clay("pebble", c(4)) +
          clay("far", c(2)) +
          blur("shadow", 9) +
          blur("dof", 7) +
          wobble("hand", 0.05, 3, 5),
        `<rect width="400" height="400" fill="url(#sweep)"/>
        <circle cx="320" cy="120" r="38" fill="url(#far)" filter="url(#dof)"/>
        <g fill="${shade(c(4), -0.3)}" opacity="0.22" filter="url(#shadow)">
          <ellipse cx="186" cy="318" rx="78" ry="16"/><ellipse cx="306" cy="320" rx="44" ry="10"/><ellipse cx="96" cy="330" rx="30" ry="7"/>
        </g>
        <g filter="url(#hand)">
          <path d="M160 316c-6-40 0-90 10-110h34c10 20 16 70 10 110-16 8-38 8-54 0z" fill="url(#stem)"/>
          <path d="M96 214c0-64 48-104 92-104s92 40 92 104c-30 16-154 16-184 0z" fill="url(#cap)"/>
          <g fill="${shade(c(0), 0.4)}"><ellipse cx="150" cy="160" rx="14" ry="11"/><ellipse cx="212" cy="140" rx="11" ry="9"/><ellipse cx="238" cy="184" rx="13" ry="10"/><ellipse cx="178" cy="196" rx="9" ry="7"/></g>
          <circle cx="306" cy="286" r="36" fill="url(#ball)"/>
          <ellipse cx="96" cy="316" rx="30" ry="20" fill="url(#pebble)"/>
        </g>
        <g fill="none" stroke="${shade(c(1), -0.2)}" stroke-width="1.2" opacity="0.45" stroke-linecap="round">
          <path d="M126 150c6-6 14-8 20-6M130 158c6-5 12-6 18-4"/><path d="M292 270c4-4 10-5 14-3"/>
        </g>`,
      );
    },
  },

  // Faceted mountains lit from the left, a polygonal sun, fog and low-poly pines.
  "low-poly": {
    draw: (c) => {
      const random = seededRandom(42);
      const facets: string[] = [];
      // The stroke in the fill colour closes the hairline gaps anti-aliasing leaves between facets.
      const facet = (corners: ReadonlyArray<readonly [number, number]>, fill: string) =>
        `<polygon points="${points(corners)}" fill="${fill}" stroke="${fill}" stroke-width="0.8" stroke-linejoin="round"/>`;
      const mountains = (
        baseY: number,
        peaks: ReadonlyArray<readonly [number, number]>,
        colour: string,
        snow: boolean,
      ) => {
        const ridgePoints: Array<[number, number]> = [[-20, baseY]];
        for (const [x, y] of peaks) ridgePoints.push([x, y]);
        ridgePoints.push([420, baseY]);
        // Densify the ridge, then drop a jittered row below it and stitch the two into triangles.
        const top: Array<[number, number]> = [];
        ridgePoints.forEach((point, i) => {
          const next = ridgePoints[i + 1];
          top.push(point);
          if (next)
            top.push([(point[0] + next[0]) / 2, (point[1] + next[1]) / 2 + (random() - 0.5) * 16]);
        });
        const low = top.map(([x, y]): [number, number] => [
          x + (random() - 0.5) * 20,
          y + (baseY - y) * (0.45 + random() * 0.2),
        ]);
        for (let i = 0; i < top.length - 1; i += 1) {
          const a = top[i];
          const b = top[i + 1];
          const la = low[i];
          const lb = low[i + 1];
          if (!a || !b || !la || !lb) continue;
          const facingSun = b[1] > a[1];
          const tone = (facingSun ? 0.22 : -0.22) + (random() - 0.5) * 0.12;
          const upper =
            snow && Math.min(a[1], b[1]) < baseY - 120
              ? shade(c(3), facingSun ? 0 : -0.14)
              : shade(colour, tone);
          facets.push(facet([a, b, la], upper));
          facets.push(facet([b, lb, la], shade(colour, tone * 0.6 - 0.08)));
          facets.push(
            facet(
              [la, lb, [lb[0], baseY + 2], [la[0], baseY + 2]],
              shade(colour, tone * 0.4 - 0.16),
            ),
          );
        }
      };
      mountains(
        270,
        [
          [40, 180],
          [120, 120],
          [200, 190],
          [290, 100],
          [380, 170],
        ],
        c(1),
        true,
      );
      const range = facets.splice(0).join("");
      mountains(
        330,
        [
          [60, 250],
          [160, 280],
          [250, 230],
          [340, 275],
        ],
        shade(c(1), -0.35),
        false,
      );
      const hills = facets.splice(0).join("");
      // A pine: two stacked tiers, each split into a sunlit and a shaded half.
      const pine = (x: number, y: number, h: number) =>
        [0, 0.4]
          .map((lift) => {
            const base = y - h * lift;
            const top = base - h * 0.6;
            const half = h * (0.3 - lift * 0.25);
            return (
              facet(
                [
                  [x, top],
                  [x - half, base],
                  [x, base],
                ],
                shade(c(1), -0.05),
              ) +
              facet(
                [
                  [x, top],
                  [x + half, base],
                  [x, base],
                ],
                shade(c(0), 0.05),
              )
            );
          })
          .join("");
      return svg(
        linear(
          "sky",
          [0, 0],
          [0, 1],
          [
            [0, c(2)],
            [0.6, c(3)],
          ],
        ) +
          linear(
            "fog",
            [0, 0],
            [0, 1],
            [
              [0, c(3), 0],
              [0.5, c(3), 0.55],
              [1, c(3), 0],
            ],
          ),
        `<rect width="400" height="400" fill="url(#sky)"/>
        <polygon points="${points(Array.from({ length: 6 }, (_, i) => [96 + 34 * Math.cos((i * Math.PI) / 3), 92 + 34 * Math.sin((i * Math.PI) / 3)] as [number, number]))}" fill="${c(4)}"/>
        <polygon points="96,92 130,92 113,121.4" fill="${shade(c(4), -0.12)}"/><polygon points="96,92 62,92 79,62.6" fill="${shade(c(4), 0.15)}"/>
        ${range}
        <rect y="226" width="400" height="80" fill="url(#fog)"/>
        ${hills}
        <rect y="328" width="400" height="72" fill="${c(0)}"/>
        ${pine(60, 362, 70)}${pine(96, 368, 50)}${pine(300, 366, 84)}${pine(342, 372, 56)}${pine(200, 384, 40)}`,
      );
    },
  },

  // A glossy squircle app icon with a glass sparkle, iridescent rim and soft shadow.
  "glossy-3d-icon": {
    draw: (c) =>
      svg(
        linear(
          "bg",
          [0, 0],
          [1, 1],
          [
            [0, c(1)],
            [1, c(0)],
          ],
        ) +
          linear(
            "body",
            [0, 0],
            [1, 1],
            [
              [0, c(2)],
              [0.55, c(0)],
              [1, shade(c(0), -0.3)],
            ],
          ) +
          linear(
            "gloss",
            [0, 0],
            [0, 1],
            [
              [0, c(4), 0.7],
              [0.5, c(4), 0.05],
              [1, c(4), 0],
            ],
          ) +
          linear(
            "rim",
            [0, 0],
            [1, 1],
            [
              [0, c(4)],
              [0.35, c(2)],
              [0.7, c(3)],
              [1, c(1)],
            ],
          ) +
          linear(
            "spark",
            [0, 0],
            [1, 1],
            [
              [0, c(4)],
              [0.5, shade(c(3), 0.35)],
              [1, c(3)],
            ],
          ) +
          radial("halo", 0.5, 0.5, 0.5, [
            [0, c(4), 0.45],
            [1, c(4), 0],
          ]) +
          blur("shadow", 16) +
          blur("soft", 3),
        `<rect width="400" height="400" fill="url(#bg)"/>
        <circle cx="120" cy="100" r="140" fill="url(#halo)"/>
        <rect x="112" y="292" width="176" height="40" rx="20" fill="${shade(c(0), -0.6)}" opacity="0.45" filter="url(#shadow)"/>
        <rect x="100" y="92" width="200" height="200" rx="60" fill="url(#body)"/>
        <rect x="100" y="92" width="200" height="200" rx="60" fill="none" stroke="url(#rim)" stroke-width="4" opacity="0.85"/>
        <path d="M126 140c0-20 14-34 34-34h80c20 0 34 14 34 34v14c-40 12-108 12-148 0z" fill="url(#gloss)"/>
        <path d="M200 136c6 34 22 50 56 56-34 6-50 22-56 56-6-34-22-50-56-56 34-6 50-22 56-56z" fill="${c(3)}" opacity="0.45" filter="url(#soft)" transform="translate(6 8)"/>
        <path d="M200 136c6 34 22 50 56 56-34 6-50 22-56 56-6-34-22-50-56-56 34-6 50-22 56-56z" fill="url(#spark)"/>
        <circle cx="256" cy="136" r="12" fill="${c(4)}" opacity="0.9"/>
        <circle cx="252" cy="132" r="4" fill="#ffffff"/>`,
      ),
  },
};

// ---------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------

async function renderPreview(art: PreviewArt, palette: readonly string[]): Promise<Buffer> {
  const image = sharp(Buffer.from(art.draw(colourPicker(palette))));
  return art.lossless
    ? image.webp({ lossless: true, effort: 6 }).toBuffer()
    : image.webp({ quality: WEBP_QUALITY, effort: 6, smartSubsample: true }).toBuffer();
}

async function main(): Promise<void> {
  const templates = await loadTemplates();
  const missing = templates
    .filter((template) => !(template.slug in ART))
    .map((template) => template.slug);
  if (missing.length > 0) {
    throw new Error(
      `No preview art for: ${missing.join(", ")}. Add an entry to ART in this script.`,
    );
  }
  const slugs = new Set(templates.map((template) => template.slug));
  const stale = Object.keys(ART).filter((slug) => !slugs.has(slug));
  if (stale.length > 0)
    console.warn(`Art without a template (remove it, and its file): ${stale.join(", ")}`);

  await mkdir(OUTPUT_DIR, { recursive: true });
  let total = 0;
  for (const template of templates) {
    const art = ART[template.slug];
    if (!art) continue;
    const webp = await renderPreview(art, template.palette);
    if (webp.length > MAX_BYTES) {
      throw new Error(
        `${template.slug}: ${webp.length} bytes, over the ${MAX_BYTES}-byte budget; simplify its art.`,
      );
    }
    const file = path.join(ROOT, "public", template.previewUrl);
    await writeFile(file, webp);
    total += (await stat(file)).size;
    console.log(
      `${template.previewUrl.padEnd(40)} ${(webp.length / 1024).toFixed(1).padStart(5)} KB`,
    );
  }
  console.log(`${templates.length} previews, ${(total / 1024).toFixed(1)} KB in total.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
