import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { BASE_URL, launchBrowser, newContext, screenshot } from "./support/browser";
import { makeImage, registerPerson } from "./support/people";

/**
 * No page scrolls sideways on the narrowest phones people still use (320 and 360 px wide):
 * every page, signed out and signed in, keeps its document no wider than the viewport.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Shared {
  imageId: string;
  imageShare: string;
  collectionId: string;
  collectionShare: string;
}

/** One public image in one public collection, made by a person signed in on `page`. */
async function shareSomething(page: Page): Promise<Shared> {
  const image = await makeImage(page, {
    prompt: "a very long prompt about a lighthouse on a rocky shore at dusk with gulls",
    tags: ["a-rather-long-tag-name", "sea"],
  });
  const post = async <T>(method: "PATCH" | "POST", path: string, data: unknown) => {
    const response = await page.request.fetch(path, {
      method,
      data,
      headers: { origin: BASE_URL },
    });
    expect(response.ok(), `${method} ${path}`).toBe(true);
    return ((await response.json()) as { data: T }).data;
  };
  const published = await post<{ image: { shareUrl: string } }>(
    "PATCH",
    `/api/v1/images/${image.id}`,
    { isPublic: true },
  );
  const collection = await post<{ id: string; shareUrl: string }>(
    "POST",
    "/api/v1/gallery/collections",
    { name: "Lighthouses of the northern coast, collected", isPublic: true },
  );
  await post("POST", `/api/v1/gallery/collections/${collection.id}/images`, { imageId: image.id });
  return {
    imageId: image.id,
    imageShare: new URL(published.image.shareUrl, BASE_URL).pathname,
    collectionId: collection.id,
    collectionShare: new URL(collection.shareUrl, BASE_URL).pathname,
  };
}

const publicPages = (shared: Shared) => [
  "/",
  "/login",
  "/register",
  "/forgot-password",
  `/reset-password?token=pr_${"A".repeat(43)}`,
  `/verify-email?token=ev_${"A".repeat(43)}`,
  `/confirm-email?token=ec_${"A".repeat(43)}`,
  "/explore",
  shared.imageShare,
  shared.collectionShare,
  "/~offline",
];
const signedInPages = (shared: Shared) => [
  ...publicPages(shared),
  "/generate",
  "/gallery",
  "/collections",
  `/collections/${shared.collectionId}`,
  `/images/${shared.imageId}`,
  "/settings",
];

/** Pages whose document is wider than the viewport, with the elements sticking out. */
async function overflowingPages(page: Page, paths: string[], label: string, width: number) {
  const wide: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const measure = await page.evaluate((width) => {
      // Fixed bars stretch with the zoomed-out page: they show the overflow, not its cause.
      const inFixedBar = (element: Element): boolean =>
        element !== document.body &&
        (getComputedStyle(element).position === "fixed" ||
          (element.parentElement !== null && inFixedBar(element.parentElement)));
      const sticksOut = (element: Element) =>
        element.getBoundingClientRect().right > width + 0.5 && !inFixedBar(element);
      // The innermost elements past the edge: what to fix, not every ancestor stretched by it.
      const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
        .filter((element) => sticksOut(element) && ![...element.children].some(sticksOut))
        .slice(0, 3)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 90));
      return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        culprits,
      };
    }, width);
    // A phone zooms out to fit a page wider than the screen, so innerWidth grows with it: the
    // document must fit the screen's width, and innerWidth must still be that width.
    if (measure.scrollWidth > measure.innerWidth || measure.innerWidth > width) {
      wide.push(
        `${path}: ${measure.scrollWidth} (innerWidth ${measure.innerWidth}) > ${width} (${measure.culprits.join(" | ")})`,
      );
      await screenshot(page, `sideways-${label}-${path.replaceAll(/\W+/g, "_")}`);
    }
  }
  return wide;
}

describe("no page scrolls sideways on narrow phones", () => {
  let shared: Shared;
  let owner: BrowserContext;

  beforeAll(async () => {
    owner = await newContext(browser, { width: 360, height: 740 });
    const page = await registerPerson(owner, { name: "Narrow Phone Person", label: "narrow" });
    shared = await shareSomething(page);
  });
  afterAll(async () => {
    await owner?.close();
  });

  for (const width of [320, 360]) {
    it(`keeps every signed-out page within ${width} px`, async () => {
      const context = await newContext(browser, { width, height: 700 });
      const page = await context.newPage();
      expect(await overflowingPages(page, publicPages(shared), `out-${width}`, width)).toEqual([]);
      await context.close();
    });

    it(`keeps every signed-in page within ${width} px`, async () => {
      const page = await owner.newPage();
      await page.setViewportSize({ width, height: 700 });
      expect(await overflowingPages(page, signedInPages(shared), `in-${width}`, width)).toEqual([]);
      await page.close();
    });
  }
});
