/**
 * Screenshots of collections, Explore and the share pages at phone and desktop sizes, light
 * and dark, on data made through the API (two authors, public and private images, collections).
 *
 *   npx tsx scripts/screenshots-sharing.ts http://localhost:3400 [outDir]
 *
 * The server needs the demo provider (embedded mode) and room for ~40 generations:
 * DAILY_GENERATION_LIMIT=2000 GENERATE_RATE_LIMIT_PER_MINUTE=1000.
 * Output: docs/screenshots/<shot>-<phone|desktop>-<light|dark>.png
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import {
  request,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from "playwright-core";
import {
  DEVICES,
  HIDE_DEV_OVERLAY,
  launchBrowser,
  THEMES,
  type DeviceName,
  type ThemeName,
} from "./support/screenshot-setup";

const baseUrl = (process.argv[2] ?? "").replace(/\/$/, "");
if (!/^https?:\/\//.test(baseUrl)) {
  console.error("Usage: npx tsx scripts/screenshots-sharing.ts <base-url> [out-dir]");
  process.exit(2);
}
const outDir = path.resolve(process.argv[3] ?? "docs/screenshots");

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

interface SeedImage {
  prompt: string;
  tags: string[];
  aspectRatio: "1:1" | "16:9" | "9:16" | "4:3" | "3:4";
  isPublic: boolean;
}

const ADA_IMAGES: SeedImage[] = [
  {
    prompt: "A lighthouse on a basalt cliff at dusk, warm windows, waves breaking below",
    tags: ["lighthouse", "coast"],
    aspectRatio: "3:4",
    isPublic: true,
  },
  {
    prompt: "Tide pools at low tide reflecting a pastel sky, macro detail of anemones",
    tags: ["coast", "macro"],
    aspectRatio: "4:3",
    isPublic: true,
  },
  {
    prompt: "A fishing village in the fog, wooden boats pulled up on the shingle",
    tags: ["coast", "fog"],
    aspectRatio: "16:9",
    isPublic: true,
  },
  {
    prompt: "Storm clouds over a grey sea, a single gull riding the wind",
    tags: ["coast", "storm"],
    aspectRatio: "1:1",
    isPublic: true,
  },
  {
    prompt: "Driftwood sculpture of a whale on an empty beach at sunrise",
    tags: ["coast", "sculpture"],
    aspectRatio: "1:1",
    isPublic: false,
  },
  {
    prompt: "Sea glass collection arranged by colour on a white linen cloth",
    tags: ["coast", "still life"],
    aspectRatio: "1:1",
    isPublic: true,
  },
  {
    prompt: "Neon ramen bar in the rain, reflections on wet asphalt, cinematic",
    tags: ["night", "city"],
    aspectRatio: "9:16",
    isPublic: true,
  },
  {
    prompt: "The night sky over a desert observatory, star trails and the Milky Way",
    tags: ["night", "stars"],
    aspectRatio: "16:9",
    isPublic: true,
  },
  {
    prompt: "A fox asleep in a library armchair, watercolour, soft morning light",
    tags: ["watercolour", "fox"],
    aspectRatio: "4:3",
    isPublic: true,
  },
  {
    prompt: "Isometric cutaway of a cosy treehouse with a tiny kitchen and reading nook",
    tags: ["isometric", "3d"],
    aspectRatio: "1:1",
    isPublic: true,
  },
  {
    prompt: "A paper-cut forest in layered greens with a deer at the clearing",
    tags: ["paper", "forest"],
    aspectRatio: "3:4",
    isPublic: true,
  },
  {
    prompt: "Moonlit canal in Venice, gondolas tied up, lanterns glowing",
    tags: ["night", "city"],
    aspectRatio: "16:9",
    isPublic: false,
  },
  {
    prompt: "Portrait of an astronaut in a sunflower field, film grain",
    tags: ["portrait", "space"],
    aspectRatio: "3:4",
    isPublic: true,
  },
  {
    prompt: "Minimal poster of a mountain range in three flat colours",
    tags: ["poster", "mountains"],
    aspectRatio: "3:4",
    isPublic: true,
  },
];

const GRACE_IMAGES: SeedImage[] = [
  {
    prompt: "Retro-futurist computer room, brass dials and glowing vacuum tubes",
    tags: ["retro", "machines"],
    aspectRatio: "16:9",
    isPublic: true,
  },
  {
    prompt: "A hummingbird made of stained glass hovering over a red flower",
    tags: ["glass", "bird"],
    aspectRatio: "1:1",
    isPublic: true,
  },
  {
    prompt: "Aerial view of terraced rice fields after rain, mist in the valleys",
    tags: ["landscape", "aerial"],
    aspectRatio: "4:3",
    isPublic: true,
  },
  {
    prompt: "Claymation style robot watering a windowsill garden",
    tags: ["3d", "robot"],
    aspectRatio: "1:1",
    isPublic: true,
  },
  {
    prompt: "Art deco train station at golden hour, long shadows, travellers",
    tags: ["architecture", "retro"],
    aspectRatio: "16:9",
    isPublic: true,
  },
  {
    prompt: "Bioluminescent jellyfish drifting through a dark ocean",
    tags: ["ocean", "night"],
    aspectRatio: "9:16",
    isPublic: true,
  },
  {
    prompt: "Cross-section of a sourdough loaf, studio food photography",
    tags: ["food", "photography"],
    aspectRatio: "4:3",
    isPublic: true,
  },
  {
    prompt: "A lighthouse keeper's desk with charts, brass compass and a candle",
    tags: ["lighthouse", "still life"],
    aspectRatio: "1:1",
    isPublic: true,
  },
  {
    prompt: "Snow-covered torii gate on a mountain path, ink wash painting",
    tags: ["ink", "winter"],
    aspectRatio: "3:4",
    isPublic: true,
  },
  {
    prompt: "Hot air balloons over a canyon at dawn, wide angle",
    tags: ["landscape", "balloons"],
    aspectRatio: "16:9",
    isPublic: true,
  },
  {
    prompt: "Macro of frost ferns on a window pane, blue hour",
    tags: ["macro", "winter"],
    aspectRatio: "1:1",
    isPublic: true,
  },
  {
    prompt: "A cat astronaut floating past Saturn, children's book illustration",
    tags: ["space", "cat"],
    aspectRatio: "4:3",
    isPublic: true,
  },
  {
    prompt: "Brutalist library interior with skylights and hanging plants",
    tags: ["architecture"],
    aspectRatio: "3:4",
    isPublic: true,
  },
];

interface Author {
  api: APIRequestContext;
  state: StorageState;
  images: { id: string; shareUrl: string | null; isPublic: boolean; prompt: string }[];
}

interface Envelope<T> {
  success: boolean;
  data: T;
  error?: { code: string; message: string };
}

async function call<T>(
  api: APIRequestContext,
  method: "GET" | "POST" | "PATCH",
  url: string,
  data?: unknown,
): Promise<T> {
  const response = await api.fetch(`${baseUrl}${url}`, {
    method,
    data,
    headers: { Origin: baseUrl },
  });
  const body = (await response.json()) as Envelope<T>;
  if (!body.success)
    throw new Error(
      `${method} ${url}: ${response.status()} ${body.error?.code} ${body.error?.message}`,
    );
  return body.data;
}

async function createAuthor(name: string, seeds: SeedImage[]): Promise<Author> {
  const api = await request.newContext();
  const slug = name.toLowerCase().replace(/\W+/g, ".");
  await call(api, "POST", "/api/v1/auth/register", {
    email: `${slug}+${Date.now()}@example.com`,
    password: "correct horse battery",
    name,
  });
  const images: Author["images"] = [];
  for (const seed of seeds) {
    const { image } = await call<{ image: Author["images"][number] }>(
      api,
      "POST",
      "/api/v1/images/generate",
      seed,
    );
    images.push({
      id: image.id,
      shareUrl: image.shareUrl,
      isPublic: image.isPublic,
      prompt: image.prompt,
    });
  }
  return { api, state: await api.storageState(), images };
}

interface Seed {
  ada: Author;
  grace: Author;
  coastal: { id: string; shareUrl: string };
}

async function seed(): Promise<Seed> {
  console.log("seeding: two authors, their images and Ada's collections…");
  const ada = await createAuthor("Ada Lovelace", ADA_IMAGES);
  const grace = await createAuthor("Grace Hopper", GRACE_IMAGES);
  const img = (index: number) => ada.images[index]!.id;

  const coastal = await call<{ id: string }>(ada.api, "POST", "/api/v1/gallery/collections", {
    name: "Coastal moods",
    description:
      "Lighthouses, tide pools and weather off the north shore — a moodboard for the spring zine.",
    isPublic: true,
  });
  for (const index of [5, 4, 3, 2, 1, 0]) {
    await call(ada.api, "POST", `/api/v1/gallery/collections/${coastal.id}/images`, {
      imageId: img(index),
    });
  }
  const published = await call<{ shareUrl: string }>(
    ada.api,
    "PATCH",
    `/api/v1/gallery/collections/${coastal.id}`,
    {
      coverImageId: img(0),
    },
  );

  const night = await call<{ id: string }>(ada.api, "POST", "/api/v1/gallery/collections", {
    name: "Night studies",
  });
  for (const index of [6, 7, 11]) {
    await call(ada.api, "POST", `/api/v1/gallery/collections/${night.id}/images`, {
      imageId: img(index),
    });
  }
  const stories = await call<{ id: string }>(ada.api, "POST", "/api/v1/gallery/collections", {
    name: "Picture-book ideas",
    isPublic: true,
  });
  for (const index of [8, 10, 9, 12]) {
    await call(ada.api, "POST", `/api/v1/gallery/collections/${stories.id}/images`, {
      imageId: img(index),
    });
  }
  await call(ada.api, "POST", "/api/v1/gallery/collections", {
    name: "Poster series (to do)",
    description: "Flat-colour posters for the studio wall.",
  });

  // Downloads make "Popular" differ from "Newest".
  for (const [author, index, times] of [
    [grace, 1, 4],
    [ada, 0, 3],
    [grace, 5, 2],
  ] as const) {
    for (let count = 0; count < times; count += 1) {
      await author.api.get(
        `${baseUrl}/api/v1/images/${author.images[index]!.id}/download?size=300`,
      );
    }
  }
  return { ada, grace, coastal: { id: coastal.id, shareUrl: published.shareUrl } };
}

interface Shot {
  name: string;
  path: (seed: Seed) => string;
  signedIn: boolean;
  fullPage?: boolean;
  /** Only these devices (default: both). */
  devices?: readonly DeviceName[];
  prepare?: (page: Page) => Promise<void>;
}

