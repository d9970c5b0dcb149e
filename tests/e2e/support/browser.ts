import { mkdirSync } from "node:fs";
import { join } from "node:path";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "playwright-core";

export const BASE_URL = process.env.E2E_BASE_URL ?? "http://localhost:3000";
export const SCREENSHOT_DIR = join(process.cwd(), "test-results", "screenshots");

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export async function newContext(
  browser: Browser,
  viewport = DESKTOP,
  colorScheme: "light" | "dark" = "light",
  /** The browser's language (navigator.language and Accept-Language); Chromium's own if unset. */
  locale?: string,
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: BASE_URL,
    viewport,
    colorScheme,
    deviceScaleFactor: 1,
    isMobile: viewport.width < 600,
    hasTouch: viewport.width < 600,
    ...(locale ? { locale } : {}),
  });
}

export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

let counter = 0;
export const uniqueEmail = (label = "e2e") => `${label}-${Date.now()}-${++counter}@example.com`;

/**
 * Waits until React has hydrated the element: it then carries React's props. A change made to a
 * server-rendered control before that has no listener and is lost, as the person would find.
 */
export async function waitForHydration(locator: Locator, timeout = 20_000): Promise<void> {
  await locator.waitFor({ timeout });
  await locator
    .page()
    .waitForFunction(
      (element) =>
        element !== null && Object.keys(element).some((key) => key.startsWith("__reactProps$")),
      await locator.elementHandle(),
      { timeout },
    );
}
