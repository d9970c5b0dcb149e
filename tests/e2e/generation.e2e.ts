import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
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

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function registerAndOpenGenerate(page: Page) {
  await new RegisterPage(page).open();
  await new RegisterPage(page).register({
    name: "Maker",
    email: uniqueEmail("maker"),
    password: "a long enough password",
  });
  await waitForPath(page, "/generate");
}

async function generateOnce(page: Page, prompt: string) {
  const form = page.getByTestId("generate-form");
  await form.locator('textarea[name="prompt"]').fill(prompt);
  await form.locator('button[type="submit"]').click();
}

describe("generating in the browser", () => {
  it("sets a Gemini key, generates with visible progress, shows the result, and hits the quota", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await registerAndOpenGenerate(page);

    await page.goto("/settings#gemini-key");
    const keySection = page.locator("#gemini-key");
    await keySection.locator('input[name="apiKey"]').fill(FAKE_GEMINI_KEY);
    await keySection.getByRole("button", { name: /save/i }).click();
    await expect
      .poll(() => keySection.getByText(FAKE_GEMINI_KEY.slice(-4)).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await screenshot(page, "settings-key-saved-desktop");

    await page.goto("/generate");
    await expect.poll(() => page.getByTestId("quota-remaining").textContent()).toMatch(/\b6\b/);
    // Record every stage the progress UI shows, however briefly.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __stages: string[] }).__stages = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="generate-stage"]')?.textContent?.trim();
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await generateOnce(page, "a lighthouse on a cliff at golden hour");
    const result = page.getByTestId("generate-result");
    await result.waitFor({ timeout: 30_000 });
    const image = result.locator("img").first();
    await expect
      .poll(() =>
        image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0),
      )
      .toBe(true);
    expect(await result.textContent()).not.toMatch(/demo image/i);
    const stages = await page.evaluate(
      () => (window as unknown as { __stages: string[] }).__stages,
    );
    expect(stages.join(" | ")).toMatch(/generat/i);
    await expect.poll(() => page.getByTestId("quota-remaining").textContent()).toMatch(/\b5\b/);
    await screenshot(page, "generate-result-desktop");

    for (const prompt of [
      "a second image",
      "a third image",
      "a fourth image",
      "a fifth image",
      "a sixth image",
    ]) {
      await generateOnce(page, prompt);
      await expect
        .poll(() => page.getByTestId("generate-result").textContent(), { timeout: 30_000 })
        .toContain(prompt);
    }
    await generateOnce(page, "one more than allowed");
    const error = page.getByTestId("generate-error");
    await error.waitFor({ timeout: 15_000 });
    expect(await error.textContent()).toMatch(/quota|today|resets/i);
    await screenshot(page, "generate-quota-exceeded-desktop");
    await context.close();
  });

  it("generates with the demo provider on a phone, labelled as a demo", async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await registerAndOpenGenerate(page);
    await generateOnce(page, "a paper boat on a pond");
    const result = page.getByTestId("generate-result");
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toMatch(/demo/i);
    await screenshot(page, "generate-result-phone");
    await context.close();
  });
});
