import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { FAKE_GEMINI_KEY } from "../support/fake-gemini-server";
import { join } from "node:path";
import {
  BASE_URL,
  DESKTOP,
  PHONE,
  SCREENSHOT_DIR,
  launchBrowser,
  newContext,
  screenshot,
  waitForHydration,
} from "./support/browser";
import { registerPerson } from "./support/people";

/**
 * Layouts people expect: the gallery at each image's own shape (or a square grid) in three
 * sizes, its keyboard shortcuts, Explore inside the app's navigation when signed in, and the
 * Generate button and result in view on desktop while an image is made.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const tiles = (page: Page) => page.getByTestId("gallery-grid").getByTestId("gallery-tile");
const focusedTileIndex = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.tileIndex ?? null);
/** The tile's box once it is laid out (the first tiles are swapped for the grid on hydration). */
async function tileBox(page: Page, index: number) {
  const tile = page.locator(`[data-tile-index="${index}"]`);
  let box: Awaited<ReturnType<typeof tile.boundingBox>> = null;
  await expect
    .poll(
      async () => {
        box = await tile.boundingBox().catch(() => null);
        return box !== null && box.width > 0;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return box!;
}

async function makeShapedImage(page: Page, prompt: string, aspectRatio: string) {
  const response = await page.request.post("/api/v1/images/generate", {
    data: { prompt, aspectRatio },
    headers: { origin: BASE_URL },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { data: { image: { id: string } } }).data.image;
}

describe("the gallery's layouts and keyboard", () => {
  it("shows images at their own shape or in a square grid, in three sizes, remembered", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await registerPerson(context, { name: "Layout Person", label: "layout" });
    for (const [prompt, ratio] of [
      ["a wide harbour at dawn", "16:9"],
      ["a tall lighthouse", "9:16"],
      ["a square tile of moss", "1:1"],
      ["a wide dune", "16:9"],
      ["a tall cypress", "9:16"],
    ] as const)
      await makeShapedImage(page, prompt, ratio);

    await page.goto("/gallery");
    await expect.poll(() => tiles(page).count(), { timeout: 20_000 }).toBe(5);
    const grid = page.getByTestId("gallery-grid");
    expect(await grid.getAttribute("data-layout")).toBe("justified");
    expect(await page.getByTestId("gallery-count").textContent()).toMatch(/^5 images/);
    // Newest first: index 0 is the tall cypress, index 1 the wide dune.
    await tileBox(page, 1);
    // Both boxes read at one instant: the row is laid out again while the page settles (a
    // scrollbar appearing narrows it), and two separate reads could straddle that.
    const rowOf = () =>
      page.evaluate(() =>
        [0, 1].map((index) => {
          const box = document
            .querySelector(`[data-tile-index="${index}"]`)!
            .getBoundingClientRect();
          return { width: box.width, height: box.height };
        }),
      );
    await expect
      .poll(async () => {
        const [first, second] = await rowOf();
        return Math.abs(first!.height - second!.height) < 0.5;
      })
      .toBe(true);
    const [tall, wide] = (await rowOf()) as [
      { width: number; height: number },
      { width: number; height: number },
    ];
    expect(wide.width / wide.height).toBeCloseTo(16 / 9, 1);
    expect(tall.width / tall.height).toBeCloseTo(9 / 16, 1);
    await screenshot(page, "gallery-justified-desktop");

    await page.locator('label[for="gallery-layout-grid"]').click();
    expect(await grid.getAttribute("data-layout")).toBe("grid");
    const square = await tileBox(page, 1);
    expect(square.width).toBeCloseTo(square.height, 0);
    await page.locator('label[for="gallery-size-large"]').click();
    expect(await grid.getAttribute("data-size")).toBe("large");
    expect((await tileBox(page, 1)).width).toBeGreaterThan(square.width);
    await screenshot(page, "gallery-grid-large-desktop");

    await page.reload();
    await expect.poll(() => tiles(page).count(), { timeout: 20_000 }).toBe(5);
    // The server renders the default; the choice kept in this browser applies once hydrated.
    await expect
      .poll(() => page.getByTestId("gallery-grid").getAttribute("data-layout"))
      .toBe("grid");
    expect(await page.getByTestId("gallery-grid").getAttribute("data-size")).toBe("large");
    await context.close();
  });

  it("has / for search, ? for the list, arrows by the layout, Enter to open and f to favorite", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await registerPerson(context, { name: "Keyboard Person", label: "keys" });
    const made: string[] = [];
    for (const prompt of ["one", "two", "three", "four", "five"])
      made.unshift((await makeShapedImage(page, `a ${prompt} of hearts`, "1:1")).id);
    await page.evaluate(() =>
      localStorage.setItem("ais:gallery-view", JSON.stringify({ layout: "grid", size: "large" })),
    );
    await page.goto("/gallery");
    await page.waitForLoadState("networkidle");
    await expect.poll(() => tiles(page).count(), { timeout: 20_000 }).toBe(5);

    await page.locator("body").press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("gallery-search-input");
    // Typed into the field, the keys are text, not shortcuts.
    await page.keyboard.type("f?");
    expect(await page.locator("#gallery-search-input").inputValue()).toBe("f?");
    expect(await page.getByTestId("shortcuts-dialog").count()).toBe(0);
    await page.locator("#gallery-search-input").fill("");
    await expect.poll(() => tiles(page).count(), { timeout: 10_000 }).toBe(5);

    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("?");
    await page.getByTestId("shortcuts-dialog").waitFor();
    expect(await page.getByTestId("shortcuts-dialog").textContent()).toMatch(/favorites/i);
    await screenshot(page, "gallery-shortcuts-desktop");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("shortcuts-dialog").count()).toBe(0);

    // Large tiles at 1440 px: four to a row, so index 4 sits under index 0.
    await page.locator('[data-tile-index="1"]').focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => focusedTileIndex(page)).toBe("2");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => focusedTileIndex(page)).toBe("4");
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => focusedTileIndex(page)).toBe("0");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => focusedTileIndex(page)).toBe("0");

    const announcer = page.getByTestId("gallery-announcer");
    const favoriteOf = async (id: string) =>
      (
        (await (await page.request.get(`/api/v1/images/${id}`)).json()) as {
          data: { image: { favorite: boolean } };
        }
      ).data.image.favorite;
    await page.keyboard.press("f");
    await expect.poll(() => announcer.textContent()).toBe("Added to favorites");
    await expect.poll(() => favoriteOf(made[0]!), { timeout: 10_000 }).toBe(true);
    await page.keyboard.press("f");
    await expect.poll(() => announcer.textContent()).toBe("Removed from favorites");
    await expect.poll(() => favoriteOf(made[0]!), { timeout: 10_000 }).toBe(false);

    await page.keyboard.press("Enter");
    await expect
      .poll(() => new URL(page.url()).pathname, { timeout: 10_000 })
      .toBe(`/images/${made[0]}`);
    await context.close();
  });

  it("has / and ? on Explore too, and keeps the app's navigation there when signed in", async () => {
    const visitor = await newContext(browser, PHONE);
    const outside = await visitor.newPage();
    await outside.goto("/explore");
    await outside.waitForLoadState("networkidle");
    expect(await outside.getByTestId("main-nav").count()).toBe(0);
    // A key pressed before hydration has no listener yet: press again until the page answers.
    const focusedTestId = () =>
      outside.evaluate(() => (document.activeElement as HTMLElement).dataset.testid);
    await expect
      .poll(
        async () => {
          if ((await focusedTestId()) !== "explore-search") await outside.keyboard.press("/");
          return focusedTestId();
        },
        { timeout: 15_000 },
      )
      .toBe("explore-search");
    expect(await outside.getByTestId("explore-search").inputValue()).toBe("");
    await visitor.close();

    const context = await newContext(browser, PHONE);
    const page = await registerPerson(context, { name: "Explorer", label: "explore-shell" });
    await page.goto("/explore");
    await page.waitForLoadState("networkidle");
    await page.getByTestId("main-nav").waitFor();
    expect(await page.getByTestId("nav-explore").getAttribute("aria-current")).toBe("page");
    const dialog = page.getByTestId("shortcuts-dialog");
    await expect
      .poll(
        async () => {
          if (!(await dialog.isVisible())) await page.keyboard.press("?");
          return dialog.isVisible();
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await context.close();
  });
});

