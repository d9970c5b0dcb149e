import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import {
  DESKTOP,
  PHONE,
  launchBrowser,
  newContext,
  screenshot,
  uniqueEmail,
} from "./support/browser";
import { RegisterPage, waitForPath } from "./support/pages";
import { makeImage } from "./support/people";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const APP_PAGES = ["/generate", "/gallery", "/explore", "/collections", "/settings"];

describe("every page renders on phone and desktop, light and dark", () => {
  for (const [label, viewport] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    for (const scheme of ["light", "dark"] as const) {
      it(`renders public and signed-in pages without errors (${label}, ${scheme})`, async () => {
        const context = await newContext(browser, viewport, scheme);
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (error) => errors.push(error.message));
        page.on("console", (message) => {
          if (message.type() === "error")
            errors.push(`${message.text()} ${message.location().url}`);
        });
        page.on("response", (response) => {
          if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
        });

        for (const path of ["/", "/login", "/register"]) {
          const response = await page.goto(path);
          expect(response?.status(), path).toBe(200);
          expect(response?.headers()["content-security-policy"]).toMatch(
            /script-src 'self' 'nonce-/,
          );
          await screenshot(page, `${path === "/" ? "landing" : path.slice(1)}-${label}-${scheme}`);
        }
        await new RegisterPage(page).open();
        await new RegisterPage(page).register({
          name: "Look Test",
          email: uniqueEmail("look"),
          password: "a long enough password",
        });
        await waitForPath(page, "/generate");
        for (const path of APP_PAGES) {
          const response = await page.goto(path);
          expect(response?.status(), path).toBe(200);
          await page.waitForLoadState("networkidle");
          const current = page
            .getByRole("link", { name: new RegExp(path.slice(1), "i") })
            .filter({ visible: true });
          expect(await current.count(), `navigation link to ${path}`).toBeGreaterThan(0);
          await screenshot(page, `${path.slice(1)}-${label}-${scheme}`);
        }
        // With images, the grid, the filter row and an image's page render too; a filtered
        // address renders the filter chips. A chunk the server renders is preloaded by a link
        // the CSP must accept, or the browser logs a violation here.
        const image = await makeImage(page, { prompt: "A lighthouse at dusk", tags: ["sea"] });
        for (const path of ["/gallery", "/gallery?tag=sea", `/images/${image.id}`]) {
          const response = await page.goto(path);
          expect(response?.status(), path).toBe(200);
          await page.waitForLoadState("networkidle");
        }
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});
