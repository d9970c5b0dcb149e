import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  BASE_URL,
  launchBrowser,
  newContext,
  screenshot,
  uniqueEmail,
  waitForHydration,
} from "./support/browser";
import { findEnglish } from "./support/english-scan";
import { waitForPath } from "./support/pages";

/**
 * Issue #14: a person whose browser speaks Indonesian uses the whole studio in Indonesian —
 * sign up, generate, gallery, collections, an image, settings, Explore, log out — with
 * `<html lang="id">` and no English word on any page (visible text, labels, placeholders,
 * titles), and switches to English in one click. Screenshots on a 360 px phone, where longer
 * Indonesian words would overflow first.
 */
const SMALL_PHONE = { width: 360, height: 780 };
// What this test types itself: the person's own words are never translated.
const PROMPT = "perahu kertas di kolam";
const COLLECTION = "Liburan";
const NAME = "Sari";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function expectIndonesian(page: Page, name: string, othersWords: string[] = []) {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  expect(await page.evaluate(() => document.documentElement.lang), name).toBe("id");
  const english = await findEnglish(page, { ignore: [PROMPT, COLLECTION, NAME, ...othersWords] });
  expect(english, `English left on ${name}`).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `sideways scroll on ${name}`).toBeLessThanOrEqual(0);
  await screenshot(page, `id-${name}-phone`);
}

describe("the studio in Bahasa Indonesia", () => {
  it("speaks Indonesian everywhere to a browser that asks for it, from sign-up to logout", async () => {
    const context = await newContext(browser, SMALL_PHONE, "light", "id-ID");
    const page = await context.newPage();

    await page.goto("/");
    await expectIndonesian(page, "landing");

    await page.goto("/register");
    await expectIndonesian(page, "register");
    const form = page.getByTestId("register-form");
    await waitForHydration(form.locator('button[type="submit"]'));
    // The shared schema's field errors, in Indonesian, before anything is sent.
    await form.locator('button[type="submit"]').click();
    await expectIndonesian(page, "register-errors");
    const email = uniqueEmail("bahasa");
    await form.locator('input[name="name"]').fill(NAME);
    await form.locator('input[name="email"]').fill(email);
    await form.locator('input[name="password"]').fill("kata sandi yang panjang");
    await form.locator('button[type="submit"]').click();
    await waitForPath(page, "/generate");
    await expectIndonesian(page, "generate");

    const composer = page.getByTestId("generate-form");
    await waitForHydration(composer.locator('button[type="submit"]'));
    await composer.locator('textarea[name="prompt"]').fill(PROMPT);
    await composer.locator('button[type="submit"]').click();
    await page.getByTestId("generate-result").waitFor({ timeout: 30_000 });
    await expectIndonesian(page, "generate-result");

    const created = await page.request.post("/api/v1/gallery/collections", {
      data: { name: COLLECTION },
      headers: { origin: BASE_URL },
    });
    expect(created.status()).toBe(201);
    const collectionId = ((await created.json()) as { data: { id: string } }).data.id;
    const images = await page.request.get("/api/v1/images?limit=1");
    const imageId = ((await images.json()) as { data: { id: string }[] }).data[0]!.id;

    for (const [path, name] of [
      ["/gallery", "gallery"],
      ["/collections", "collections"],
      [`/collections/${collectionId}`, "collection"],
      [`/images/${imageId}`, "image"],
      ["/settings", "settings"],
    ] as const) {
      await page.goto(path);
      await expectIndonesian(page, name);
    }
    // Explore shows other people's public images: their prompts are theirs, never translated.
    const published = await page.request.get("/api/v1/gallery/public?limit=100");
    expect(published.status()).toBe(200);
    const prompts = (
      (await published.json()) as { data: { prompt: string; author: { name: string } }[] }
    ).data.flatMap((image) => [image.prompt, image.author.name]);
    await page.goto("/explore");
    await expectIndonesian(page, "explore", prompts);

    const settings = await page.request.get("/api/v1/settings");
    expect(((await settings.json()) as { data: { locale: string } }).data.locale).toBe("id");

    await page.goto("/settings");
    await page
      .getByRole("button", { name: /menu akun|buka menu/i })
      .first()
      .click();
    await page.getByRole("menuitem", { name: "Keluar" }).click();
    await page.waitForURL(/\/login/);
    await expectIndonesian(page, "login");
    await context.close();
  });

  it("switches to English in one click, on a public page and in Settings, and stays there", async () => {
    const context = await newContext(browser, SMALL_PHONE, "dark", "id-ID");
    const page = await context.newPage();
    await page.goto("/login");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("id");
    const picker = page.getByLabel("Bahasa").first();
    await waitForHydration(picker);
    await Promise.all([page.waitForEvent("load"), picker.selectOption("en")]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/\w/);
    await screenshot(page, "id-switched-login-phone");

    // A signed-in person who picked English in Settings keeps it on every device: the account
    // remembers it, whatever this browser asks for.
    const other = await newContext(browser, SMALL_PHONE, "light", "id-ID");
    const signedIn = await other.newPage();
    await signedIn.goto("/register");
    const form = signedIn.getByTestId("register-form");
    await waitForHydration(form.locator('button[type="submit"]'));
    await form.locator('input[name="name"]').fill(NAME);
    await form.locator('input[name="email"]').fill(uniqueEmail("bahasa-switch"));
    await form.locator('input[name="password"]').fill("kata sandi yang panjang");
    await form.locator('button[type="submit"]').click();
    await waitForPath(signedIn, "/generate");
    await signedIn.goto("/settings");
    const language = signedIn.getByLabel("Bahasa").first();
    await waitForHydration(language);
    await Promise.all([signedIn.waitForEvent("load"), language.selectOption("en")]);
    expect(await signedIn.evaluate(() => document.documentElement.lang)).toBe("en");
    const saved = await signedIn.request.get("/api/v1/settings");
    expect(((await saved.json()) as { data: { locale: string } }).data.locale).toBe("en");
    await signedIn.context().clearCookies({ name: "NEXT_LOCALE" });
    await signedIn.goto("/gallery");
    expect(await signedIn.evaluate(() => document.documentElement.lang)).toBe("en");
    await other.close();
    await context.close();
  });
});
