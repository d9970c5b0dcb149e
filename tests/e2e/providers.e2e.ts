import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Settings } from "@/shared/api-types";
import { FAKE_CLOUDFLARE_ACCOUNT, FAKE_CLOUDFLARE_TOKEN } from "../support/fake-cloudflare-server";
import {
  BASE_URL,
  DESKTOP,
  PHONE,
  launchBrowser,
  newContext,
  screenshot,
  waitForHydration,
} from "./support/browser";
import { registerPerson } from "./support/people";

/**
 * Cloudflare Workers AI from the Settings page to a generated image, against the local server
 * speaking Cloudflare's REST format that the production server is pointed at
 * (CLOUDFLARE_API_BASE_URL, scripts/run-e2e.ts).
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function readSettings(page: Page): Promise<Settings> {
  const response = await page.request.get("/api/v1/settings");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: Settings }).data;
}

describe.each([
  ["phone", PHONE],
  ["desktop", DESKTOP],
] as const)("Cloudflare as the image provider (%s)", (label, viewport) => {
  it("saves a Cloudflare token in Settings, makes it the default, and the image says Cloudflare", async () => {
    const context = await newContext(browser, viewport);
    const page = await registerPerson(context, { name: "Cleo Cloud", label: `cf-${label}` });

    await page.goto("/settings#image-providers");
    const section = page.getByTestId("settings-image-providers");
    await section.waitFor({ timeout: 20_000 });
    await expect
      .poll(() => section.getByTestId("provider-cost-truth").textContent())
      .toMatch(
        /free daily allocation makes images at no cost[\s\S]*Gemini image models need billing/,
      );

    // A wrong token is refused, with the reason on the field, and nothing is stored.
    const account = section.getByTestId("cloudflare-account-input");
    const token = section.getByTestId("cloudflare-token-input");
    await waitForHydration(account);
    await account.fill(FAKE_CLOUDFLARE_ACCOUNT);
    await token.fill("a-token-cloudflare-will-reject-000000");
    await section.getByTestId("cloudflare-key-save").click();
    await expect
      .poll(() => section.getByText(/Cloudflare rejected this API token/).count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    expect((await readSettings(page)).providers).toEqual([]);

    // With the keyboard: the real token, then Enter.
    await token.fill(FAKE_CLOUDFLARE_TOKEN);
    await token.press("Enter");
    const status = section.getByTestId("cloudflare-key-status");
    await status.waitFor({ timeout: 15_000 });
    expect(await section.getByTestId("cloudflare-key-last4").textContent()).toContain(
      FAKE_CLOUDFLARE_TOKEN.slice(-4),
    );
    expect(await page.content()).not.toContain(FAKE_CLOUDFLARE_TOKEN);

    // Default provider by keyboard: focus the Gemini radio, arrow to Cloudflare.
    await section.getByTestId("default-provider-gemini").focus();
    await page.keyboard.press("ArrowRight");
    await expect
      .poll(async () => (await readSettings(page)).defaultProvider, { timeout: 10_000 })
      .toBe("cloudflare");
    // Gemini as the fallback, ticked with the space bar.
    await section.getByTestId("fallback-gemini-toggle").focus();
    await page.keyboard.press("Space");
    await expect
      .poll(async () => (await readSettings(page)).fallbackOrder, { timeout: 10_000 })
      .toEqual(["gemini"]);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, `providers-settings-${label}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(viewport.width);

    await page.goto("/generate");
    const form = page.getByTestId("generate-form");
    const prompt = form.locator('textarea[name="prompt"]');
    await waitForHydration(prompt);
    await prompt.fill("a red fox asleep in fresh snow");
    await form.locator('button[type="submit"]').click();
    const result = page.getByTestId("generate-result");
    await result.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => result.getByTestId("result-provider").first().textContent(), {
        timeout: 20_000,
      })
      .toBe("Cloudflare");
    await screenshot(page, `providers-generated-${label}`);

    const images = await page.request.get("/api/v1/images?limit=1");
    const [latest] = ((await images.json()) as { data: { provider: string; model: string }[] })
      .data;
    expect(latest).toMatchObject({
      provider: "cloudflare",
      model: "@cf/black-forest-labs/flux-1-schnell",
    });
    await context.close();
  });
});

describe("what the public pages say about cost", () => {
  it.each([
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const)(
    "the landing and register pages tell which provider is free (%s)",
    async (label, viewport) => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await page.goto(BASE_URL);
      const text = (await page.locator("main").textContent()) ?? "";
      expect(text).not.toMatch(/No subscription\. No card\./);
      expect(text).toMatch(/free on a Cloudflare account/i);
      expect(text).toMatch(/Gemini images need billing/i);
      await page.locator("#free").scrollIntoViewIfNeeded();
      await screenshot(page, `providers-landing-${label}`);
      await page.goto("/register");
      const register = (await page.locator("main").textContent()) ?? "";
      expect(register).not.toMatch(/Free forever on your own Gemini key/);
      expect(register).toMatch(/Gemini needs billing/);
      await context.close();
    },
  );
});
