import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { FAKE_GEMINI_KEY } from "../support/fake-gemini-server";
import {
  DESKTOP,
  PHONE,
  launchBrowser,
  newContext,
  screenshot,
  uniqueEmail,
} from "./support/browser";
import { RegisterPage, waitForPath } from "./support/pages";

/*
 * Batches, variations, remix and reattaching to a generation an earlier page left running
 * (issue #13), on a phone and a desktop, against the production server and its real endpoints.
 * Each test signs up its own account: the e2e daily limit is six images.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function register(page: Page, label: string) {
  await new RegisterPage(page).open();
  await new RegisterPage(page).register({
    name: "Batch maker",
    email: uniqueEmail(label),
    password: "a long enough password",
  });
  await waitForPath(page, "/generate");
}

async function chooseCount(page: Page, count: number) {
  await page
    .getByTestId("generate-form")
    .getByTestId("count-picker")
    .locator(`label:has(input[value="${count}"])`)
    .click();
}

async function submitPrompt(page: Page, prompt: string) {
  const form = page.getByTestId("generate-form");
  await form.locator('textarea[name="prompt"]').fill(prompt);
  await form.locator('button[type="submit"]').click();
}

/** Every image of the grid has loaded its file. */
async function expectGridLoaded(page: Page, count: number) {
  const tiles = page.getByTestId("batch-grid").getByTestId("batch-image");
  await expect.poll(() => tiles.count(), { timeout: 45_000 }).toBe(count);
  for (let index = 0; index < count; index += 1) {
    const image = tiles.nth(index).locator("img");
    await expect
      .poll(
        () =>
          image.evaluate(
            (element: HTMLImageElement) => element.complete && element.naturalWidth > 0,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
  }
  await expect
    .poll(() => page.getByTestId("generate-announcer").textContent(), { timeout: 15_000 })
    .toMatch(/images are ready/);
}

interface ApiImage {
  id: string;
  prompt: string;
  seed: number;
  parentId: string | null;
  sourceImageIds?: string[];
  provider?: string;
}

function png(color: string): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: color } })
    .png()
    .toBuffer();
}

async function readImage(page: Page, id: string): Promise<ApiImage> {
  return page.evaluate(async (imageId) => {
    const response = await fetch(`/api/v1/images/${imageId}`, { credentials: "same-origin" });
    const body = (await response.json()) as { data: { image: ApiImage } | ApiImage };
    return "image" in body.data ? body.data.image : body.data;
  }, id);
}

/** The ids of the grid's images, in order. */
async function gridImageIds(page: Page): Promise<string[]> {
  return page
    .getByTestId("batch-grid")
    .getByTestId("batch-image")
    .evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute("data-image-id") ?? ""));
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const [name, viewport] of [
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const) {
  describe(`batches on a ${name}`, () => {
    it("makes a batch of four as a grid, variations of one with the parent link, and remixes one into the composer", async () => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await register(page, `batch-${name}`);

      if (name === "desktop") {
        // The default batch size is a setting: four images per prompt from now on.
        await page.goto("/settings#preferences");
        const select = page.getByTestId("setting-defaultCount");
        await select.selectOption("4");
        await expect
          .poll(() => page.getByText("Images per prompt: 4 images.").count(), { timeout: 15_000 })
          .toBeGreaterThan(0);
        await select.scrollIntoViewIfNeeded();
        await screenshot(page, "settings-default-count-desktop");
        await page.goto("/generate");
        const four = page.getByTestId("count-picker").locator('input[value="4"]');
        await expect.poll(() => four.isChecked(), { timeout: 15_000 }).toBe(true);
      } else {
        await chooseCount(page, 4);
      }
      await expect
        .poll(() => page.getByTestId("generate-submit").textContent())
        .toMatch(/Generate 4/);
      const prompt = `four lanterns over a harbour (${name})`;
      await submitPrompt(page, prompt);
      await expectGridLoaded(page, 4);
      const grid = page.getByTestId("batch-grid");
      expect(await grid.textContent()).toMatch(/4 images/);
      expect(await grid.getByTestId("batch-image-provider").first().textContent()).toMatch(
        /Demo|Gemini|Cloudflare/,
      );
      expect(await page.getByTestId("result-provider").textContent()).toMatch(/Demo/);
      await noSidewaysScroll(page);
      await screenshot(page, `batch-four-${name}`);

      const ids = await gridImageIds(page);
      expect(ids.every((id) => id.length === 36)).toBe(true);
      expect(new Set(ids).size).toBe(4);

      // Variations of the second image: two, each pointing back at it.
      await grid.getByTestId("batch-image").nth(1).getByTestId("batch-image-variations").click();
      const dialog = page.getByTestId("variations-dialog");
      await dialog.waitFor();
      await dialog.locator('label:has(input[value="2"])').click();
      await dialog.getByTestId("variations-strength").fill("0.8");
      await screenshot(page, `variations-dialog-${name}`);
      await dialog.getByTestId("variations-submit").click();
      await expectGridLoaded(page, 2);
      const variationIds = await gridImageIds(page);
      expect(variationIds.some((id) => ids.includes(id))).toBe(false);
      for (const id of variationIds) {
        expect((await readImage(page, id)).parentId).toBe(ids[1]);
      }
      expect(await page.getByTestId("edited-from").textContent()).toMatch(/Variation of/);
      await screenshot(page, `variations-result-${name}`);

      // Remix the first variation: the composer takes its prompt and seed.
      const source = await readImage(page, variationIds[0]!);
      await grid.getByTestId("batch-image").first().getByTestId("batch-image-more").click();
      await page.getByTestId("batch-image-remix").click();
      const promptField = page.getByTestId("generate-form").locator('textarea[name="prompt"]');
      await expect.poll(() => promptField.inputValue()).toBe(source.prompt);
      await expect
        .poll(() => page.locator("#generate-seed").inputValue(), { timeout: 10_000 })
        .toBe(String(source.seed));
      await expect.poll(() => page.url()).not.toMatch(/prompt=/);
      await context.close();
    });
  });
}

