/**
 * Screenshots of the UI shell at phone and desktop sizes, light and dark.
 *
 *   npx tsx scripts/take-screenshots.ts http://localhost:3100 [--out=docs/screenshots] [--only=landing,settings]
 *
 * Registers a throwaway account through the API, then visits the signed-out and signed-in
 * pages with Debian's Chromium. Output: docs/screenshots/<page>-<phone|desktop>-<light|dark>.png
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import {
  DEVICES,
  HIDE_DEV_OVERLAY,
  launchBrowser,
  THEMES,
  type DeviceName,
  type ThemeName,
} from "./support/screenshot-setup";

const args = process.argv.slice(2);
const flag = (name: string) =>
  args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const baseUrl = (args.find((arg) => !arg.startsWith("--")) ?? "").replace(/\/$/, "");
if (!/^https?:\/\//.test(baseUrl)) {
  console.error(
    "Usage: npx tsx scripts/take-screenshots.ts <base-url> [--out=dir] [--only=name,name]",
  );
  process.exit(2);
}
const outDir = path.resolve(flag("out") ?? "docs/screenshots");
const only = flag("only")?.split(",").filter(Boolean) ?? null;

interface Shot {
  name: string;
  path: string;
  signedIn: boolean;
  fullPage?: boolean;
  /** Runs after navigation, before the screenshot. */
  prepare?: (page: Page, device: DeviceName) => Promise<void>;
}

const SHOTS: readonly Shot[] = [
  { name: "landing", path: "/", signedIn: false, fullPage: true },
  {
    name: "login-errors",
    path: "/login?next=%2Fgallery",
    signedIn: false,
    prepare: async (page) => {
      await page.getByTestId("login-form").locator('input[name="email"]').fill("not-an-email");
      await page.getByTestId("login-submit").click();
      await page.getByText("Enter a valid email address.").waitFor();
    },
  },
  { name: "register", path: "/register", signedIn: false },
  // Signed-in pages are captured one screen at a time: the shell's bars are fixed.
  { name: "generate", path: "/generate", signedIn: true },
  { name: "gallery", path: "/gallery", signedIn: true },
  { name: "explore", path: "/explore", signedIn: true },
  { name: "collections", path: "/collections", signedIn: true },
  {
    name: "settings",
    path: "/settings",
    signedIn: true,
    prepare: async (page) => {
      await page.getByTestId("settings-profile").waitFor();
    },
  },
  {
    name: "settings-preferences",
    path: "/settings",
    signedIn: true,
    prepare: (page) => scrollToTestId(page, "settings-preferences"),
  },
  {
    name: "settings-key",
    path: "/settings",
    signedIn: true,
    prepare: (page) => scrollToTestId(page, "settings-provider-key"),
  },
  {
    name: "settings-toast",
    path: "/settings",
    signedIn: true,
    prepare: async (page) => {
      await scrollToTestId(page, "settings-preferences");
      const toggle = page.getByTestId("setting-enableOfflineCache");
      await toggle.click();
      await page.getByTestId("toast").first().waitFor();
      await toggle.click();
      await page.waitForTimeout(300);
    },
  },
  {
    name: "user-menu",
    path: "/gallery",
    signedIn: true,
    prepare: async (page, device) => {
      if (device !== "phone") throw new SkipShot();
      await page.getByTestId("user-menu-trigger").click();
      await page.getByTestId("user-menu").waitFor({ timeout: 5_000 });
    },
  },
  { name: "not-found", path: "/no-such-page", signedIn: false },
];

class SkipShot extends Error {}

async function scrollToTestId(page: Page, testId: string): Promise<void> {
  const target = page.getByTestId(testId);
  await target.waitFor();
  await target.evaluate((element) => {
    const top = element.getBoundingClientRect().top + window.scrollY - 72;
    window.scrollTo({ top, behavior: "instant" });
  });
}

async function registerAccount(
  browser: Browser,
): Promise<Awaited<ReturnType<BrowserContext["storageState"]>>> {
  const context = await browser.newContext();
  const email = `screenshots+${Date.now()}@example.com`;
  const response = await context.request.post(`${baseUrl}/api/v1/auth/register`, {
    data: { email, password: "correct horse battery", name: "Ada Lovelace" },
    headers: { Origin: baseUrl },
  });
  if (!response.ok()) {
    throw new Error(`register failed: ${response.status()} ${await response.text()}`);
  }
  const state = await context.storageState();
  await context.close();
  return state;
}

async function newContext(
  browser: Browser,
  device: DeviceName,
  theme: ThemeName,
  storageState: Awaited<ReturnType<BrowserContext["storageState"]>> | undefined,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    ...DEVICES[device],
    colorScheme: theme,
    reducedMotion: "reduce",
    storageState,
  });
  const { hostname } = new URL(baseUrl);
  await context.addCookies([{ name: "theme", value: theme, domain: hostname, path: "/" }]);
  // A dev server compiles pages on first visit; give it time.
  context.setDefaultTimeout(60_000);
  return context;
}

async function takeShot(
  page: Page,
  shot: Shot,
  device: DeviceName,
  theme: ThemeName,
  file: string,
) {
  await page.goto(`${baseUrl}${shot.path}`, { waitUntil: "load" });
  await page.locator("#main").waitFor();
  // Wait for hydration (the page's scripts and first data requests) before interacting.
  await page.waitForLoadState("networkidle");
  await page.addStyleTag({ content: HIDE_DEV_OVERLAY });
  await shot.prepare?.(page, device);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 0) {
    console.warn(
      `warning: ${shot.name} (${device}, ${theme}) overflows horizontally by ${overflow}px`,
    );
  }
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(150);
  await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
}

async function main() {
  await mkdir(outDir, { recursive: true });
  const browser = await launchBrowser();
  try {
    const signedInState = await registerAccount(browser);
    for (const device of Object.keys(DEVICES) as DeviceName[]) {
      for (const theme of THEMES) {
        for (const signedIn of [false, true]) {
          const context = await newContext(
            browser,
            device,
            theme,
            signedIn ? signedInState : undefined,
          );
          const page = await context.newPage();
          const shots = SHOTS.filter(
            (candidate) =>
              candidate.signedIn === signedIn && (!only || only.includes(candidate.name)),
          );
          if (shots.length === 0) {
            await context.close();
            continue;
          }
          for (const shot of shots) {
            const file = path.join(outDir, `${shot.name}-${device}-${theme}.png`);
            // One retry: a dev server may recompile (and reload the page) mid-shot.
            for (let attempt = 1; attempt <= 2; attempt += 1) {
              try {
                await takeShot(page, shot, device, theme, file);
                console.log(`saved ${path.relative(process.cwd(), file)}`);
                break;
              } catch (error) {
                if (error instanceof SkipShot) break;
                if (attempt === 2) {
                  console.error(`failed ${shot.name} (${device}, ${theme}):`, error);
                  process.exitCode = 1;
                }
              }
            }
          }
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
}

void main();
