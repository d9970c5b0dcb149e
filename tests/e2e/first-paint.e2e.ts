import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { BASE_URL, DESKTOP, PHONE, launchBrowser, newContext, screenshot } from "./support/browser";
import { makeImage, registerPerson } from "./support/people";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The page's HTML as the server sends it, with the person's cookies (no script has run). */
async function firstHtml(page: Page, path: string): Promise<string> {
  const response = await page.request.get(path, { headers: { Accept: "text/html" } });
  expect(response.status()).toBe(200);
  return response.text();
}

/** Words from a style template's prompt, as they would appear in a page's flight data. */
async function templatePromptWords(page: Page): Promise<string> {
  const response = await page.request.get("/api/v1/templates");
  const templates = ((await response.json()) as { data: { promptSuffix: string }[] }).data;
  const words = templates
    .map((template) => /[A-Za-z][A-Za-z ]{18,}[A-Za-z]/.exec(template.promptSuffix)?.[0])
    .find((found) => found !== undefined);
  expect(words).toBeDefined();
  return words!;
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** The /api/v1 GETs the browser makes while the page loads and settles. */
async function apiCallsWhileLoading(page: Page, path: string): Promise<string[]> {
  const calls: string[] = [];
  const listener = (request: { url: () => string; method: () => string }) => {
    const url = new URL(request.url());
    if (
      request.method() === "GET" &&
      url.pathname.startsWith("/api/v1/") &&
      !url.pathname.includes("/files/")
    )
      calls.push(url.pathname);
  };
  page.on("request", listener);
  await page.goto(path, { waitUntil: "networkidle" });
  page.off("request", listener);
  return calls;
}

describe("signed-in pages arrive with their data", () => {
  it("/gallery's first HTML has the image tiles, the first thumbnails fetched first", async () => {
    const context = await newContext(browser, PHONE);
    const page = await registerPerson(context, { name: "First Paint", label: "first-paint" });
    const made = [
      await makeImage(page, { prompt: "a paper boat on a puddle" }),
      await makeImage(page, { prompt: "a kettle on a wood stove" }),
    ];

    const html = await firstHtml(page, "/gallery");
    for (const image of made) {
      expect(html).toContain(`data-image-id="${image.id}"`);
    }
    // In place, not "outlined": React sends a Suspense boundary over ~12.8 kB as a hidden
    // segment at the end of the HTML, shown by a script only after the page's scripts ran.
    expect(html).not.toContain("<!--$?-->");
    expect(html).not.toContain('<div hidden id="S:');
    expect(html).toMatch(/<img[^>]*fetchpriority="high"[^>]*>/i);
    const firstImg = /<img[^>]*fetchpriority="high"[^>]*>/i.exec(html)?.[0] ?? "";
    expect(firstImg).not.toContain('loading="lazy"');
    // The style names come with the page, not the templates' prompts (only /generate uses them).
    expect(occurrences(html, await templatePromptWords(page))).toBe(0);

    // The browser asks the API for nothing of what the server already rendered.
    const calls = await apiCallsWhileLoading(page, "/gallery");
    expect(
      calls.filter((path) =>
        /^\/api\/v1\/(images|templates|gallery\/collections|settings|auth\/profile)$/.test(path),
      ),
    ).toEqual([]);
    await expect.poll(() => page.getByTestId("gallery-tile").count(), { timeout: 10_000 }).toBe(2);
    await screenshot(page, "first-paint-gallery-phone");
    await context.close();
  });

  it("/gallery's tiles stay where the first HTML painted them when the grid lays them out", async () => {
    const context = await newContext(browser, PHONE);
    const page = await registerPerson(context, { name: "Still Tiles", label: "first-paint" });
    for (const prompt of ["a moth", "a lamp", "a moth at the lamp", "a window", "a door", "a key"])
      await makeImage(page, { prompt });
    // Every layout shift of an element inside the grid, from the first paint on.
    await context.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { gridShifts: number[] }).gridShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number;
          sources?: { node?: Node | null }[];
        }[]) {
          const inGrid = (entry.sources ?? []).some((source) =>
            source.node instanceof Element
              ? source.node.closest('[data-testid="gallery-grid"]') !== null
              : false,
          );
          if (inGrid) shifts.push(entry.value);
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto("/gallery");
    // Laid out by the grid: its tiles carry their row.
    await page.locator('[data-testid="gallery-grid"] > [data-row]').first().waitFor();
    await expect.poll(() => page.getByTestId("gallery-tile").count()).toBe(6);
    const shifts = await page.evaluate(
      () => (window as unknown as { gridShifts: number[] }).gridShifts,
    );
    expect(shifts.reduce((total, value) => total + value, 0)).toBeLessThan(0.001);
    await context.close();
  });

  it("/gallery's tiles on a 1× desktop fetch only their 300 px thumbnails: laid out wider, a tile keeps the picture it painted", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await registerPerson(context, { name: "One Fetch", label: "first-paint" });
    const made: string[] = [];
    for (const prompt of ["a heron", "a reed", "a pond", "a frog", "a lily", "a dragonfly"])
      made.push((await makeImage(page, { prompt })).id);
    const files: string[] = [];
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (/^\/api\/v1\/images\/[^/]+\/files\//.test(pathname)) files.push(pathname);
    });
    await page.goto("/gallery", { waitUntil: "networkidle" });
    // Laid out by the grid: its first row's tiles are wider (~260 px) than the first HTML's 180.
    await page.locator('[data-testid="gallery-grid"] > [data-row]').first().waitFor();
    await page.waitForLoadState("networkidle");
    const widest = await page
      .getByTestId("gallery-tile")
      .evaluateAll((tiles) => Math.max(...tiles.map((tile) => tile.getBoundingClientRect().width)));
    expect(widest).toBeGreaterThan(220);
    // A 300 px thumbnail covers a 260 px tile on a 1× screen: no 800 px fetch after hydration.
    // (The page's request and the service worker's may both be reported: compared as a set.)
    expect([...new Set(files)].sort()).toEqual(
      made.map((id) => `/api/v1/images/${id}/files/300`).sort(),
    );
    await context.close();
  });

  it("/gallery's bars draw no backdrop filter until tiles pass beneath them (phone), and the desktop sidebar none ever", async () => {
    /** The opening tag of the element with this test id in some HTML. */
    const tagOf = (html: string, testId: string) =>
      new RegExp(`<[a-z]+[^>]*data-testid="${testId}"[^>]*>`).exec(html)?.[0] ?? "";
    /** The computed backdrop filter of the element with this test id. */
    const backdropOf = (page: Page, testId: string) =>
      page.getByTestId(testId).evaluate((element) => getComputedStyle(element).backdropFilter);

    const phone = await newContext(browser, PHONE);
    const page = await registerPerson(phone, { name: "Frost", label: "first-paint" });
    // Six images (the e2e server's daily quota), on a short phone screen so that they scroll.
    for (const count of [4, 2]) {
      const made = await page.request.post("/api/v1/images/generate", {
        data: { prompt: `paper lanterns, ${count} of them`, count },
        headers: { origin: BASE_URL },
      });
      expect(made.status()).toBe(201);
    }
    await page.setViewportSize({ width: PHONE.width, height: 520 });
    const html = await firstHtml(page, "/gallery");
    for (const bar of ["top-bar", "gallery-toolbar"]) {
      expect(tagOf(html, bar)).not.toBe("");
      expect(tagOf(html, bar)).not.toContain("backdrop-blur");
    }
    await page.goto("/gallery");
    await page.locator('[data-testid="gallery-grid"] > [data-row]').first().waitFor();
    expect(await backdropOf(page, "top-bar")).toBe("none");
    expect(await backdropOf(page, "gallery-toolbar")).toBe("none");

    // Scrolled: the tiles pass beneath both bars, which frost (and the toolbar gains its line).
    await page.mouse.move(200, 500);
    await page.mouse.wheel(0, 400);
    await expect.poll(() => backdropOf(page, "gallery-toolbar")).toMatch(/blur/);
    await expect.poll(() => backdropOf(page, "top-bar")).toMatch(/blur/);
    expect(await page.getByTestId("gallery-toolbar").getAttribute("data-stuck")).toBe("true");
    // Pinned below the banner that asks to verify the email, not sliding underneath it.
    const gap = await page.evaluate(() => {
      const box = (testId: string) =>
        document.querySelector(`[data-testid="${testId}"]`)!.getBoundingClientRect();
      return {
        banners: box("sticky-banners").height,
        gap: box("gallery-toolbar").top - box("sticky-banners").bottom,
      };
    });
    expect(gap.banners).toBeGreaterThan(20);
    expect(gap.gap).toBeGreaterThanOrEqual(-0.5);
    await screenshot(page, "gallery-toolbar-stuck-phone", { fullPage: false });
    // Back at the top: plain again.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => backdropOf(page, "gallery-toolbar")).toBe("none");
    await expect.poll(() => backdropOf(page, "top-bar")).toBe("none");
    await phone.close();

    const desktop = await newContext(browser, DESKTOP);
    const wide = await registerPerson(desktop, { name: "Frost Wide", label: "first-paint" });
    await makeImage(wide, { prompt: "a paper lantern" });
    await wide.goto("/gallery");
    await wide.locator('[data-testid="gallery-grid"] > [data-row]').first().waitFor();
    expect(await backdropOf(wide, "app-sidebar")).toBe("none");
    expect(await backdropOf(wide, "gallery-toolbar")).toBe("none");
    await desktop.close();
  });

  it("the landing page's header draws no backdrop filter at the top, and frosts once the page scrolls beneath it (phone)", async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto("/");
    const backdrop = () =>
      page
        .getByTestId("landing-header")
        .evaluate((element) => getComputedStyle(element).backdropFilter);
    expect(await backdrop()).toBe("none");
    await page.evaluate(() => window.scrollTo(0, 600));
    await expect.poll(backdrop).toMatch(/blur/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(backdrop).toBe("none");
    await context.close();
  });

  it("/generate's first HTML shows the quota and the form; /settings' shows the profile", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await registerPerson(context, { name: "Quota Reader", label: "first-paint" });

    const generate = await firstHtml(page, "/generate");
    expect(generate).toContain('data-testid="quota-remaining"');
    expect(generate).toContain('data-testid="prompt-input"');
    expect(generate).not.toContain("<!--$?-->"); // in place, not outlined (see above)
    // The template catalog is in the page, once (flight data names a repeated object once).
    expect(occurrences(generate, await templatePromptWords(page))).toBe(1);
    const generateCalls = await apiCallsWhileLoading(page, "/generate");
    expect(
      generateCalls.filter((path) =>
        /^\/api\/v1\/(auth\/profile|templates(\/categories)?|settings)$/.test(path),
      ),
    ).toEqual([]);
    await screenshot(page, "first-paint-generate-desktop");

    const settings = await firstHtml(page, "/settings");
    expect(settings).toContain("Quota Reader");
    expect(settings).not.toContain('data-testid="settings-error"');
    const settingsCalls = await apiCallsWhileLoading(page, "/settings");
    expect(
      settingsCalls.filter((path) => /^\/api\/v1\/(auth\/profile|api-keys)$/.test(path)),
    ).toEqual([]);
    await context.close();
  });
});
