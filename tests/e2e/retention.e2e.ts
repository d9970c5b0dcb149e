import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { RetentionOverview } from "@/shared/retention";
import {
  BASE_URL,
  DESKTOP,
  launchBrowser,
  PHONE,
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

const DAY = 24 * 60 * 60 * 1000;

/**
 * The retention policy's clock is the daily cron's (tested on both databases in
 * tests/integration/image-retention.test.ts); here GET /retention answers as it would a week
 * before two images go, while Keep and Keep all reach the real server. Without the service
 * worker, whose own requests the browser's routing does not see.
 */
async function personWithDueImages(viewport: typeof PHONE) {
  const context: BrowserContext = await browser.newContext({
    baseURL: BASE_URL,
    viewport,
    deviceScaleFactor: 1,
    isMobile: viewport.width < 600,
    hasTouch: viewport.width < 600,
    serviceWorkers: "block",
  });
  const page: Page = await registerPerson(context, { name: "Rita Retention", label: "retention" });
  const made: MadeImage[] = [
    await makeImage(page, { prompt: "a lighthouse at dusk over a quiet harbour" }),
    await makeImage(page, { prompt: "a paper boat on a puddle" }),
  ];
  const state = { due: made.map((image) => image.id), kept: 0, fail: false };
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (response.request().method() !== "POST" || response.status() !== 200) return;
    const keep = /^\/api\/v1\/images\/([^/]+)\/keep$/.exec(url.pathname);
    if (keep) {
      state.due = state.due.filter((id) => id !== keep[1]);
      state.kept += 1;
    }
    if (url.pathname === "/api/v1/retention/keep-all") {
      state.kept += state.due.length;
      state.due = [];
    }
  });
  await page.route("**/api/v1/retention", (route) => {
    if (route.request().method() !== "GET") return route.continue();
    if (state.fail)
      return route.fulfill({
        status: 500,
        contentType: "application/json",
        body: JSON.stringify({
          success: false,
          error: { code: "INTERNAL_ERROR", message: "Retention is unavailable." },
        }),
      });
    const now = Date.now();
    const data: RetentionOverview = {
      retentionDays: 90,
      noticeDays: 7,
      keptCount: state.kept,
      images: made
        .filter((image) => state.due.includes(image.id))
        .map((image) => ({
          id: image.id,
          prompt: image.prompt,
          createdAt: new Date(now - 83 * DAY).toISOString(),
          dueAt: new Date(now + 7 * DAY).toISOString(),
          thumbnailUrl: `/api/v1/images/${image.id}/files/300`,
        })),
    };
    return route.fulfill({
      status: 200,
      contentType: "application/json",
      body: JSON.stringify({ success: true, data }),
    });
  });
  return { context, page, state };
}

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("retention notice", () => {
  it("shows what will go in a banner and in Settings, keeps one and all by keyboard, and says when it cannot load", async () => {
    const { context, page, state } = await personWithDueImages(PHONE);
    await page.goto("/generate");
    const banner = page.getByTestId("retention-banner");
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toContain("2 private images will be removed");
    await screenshot(page, "retention-banner-phone");

    await page.goto("/settings#retention");
    const items = page.getByTestId("retention-item");
    await items.first().waitFor({ timeout: 20_000 });
    expect(await items.count()).toBe(2);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.getByTestId("settings-retention").scrollIntoViewIfNeeded();
    await screenshot(page, "retention-settings-phone");

    // Keep one by keyboard.
    const keep = items.first().getByTestId("retention-keep");
    await waitForHydration(keep);
    await keep.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(1);
    expect(state.kept).toBe(1);

    // Keep all by keyboard.
    const keepAll = page.getByTestId("retention-keep-all");
    await keepAll.focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("retention-empty").waitFor({ timeout: 20_000 });
    expect(state.due).toEqual([]);
    expect(await page.getByTestId("retention-banner").count()).toBe(0);

    // A failed load says so; Try again by keyboard loads it.
    state.fail = true;
    await page.reload();
    const failed = page.getByTestId("retention-error");
    await failed.waitFor({ timeout: 20_000 });
    await failed.scrollIntoViewIfNeeded();
    await screenshot(page, "retention-error-phone");
    state.fail = false;
    const retry = failed.getByRole("button", { name: "Try again" });
    await waitForHydration(retry);
    await retry.focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("retention-empty").waitFor({ timeout: 20_000 });

    await page.setViewportSize({ width: 320, height: 700 });
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await context.close();

    const desktop = await personWithDueImages(DESKTOP);
    await desktop.page.goto("/settings#retention");
    await desktop.page.getByTestId("retention-item").first().waitFor({ timeout: 20_000 });
    await desktop.page.getByTestId("retention-banner").waitFor({ timeout: 20_000 });
    await screenshot(desktop.page, "retention-settings-desktop");
    await desktop.context.close();
  }, 180_000);
});