const firstPublic = (author: Author) =>
  author.images.find((image) => image.isPublic && image.shareUrl)!;

const SHOTS: readonly Shot[] = [
  { name: "collections", path: () => "/collections", signedIn: true },
  {
    name: "collections-create",
    path: () => "/collections",
    signedIn: true,
    prepare: async (page) => {
      await page.getByTestId("new-collection").first().click();
      await page.getByTestId("collection-name-input").fill("Studio wall");
      await page.getByTestId("collection-public-switch").click();
      await page.waitForTimeout(300);
    },
  },
  { name: "collection", path: (data) => `/collections/${data.coastal.id}`, signedIn: true },
  {
    name: "collection-menu",
    path: (data) => `/collections/${data.coastal.id}`,
    signedIn: true,
    prepare: async (page) => {
      const menu = page.getByTestId("collection-image-menu").nth(1);
      await menu.scrollIntoViewIfNeeded();
      await menu.click();
      await page.getByTestId("set-cover").waitFor();
      await page.waitForTimeout(200);
    },
  },
  {
    name: "collection-rename",
    path: (data) => `/collections/${data.coastal.id}`,
    signedIn: true,
    devices: ["phone"],
    prepare: async (page) => {
      await page.getByTestId("collection-name-edit").click();
      await page.getByTestId("collection-name-field").fill("Coastal moods — spring");
    },
  },
  { name: "explore", path: () => "/explore", signedIn: false },
  {
    name: "explore-search",
    path: () => "/explore?q=lighthouse&sort=popular",
    signedIn: false,
    devices: ["phone"],
  },
  { name: "explore-empty", path: () => "/explore?q=zzzyzzx", signedIn: false, devices: ["phone"] },
  {
    name: "explore-signed-in",
    path: () => "/explore?tag=coast",
    signedIn: true,
    devices: ["desktop"],
  },
  {
    name: "share-image",
    path: (data) => firstPublic(data.ada).shareUrl!,
    signedIn: false,
    fullPage: true,
  },
  {
    name: "share-collection",
    path: (data) => data.coastal.shareUrl,
    signedIn: false,
    fullPage: true,
  },
  { name: "share-not-found", path: () => "/s/i/NoSuchLink", signedIn: false, devices: ["phone"] },
];

