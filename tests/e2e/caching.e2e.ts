import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST_DIR } from "../../scripts/production-build";
import { BASE_URL, DESKTOP, newContext, uniqueEmail } from "./support/browser";
import { AppShell, RegisterPage, waitForPath } from "./support/pages";

/*
 * What the browser may keep. A signed-out page holds nothing private, so Back restores it
 * from the back/forward cache; a signed-in page is never kept, so after logout Back cannot
 * show it again. And the pages ship no zod (98 kB, and a `new Function` probe the CSP refuses).
 */

let browser: Browser;
beforeAll(async () => {
  // As tests/e2e/support/browser.ts, but with the back/forward cache on: Playwright switches
  // it off by default (--disable-back-forward-cache).
  browser = await chromium.launch({
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
    ignoreDefaultArgs: ["--disable-back-forward-cache"],
  });
});
afterAll(async () => {
  await browser?.close();
});

/** Remembers every pageshow of every document; `persisted` is true for a bfcache restore. */
const PAGESHOW_PROBE = `
  window.__pageshows = [];
  addEventListener("pageshow", (event) => window.__pageshows.push(event.persisted));
`;

interface BackResult {
  /** How Chromium showed the page: "BackForwardCacheRestore" or "Navigation". */
  navigationType: string;
  /** Why it was not restored, when it was not (Page.backForwardCacheNotUsed). */
  notRestoredReasons: unknown[];
  /** The same document as before (a marker set on it survived), and its pageshow events. */
  sameDocument: boolean;
  pageshows: boolean[];
  path: string;
}

async function markDocument(page: Page) {
  await page.evaluate(() => {
    (window as Window & { __marker?: string }).__marker = "kept";
  });
}

/**
 * Back, watched through the DevTools protocol: Playwright does not track documents restored
 * from the bfcache (it switches the cache off), so its own evaluate and load states cannot be
 * used on them. Runtime.evaluate runs in whatever document is shown.
 */
async function goBack(page: Page): Promise<BackResult> {
  const session = await page.context().newCDPSession(page);
  await session.send("Page.enable");
  const notRestoredReasons: unknown[] = [];
  session.on("Page.backForwardCacheNotUsed", (event) => {
    notRestoredReasons.push(event.notRestoredExplanations);
  });
  const navigationTypes: string[] = [];
  session.on("Page.frameNavigated", (event) => {
    if (!event.frame.parentId) navigationTypes.push(event.type);
  });
  await page.goBack({ waitUntil: "commit" });
  // Settle: the first navigation is Back itself; a signed-out app page then redirects.
  const read = async () => {
    const { result } = await session.send("Runtime.evaluate", {
      expression: `JSON.stringify({
        ready: document.readyState,
        sameDocument: window.__marker === "kept",
        pageshows: window.__pageshows ?? [],
        path: location.pathname,
      })`,
      returnByValue: true,
    });
    return JSON.parse(String(result.value)) as {
      ready: string;
      sameDocument: boolean;
      pageshows: boolean[];
      path: string;
    };
  };
  let last = "";
  for (let attempt = 0; attempt < 80; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    let state;
    try {
      state = await read();
    } catch {
      continue; // between documents
    }
    const key = JSON.stringify(state);
    if (state.ready === "complete" && state.pageshows.length > 0 && key === last) {
      await session.detach();
      return {
        navigationType: navigationTypes[0] ?? "",
        notRestoredReasons,
        sameDocument: state.sameDocument,
        pageshows: state.pageshows,
        path: state.path,
      };
    }
    last = key;
  }
  await session.detach();
  throw new Error(`Back never settled: ${last}`);
}

describe("the back/forward cache", () => {
  it("restores a signed-out page from memory on Back", async () => {
    const context = await newContext(browser, DESKTOP);
    await context.addInitScript({ content: PAGESHOW_PROBE });
    const page = await context.newPage();
    const restored: string[] = [];
    for (const path of ["/explore", "/"]) {
      // Chromium may evict a kept page for circumstantial reasons (an event that reached it
      // while frozen: "IgnoreEventAndEvict", seen on the landing page); those say nothing about
      // the page and are retried. A page-level reason (no-store, an unload handler…) fails at
      // once: that is what this test guards.
      for (let attempt = 0; attempt < 3; attempt++) {
        const response = await page.goto(path);
        expect(response?.headers()["cache-control"], path).not.toMatch(/no-store/);
        await markDocument(page);
        await page.goto("/login");
        const back = await goBack(page);
        const reasons = JSON.stringify(back.notRestoredReasons);
        if (back.navigationType === "BackForwardCacheRestore") {
          expect(back, `${path}: ${reasons}`).toMatchObject({
            sameDocument: true,
            pageshows: [false, true],
            path,
          });
          restored.push(path);
          break;
        }
        const onlyCircumstantial = back.notRestoredReasons
          .flat()
          .every((reason) => (reason as { type?: string }).type === "Circumstantial");
        expect(onlyCircumstantial, `${path}: ${reasons}`).toBe(true);
      }
      // Leave the restored document through Playwright's own navigation again.
      await page.goto("/login");
    }
    // At least one page really came back from memory (not only "eligible").
    expect(restored.length).toBeGreaterThan(0);
    await context.close();
  });

  it("never brings a signed-in page back after logout", async () => {
    const context = await newContext(browser, DESKTOP);
    await context.addInitScript({ content: PAGESHOW_PROBE });
    const page = await context.newPage();
    const name = `Private Person ${Date.now()}`;
    await new RegisterPage(page).open();
    await new RegisterPage(page).register({
      name,
      email: uniqueEmail("bfcache"),
      password: "a long enough password",
    });
    await waitForPath(page, "/generate");
    const response = await page.goto("/gallery");
    expect(response?.headers()["cache-control"]).toMatch(/no-store/);
    await page.getByText(name).first().waitFor();
    await markDocument(page);

    await new AppShell(page).logOut();
    const back = await goBack(page);
    expect(back.navigationType).not.toBe("BackForwardCacheRestore");
    expect(back.sameDocument).toBe(false);
    expect(back.pageshows).not.toContain(true);
    expect(back.path).not.toMatch(/^\/(gallery|generate|images|collections|settings)/);
    expect(await page.content()).not.toContain(name);
    await context.close();
  });
});

describe("client JavaScript", () => {
  /** zod 4 keeps its internals on `._zod`, a property name minification leaves alone. */
  const containsZod = (source: string) => /\._zod\b|jitless/.test(source);

  it("ships no zod in any of /login's scripts", async () => {
    const html = await (await fetch(`${BASE_URL}/login`)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const source = await (await fetch(new URL(src, BASE_URL))).text();
      expect(containsZod(source), src).toBe(false);
    }
  });

  it("has no zod in any client chunk of the build", () => {
    const chunks = join(DIST_DIR, "static", "chunks");
    const files = readdirSync(chunks, { recursive: true, encoding: "utf8" }).filter((file) =>
      file.endsWith(".js"),
    );
    expect(files.length).toBeGreaterThan(10);
    const withZod = files.filter((file) => containsZod(readFileSync(join(chunks, file), "utf8")));
    expect(withZod).toEqual([]);
  });
});
