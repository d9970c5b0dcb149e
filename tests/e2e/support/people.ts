import { expect } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { BASE_URL, uniqueEmail } from "./browser";
import { RegisterPage, waitForPath } from "./pages";

export interface MadeImage {
  id: string;
  prompt: string;
}

/** A new account, signed up through the register page; the page lands on /generate. */
export async function registerPerson(
  context: BrowserContext,
  { name, label }: { name: string; label: string },
): Promise<Page> {
  const page = await context.newPage();
  const register = new RegisterPage(page);
  await register.open();
  await register.register({ name, email: uniqueEmail(label), password: "a long enough password" });
  await waitForPath(page, "/generate");
  return page;
}

/** One demo image, generated through the API as the page would (same cookies, same origin). */
export async function makeImage(
  page: Page,
  body: { prompt: string; tags?: string[] },
): Promise<MadeImage> {
  const response = await page.request.post("/api/v1/images/generate", {
    data: body,
    headers: { origin: BASE_URL },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { data: { image: MadeImage } }).data.image;
}

/**
 * Waits until the service worker is active and controls the page. It claims open pages when it
 * activates; `reloadIfNeeded` reloads once for a page that opened before it existed.
 */
export async function waitForServiceWorkerControl(
  page: Page,
  { reloadIfNeeded = false }: { reloadIfNeeded?: boolean } = {},
): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (reloadIfNeeded) {
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
    if (!controlled) await page.reload();
  }
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 20_000,
    })
    .toBe(true);
}