async function newContext(
  browser: Browser,
  device: DeviceName,
  theme: ThemeName,
  state?: StorageState,
) {
  const context = await browser.newContext({
    ...DEVICES[device],
    colorScheme: theme,
    reducedMotion: "reduce",
    storageState: state,
  });
  const { hostname } = new URL(baseUrl);
  await context.addCookies([{ name: "theme", value: theme, domain: hostname, path: "/" }]);
  return context;
}

/**
 * Waits for the images a shot shows (all of them for a full-page shot: lazy ones are made
 * eager) and throws when one failed, so that the shot is taken again. A dev server that is
 * recompiling answers some requests with 500.
 */
async function assertImagesLoaded(page: Page, everyImage: boolean) {
  const broken = await page.evaluate(async (all) => {
    // No named functions in here: tsx wraps them in a __name helper the page does not have.
    const images = Array.from(document.images).filter((image) => {
      const box = image.getBoundingClientRect();
      return all || (box.width > 0 && box.bottom > 0 && box.top < window.innerHeight);
    });
    for (const image of images) image.loading = "eager";
    await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
    return images
      .filter((image) => image.naturalWidth === 0)
      .map((image) => image.currentSrc || image.src);
  }, everyImage);
  if (broken.length > 0) throw new Error(`images failed to load: ${broken.join(", ")}`);
}

