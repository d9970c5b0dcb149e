import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  BASE_URL,
  DESKTOP,
  PHONE,
  launchBrowser,
  newContext,
  screenshot,
  waitForHydration,
} from "./support/browser";
import { makeImage, registerPerson, type MadeImage } from "./support/people";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A signed-in person with a few demo images, made through the API as the page would. */
async function personWithImages(
  context: BrowserContext,
  prompts: { prompt: string; tags?: string[] }[],
): Promise<{ page: Page; images: MadeImage[] }> {
  const page = await registerPerson(context, { name: "Collector", label: "gallery" });
  const images: MadeImage[] = [];
  for (const body of prompts) images.push(await makeImage(page, body));
  return { page, images };
}

const tiles = (page: Page) => page.getByTestId("gallery-grid").getByTestId("gallery-tile");
const api = async <T>(page: Page, path: string) =>
  ((await (await page.request.get(path)).json()) as { data: T }).data;

describe("the gallery in the browser", () => {
  it("browses, searches, filters by favorite, and favorites from the image view", async () => {
    const context = await newContext(browser, DESKTOP);
    const { page, images } = await personWithImages(context, [
      { prompt: "a red fox in fresh snow", tags: ["animal"] },
      { prompt: "a lighthouse at dusk", tags: ["sea"] },
      { prompt: "a bowl of ramen", tags: ["food"] },
    ]);
    await page.goto("/gallery");
    await expect.poll(() => tiles(page).count(), { timeout: 20_000 }).toBe(3);
    await screenshot(page, "gallery-e2e-desktop");

    // Typed before hydration, the search would have no listener to put it in the URL.
    const search = page.getByTestId("gallery-search").locator("input").first();
    await waitForHydration(search);
    await search.fill("fox");
    await expect
      .poll(() => new URL(page.url()).searchParams.get("q"), { timeout: 10_000 })
      .toBe("fox");
    await expect.poll(() => tiles(page).count(), { timeout: 10_000 }).toBe(1);

    await page.goto("/gallery?favorite=true");
    await page.getByTestId("gallery-no-results").waitFor({ timeout: 15_000 });

    const lighthouse = images[1]!;
    await page.goto("/gallery");
    const tile = page.locator(`[data-testid="gallery-tile"][data-image-id="${lighthouse.id}"]`);
    // While the grid takes over from the server-rendered first tiles, both may be in the page
    // for a moment: wait for the one that stays.
    await expect.poll(() => tile.count(), { timeout: 15_000 }).toBe(1);
    await waitForHydration(tile);
    await tile.click();
    await expect
      .poll(() => new URL(page.url()).pathname, { timeout: 10_000 })
      .toBe(`/images/${lighthouse.id}`);
    await page.getByTestId("image-detail").waitFor();
    await waitForHydration(page.getByTestId("image-favorite"));
    await page.getByTestId("image-favorite").click();
    await expect
      .poll(
        async () =>
          (await api<{ image: { favorite: boolean } }>(page, `/api/v1/images/${lighthouse.id}`))
            .image.favorite,
        { timeout: 10_000 },
      )
      .toBe(true);
    await page.goto("/gallery?favorite=true");
    await expect.poll(() => tiles(page).count(), { timeout: 15_000 }).toBe(1);
    await context.close();
  });

  it("creates a collection and adds images to it from the gallery's bulk bar", async () => {
    const context = await newContext(browser, DESKTOP);
    const { page, images } = await personWithImages(context, [
      { prompt: "a paper boat" },
      { prompt: "a quiet lake" },
    ]);
    await page.goto("/collections");
    await page
      .getByRole("button", { name: /new collection/i })
      .first()
      .click();
    const dialog = page.getByTestId("create-collection-dialog");
    await dialog.locator('input[name="name"]').fill("Water");
    await page.getByTestId("create-collection-submit").click();
    await expect
      .poll(() => page.getByTestId("collection-card").count(), { timeout: 10_000 })
      .toBe(1);
    const [collection] = await api<{ id: string; name: string }[]>(
      page,
      "/api/v1/gallery/collections",
    );
    expect(collection?.name).toBe("Water");

    await page.goto("/gallery");
    await expect.poll(() => tiles(page).count(), { timeout: 15_000 }).toBe(2);
    await page.getByTestId("select-mode").click();
    await tiles(page).nth(0).click();
    await tiles(page).nth(1).click();
    const bar = page.getByTestId("bulk-bar");
    await bar
      .getByRole("button", { name: /add to collection/i })
      .first()
      .click();
    await page.getByTestId("collection-picker").getByRole("button", { name: /Water/ }).click();
    await expect
      .poll(
        async () =>
          (
            await api<{ id: string }[]>(
              page,
              `/api/v1/gallery/collections/${collection!.id}/images`,
            )
          )
            .map((image) => image.id)
            .sort(),
        { timeout: 10_000 },
      )
      .toEqual(images.map((image) => image.id).sort());
    await context.close();
  });

  it("serves a share page with OpenGraph and Twitter metadata while public, and 404 once private again", async () => {
    const context = await newContext(browser, PHONE);
    const { page, images } = await personWithImages(context, [
      { prompt: "a lantern festival over a river" },
    ]);
    const image = images[0]!;
    const published = await page.request.patch(`/api/v1/images/${image.id}`, {
      data: { isPublic: true },
      headers: { origin: BASE_URL },
    });
    const shareUrl = ((await published.json()) as { data: { image: { shareUrl: string } } }).data
      .image.shareUrl;
    expect(shareUrl).toMatch(/^\/s\/i\/[A-Za-z0-9]{10}$/);

    const visitor = await newContext(browser, PHONE);
    const visitorPage = await visitor.newPage();
    const response = await visitorPage.goto(shareUrl);
    expect(response?.status()).toBe(200);
    const meta = async (selector: string) =>
      visitorPage.locator(selector).first().getAttribute("content");
    expect(await meta('meta[property="og:image"]')).toMatch(
      new RegExp(`/api/v1/images/${image.id}/files/800$`),
    );
    expect(await meta('meta[property="og:title"]')).toBeTruthy();
    expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");
    await screenshot(visitorPage, "share-image-e2e-phone");

    await page.request.patch(`/api/v1/images/${image.id}`, {
      data: { isPublic: false },
      headers: { origin: BASE_URL },
    });
    const gone = await visitorPage.goto(shareUrl);
    expect(gone?.status()).toBe(404);
    await visitor.close();
    await context.close();
  });

  it("bulk deletes with undo: Undo brings the images back, and without it they are deleted", async () => {
    const context = await newContext(browser, DESKTOP);
    const { page, images } = await personWithImages(context, [
      { prompt: "keep me" },
      { prompt: "delete me one" },
      { prompt: "delete me two" },
    ]);
    await page.goto("/gallery");
    await expect.poll(() => tiles(page).count(), { timeout: 15_000 }).toBe(3);
    const victims = images.slice(1).map((image) => image.id);

    const selectAndDelete = async () => {
      await page.getByTestId("select-mode").click();
      for (const id of victims)
        await page.locator(`[data-testid="gallery-tile"][data-image-id="${id}"]`).click();
      await page.getByTestId("bulk-delete").click();
      await page.getByTestId("confirm-delete-submit").click();
      await expect.poll(() => tiles(page).count(), { timeout: 10_000 }).toBe(1);
    };

    await selectAndDelete();
    await page.getByTestId("undo-delete-button").click();
    await expect.poll(() => tiles(page).count(), { timeout: 10_000 }).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    expect((await api<{ id: string }[]>(page, "/api/v1/images")).length).toBe(3);

    await selectAndDelete();
    await expect
      .poll(
        async () => (await api<{ id: string }[]>(page, "/api/v1/images")).map((image) => image.id),
        { timeout: 20_000, interval: 1_000 },
      )
      .toEqual([images[0]!.id]);
    await context.close();
  });
});