describe("the gallery's order", () => {
  it("reorders the grid oldest first, and keeps that order in the URL across reload, the lightbox and Back", async () => {
    const context = await newContext(browser, PHONE);
    const page = await registerPerson(context, { name: "Order Person", label: "order" });
    const made: string[] = [];
    for (const prompt of ["first", "second", "third", "fourth"])
      made.push((await makeShapedImage(page, `the ${prompt} kite in the sky`, "1:1")).id);
    const shownIds = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="gallery-grid"] [data-image-id]')]
          .sort((a, b) => Number(a.dataset.tileIndex) - Number(b.dataset.tileIndex))
          .map((tile) => tile.dataset.imageId),
      );

    await page.goto("/gallery");
    await expect.poll(shownIds, { timeout: 20_000 }).toEqual([...made].reverse());
    const order = page.getByTestId("gallery-sort");
    expect(await order.inputValue()).toBe("newest");

    await waitForHydration(order);
    await order.selectOption({ label: "Oldest first" });
    await expect.poll(shownIds, { timeout: 15_000 }).toEqual(made);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("oldest");
    expect(await page.getByTestId("gallery-count").textContent()).toBe("4 images");
    await screenshot(page, "gallery-oldest-first-phone");

    await page.reload();
    await expect.poll(shownIds, { timeout: 20_000 }).toEqual(made);
    expect(await order.inputValue()).toBe("oldest");

    // Into the lightbox and Back: the gallery comes back in the same order.
    await page.locator(`[data-image-id="${made[0]}"]`).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/images/${made[0]}`);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe("?sort=oldest");
    await expect.poll(shownIds, { timeout: 15_000 }).toEqual(made);

    await waitForHydration(order);
    await order.selectOption({ label: "Newest first" });
    await expect.poll(shownIds, { timeout: 15_000 }).toEqual([...made].reverse());
    expect(new URL(page.url()).search).toBe("");
    await context.close();
  });
});

describe("desktop /generate while an image is made", () => {
  it("keeps the Generate button and the result in view", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await registerPerson(context, { name: "Sticky Maker", label: "sticky" });
    await page.goto("/settings#gemini-key");
    const keySection = page.locator("#gemini-key");
    await keySection.locator('input[name="apiKey"]').fill(FAKE_GEMINI_KEY);
    await keySection.getByRole("button", { name: /save/i }).click();
    await expect
      .poll(() => keySection.getByText(FAKE_GEMINI_KEY.slice(-4)).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);

    await page.goto("/generate");
    const form = page.getByTestId("generate-form");
    await form.locator('textarea[name="prompt"]').fill("a lighthouse on a cliff at golden hour");
    // Scrolled down to the composer's last options, as someone choosing them would be.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const inView = async (testId: string) => {
      const box = await page.getByTestId(testId).boundingBox();
      return box !== null && box.y >= 0 && box.y + Math.min(box.height, 200) <= DESKTOP.height;
    };
    expect(await inView("generate-submit")).toBe(true);
    await page.getByTestId("generate-submit").click();
    await page.getByTestId("generate-stage").waitFor({ timeout: 10_000 });
    expect(await inView("generate-submit")).toBe(true);
    expect(await inView("generate-stage")).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "generate-sticky-running-desktop.png") });
    await page.getByTestId("generate-result").waitFor({ timeout: 30_000 });
    expect(await inView("generate-result")).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "generate-sticky-result-desktop.png") });
    await context.close();
  });
});
