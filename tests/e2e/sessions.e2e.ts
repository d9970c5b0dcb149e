import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  BASE_URL,
  DESKTOP,
  SCREENSHOT_DIR,
  launchBrowser,
  newContext,
  uniqueEmail,
} from "./support/browser";
import { LoginPage, RegisterPage, waitForPath } from "./support/pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PASSWORD = "a long enough password";
const SMALL_PHONE = { width: 360, height: 780 };
const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

/** A phone: its own cookies, a phone's screen and an Android Chrome user agent. */
function phoneContext(): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: BASE_URL,
    viewport: SMALL_PHONE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    userAgent: ANDROID_CHROME,
  });
}

async function signIn(page: Page, email: string) {
  await new LoginPage(page).open();
  await new LoginPage(page).login({ email, password: PASSWORD });
  await waitForPath(page, "/generate");
}

async function openSessions(page: Page) {
  await page.goto("/settings#sessions");
  await page.getByTestId("sessions-list").waitFor();
}

const rows = (page: Page) => page.getByTestId("session-row");

/** The Sessions section alone (the whole settings page is several screens long). */
async function screenshotSection(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.getByTestId("settings-sessions").screenshot({
    path: join(SCREENSHOT_DIR, `${name}.png`),
  });
}

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe("sessions in Settings", () => {
  it("lists this browser and the phone, signs the phone out, and the phone is sent to log in", async () => {
    const email = uniqueEmail("sessions");
    const desktop = await newContext(browser, { width: 1280, height: 800 });
    const desk = await desktop.newPage();
    await new RegisterPage(desk).open();
    await new RegisterPage(desk).register({ name: "Two Devices", email, password: PASSWORD });
    await waitForPath(desk, "/generate");

    const phone = await phoneContext();
    const mobile = await phone.newPage();
    await signIn(mobile, email);

    // The phone sees both sessions, itself marked, on a 360 px screen without sideways scroll.
    await openSessions(mobile);
    await expect.poll(() => rows(mobile).count()).toBe(2);
    const mobileCurrent = mobile.locator('[data-testid="session-row"][data-current="true"]');
    expect(await mobileCurrent.textContent()).toContain("Chrome on Android");
    expect(await mobileCurrent.textContent()).toContain("This device");
    await mobile.getByTestId("settings-sessions").scrollIntoViewIfNeeded();
    expect(await sidewaysScroll(mobile)).toBe(0);
    await screenshotSection(mobile, "settings-sessions-phone");
    // The smallest phones too.
    await mobile.setViewportSize({ width: 320, height: 700 });
    expect(await sidewaysScroll(mobile)).toBe(0);
    await screenshotSection(mobile, "settings-sessions-320");

    // The desktop lists two: itself ("This device") and the phone.
    await openSessions(desk);
    await expect.poll(() => rows(desk).count()).toBe(2);
    const current = desk.locator('[data-testid="session-row"][data-current="true"]');
    expect(await current.getByTestId("session-current").textContent()).toBe("This device");
    const phoneRow = desk.locator('[data-testid="session-row"]:not([data-current])');
    expect(await phoneRow.textContent()).toContain("Chrome on Android");
    expect(await current.getByTestId("session-sign-out").count()).toBe(0);
    await desk.getByTestId("settings-sessions").scrollIntoViewIfNeeded();
    await screenshotSection(desk, "settings-sessions-desktop");

    // Keyboard: the phone's "Sign out" button is reachable and works with Enter.
    const signOut = phoneRow.getByTestId("session-sign-out");
    expect(await signOut.getAttribute("aria-label")).toMatch(/^Sign out Chrome on Android/);
    await signOut.focus();
    await desk.keyboard.press("Enter");
    await expect.poll(() => rows(desk).count()).toBe(1);
    await screenshotSection(desk, "settings-sessions-desktop-after");
    await expect
      .poll(() => desk.getByTestId("sessions-others-note").textContent())
      .toBe("Only this device is signed in.");
    expect(await desk.getByTestId("sessions-sign-out-others").isDisabled()).toBe(true);

    // The phone's next navigation finds its session over.
    await mobile.goto("/settings");
    await waitForPath(mobile, "/login");
    expect((await phone.request.get("/api/v1/auth/profile")).status()).toBe(401);
    // The desktop is still signed in.
    expect((await desktop.request.get("/api/v1/auth/profile")).status()).toBe(200);

    await phone.close();
    await desktop.close();
  });

  it("sign out everywhere else keeps this browser and ends the others", async () => {
    const email = uniqueEmail("sessions-others");
    const main = await newContext(browser, DESKTOP);
    const page = await main.newPage();
    await new RegisterPage(page).open();
    await new RegisterPage(page).register({ name: "Many Devices", email, password: PASSWORD });
    await waitForPath(page, "/generate");
    const others = [await phoneContext(), await newContext(browser, DESKTOP)];
    for (const context of others) await signIn(await context.newPage(), email);

    await openSessions(page);
    await expect.poll(() => rows(page).count()).toBe(3);
    await page.getByTestId("sessions-sign-out-others").click();
    await expect.poll(() => rows(page).count()).toBe(1);
    await page
      .getByTestId("toast")
      .getByText("2 other devices were signed out. This one stays signed in.")
      .waitFor();

    for (const context of others) {
      const other = context.pages()[0]!;
      await other.goto("/gallery");
      await waitForPath(other, "/login");
    }
    expect((await main.request.get("/api/v1/auth/profile")).status()).toBe(200);
    for (const context of others) await context.close();
    await main.close();
  });
});