describe("work that outlives the tab", () => {
  it("follows a generation again after the tab that started it was closed", async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await register(page, "reattach");
    // A real provider (the fake Gemini server answers after a pause) so the work takes a moment.
    await page.goto("/settings#gemini-key");
    const keySection = page.locator("#gemini-key");
    await keySection.locator('input[name="apiKey"]').fill(FAKE_GEMINI_KEY);
    await keySection.getByRole("button", { name: /save/i }).click();
    await expect
      .poll(() => keySection.getByText(FAKE_GEMINI_KEY.slice(-4)).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);

    await page.goto("/generate");
    await chooseCount(page, 2);
    const prompt = "a kite over the dunes, left running";
    await submitPrompt(page, prompt);
    await page.getByTestId("generate-progress").waitFor({ timeout: 15_000 });
    // The job is accepted (its id kept for the next page), then the tab goes away mid-stream.
    await expect
      .poll(() => page.evaluate(() => window.localStorage.getItem("ais.running-generations")), {
        timeout: 15_000,
      })
      .toMatch(/"id":/);
    await page.close();

    const again = await context.newPage();
    await again.goto("/generate");
    const grid = again.getByTestId("batch-grid");
    await grid.waitFor({ timeout: 45_000 });
    await expectGridLoaded(again, 2);
    expect(await again.getByTestId("result-prompt").textContent()).toContain(prompt);
    await screenshot(again, "reattached-phone");
    // Shown once: the job is no longer waited for.
    expect(
      await again.evaluate(() => window.localStorage.getItem("ais.running-generations")),
    ).toBeNull();
    // And it is in the gallery like any other image.
    const listed = await again.evaluate(async () => {
      const response = await fetch("/api/v1/images?limit=10", { credentials: "same-origin" });
      const body = (await response.json()) as { data: { prompt: string }[] };
      return body.data.map((image) => image.prompt);
    });
    expect(listed.filter((value) => value.includes("kite over the dunes")).length).toBe(2);

    // Several input images: a file from the device and an image from the gallery, numbered.
    const kiteIds = await gridImageIds(again);
    await again
      .getByTestId("generate-form")
      .getByTestId("input-image-file")
      .setInputFiles({ name: "room.png", mimeType: "image/png", buffer: await png("#2a7de1") });
    await again.getByTestId("input-image-from-gallery").click();
    const picker = again.getByTestId("gallery-picker");
    await picker.getByTestId("gallery-picker-item").first().waitFor({ timeout: 15_000 });
    await screenshot(again, "gallery-picker-phone");
    await picker.getByTestId("gallery-picker-item").first().click();
    await picker.getByTestId("gallery-picker-use").click();
    const inputs = again.getByTestId("input-image-item");
    await expect.poll(() => inputs.count()).toBe(2);
    expect(await inputs.nth(0).textContent()).toMatch(/image 1.*room\.png/);
    expect(await inputs.nth(1).textContent()).toMatch(/image 2.*From your gallery/);
    await noSidewaysScroll(again);
    await again.getByTestId("input-image").screenshot({
      path: "test-results/screenshots/input-images-phone.png",
    });
    await chooseCount(again, 1);
    await submitPrompt(again, "the kite from image 2 flying in the room of image 1");
    const result = again.getByTestId("generate-result");
    await expect
      .poll(() => result.getByTestId("result-prompt").textContent(), { timeout: 45_000 })
      .toContain("the kite from image 2");
    const composed = await readImage(again, (await result.getAttribute("data-image-id")) ?? "");
    expect(composed.sourceImageIds).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    expect(kiteIds).toContain(composed.sourceImageIds?.[0]);

    // Variations from the image's own page: made in the composer, linked to their source.
    await again.goto(`/images/${composed.id}`);
    expect(await again.getByTestId("image-provider").textContent()).toBe("Gemini");
    await again.getByTestId("image-variations").scrollIntoViewIfNeeded();
    await again.screenshot({ path: "test-results/screenshots/image-detail-actions-phone.png" });
    await again.getByTestId("image-variations").click();
    const dialog = again.getByTestId("variations-dialog");
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.locator('label:has(input[value="1"])').click();
    await dialog.getByTestId("variations-submit").click();
    await waitForPath(again, "/generate");
    await expect
      .poll(() => again.getByTestId("generate-result").getAttribute("data-image-id"), {
        timeout: 45_000,
      })
      .not.toBe(composed.id);
    const variationId = (await again.getByTestId("generate-result").getAttribute("data-image-id"))!;
    expect((await readImage(again, variationId)).parentId).toBe(composed.id);

    // Two images left today: a batch of four makes two and says why the other two were not made.
    await chooseCount(again, 4);
    await submitPrompt(again, "four kites, more than the day allows");
    const failures = again.getByTestId("batch-failures");
    await failures.waitFor({ timeout: 45_000 });
    expect(await failures.textContent()).toMatch(/2 of 4 images couldn't be made/);
    expect(await failures.textContent()).toMatch(/weren't counted/);
    expect(await again.getByTestId("batch-grid").getByTestId("batch-image").count()).toBe(2);
    expect(await again.getByTestId("batch-grid").getByTestId("batch-failed").count()).toBe(2);
    await expect.poll(() => again.getByTestId("quota-remaining").textContent()).toMatch(/\b0\b/);
    await screenshot(again, "batch-partial-phone");
    await context.close();
  });
});