async function takeShot(page: Page, shot: Shot, data: Seed, file: string, label: string) {
  await page.goto(`${baseUrl}${shot.path(data)}`, { waitUntil: "load" });
  await page.locator("#main").waitFor({ timeout: 20_000 });
  await page.addStyleTag({ content: HIDE_DEV_OVERLAY });
  await page.waitForLoadState("networkidle");
  await shot.prepare?.(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 0) console.warn(`warning: ${label} overflows horizontally by ${overflow}px`);
  await assertImagesLoaded(page, shot.fullPage ?? false);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(200);
  await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
}

async function main() {
  await mkdir(outDir, { recursive: true });
  const data = await seed();
  const browser = await launchBrowser();
  try {
    for (const device of Object.keys(DEVICES) as DeviceName[]) {
      for (const theme of THEMES) {
        for (const signedIn of [false, true]) {
          const context = await newContext(
            browser,
            device,
            theme,
            signedIn ? data.ada.state : undefined,
          );
          const page = await context.newPage();
          page.on("pageerror", (error) =>
            console.error(`page error (${device}, ${theme}): ${error.message}`),
          );
          const shots = SHOTS.filter(
            (shot) => shot.signedIn === signedIn && (shot.devices ?? [device]).includes(device),
          );
          for (const shot of shots) {
            const label = `${shot.name} (${device}, ${theme})`;
            const file = path.join(outDir, `${shot.name}-${device}-${theme}.png`);
            // Retries: a dev server may recompile (and reload the page, or fail a request) mid-shot.
            for (let attempt = 1; attempt <= 3; attempt += 1) {
              try {
                await takeShot(page, shot, data, file, label);
                console.log(`saved ${path.relative(process.cwd(), file)}`);
                break;
              } catch (error) {
                if (attempt === 3) {
                  console.error(`failed ${label}:`, error);
                  process.exitCode = 1;
                } else {
                  console.warn(
                    `retrying ${label}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
                  );
                }
              }
            }
          }
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await data.ada.api.dispose();
    await data.grace.api.dispose();
  }
}

void main();
