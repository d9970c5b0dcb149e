import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  BASE_URL,
  DESKTOP,
  launchBrowser,
  newContext,
  uniqueEmail,
  waitForHydration,
} from "./support/browser";
import { RegisterPage, waitForPath } from "./support/pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PASSWORD = "a long enough password";

/** Settings → API keys, in the words of the section. */
class ApiKeysSettings {
  constructor(readonly page: Page) {}
  get section() {
    return this.page.getByTestId("settings-api-keys");
  }
  async open() {
    await this.page.goto("/settings#api-keys");
    await this.section.getByTestId("api-key-form").waitFor();
  }
  async create(input: { name: string; expiry?: "30" | "90" | "365" | "never"; write?: boolean }) {
    const form = this.section.getByTestId("api-key-form");
    if (input.write) {
      // A click landing before the form has hydrated is undone by hydration: click again until
      // it holds (the page cannot answer before its script runs).
      const write = form.getByTestId("api-key-scope-images-write");
      await expect
        .poll(async () => {
          await write.check({ timeout: 2_000 }).catch(() => {});
          return write.isChecked();
        })
        .toBe(true);
    }
    if (input.expiry) await form.getByTestId("api-key-expiry").selectOption(input.expiry);
    // Submit from the keyboard: Enter in the name field.
    await form.getByTestId("api-key-name").fill(input.name);
    await form.getByTestId("api-key-name").press("Enter");
    const field = this.section.getByTestId("api-key-value");
    await field.waitFor();
    return field.inputValue();
  }
  rows() {
    return this.section.getByTestId("api-key-row");
  }
  async revoke(name: string) {
    // After a reload the row is server-rendered first: a click before hydration does nothing.
    const button = this.section.getByRole("button", { name: `Revoke ${name}` });
    await waitForHydration(button);
    await button.click();
    const dialog = this.page.getByTestId("api-key-revoke-dialog");
    await dialog.waitFor();
    await dialog.getByTestId("api-key-revoke-confirm").click();
    await dialog.waitFor({ state: "detached" });
  }
}

async function registered(page: Page, label: string) {
  await new RegisterPage(page).open();
  await new RegisterPage(page).register({
    name: "Key Maker",
    email: uniqueEmail(label),
    password: PASSWORD,
  });
  await waitForPath(page, "/generate");
}

/**
 * The section alone, without the phone's sticky top bar, which a capture of a scrolled page
 * would otherwise paint over the middle of the section.
 */
async function shootSection(page: Page, path: string) {
  await page.evaluate(() => document.fonts.ready);
  const clip = await page.getByTestId("settings-api-keys").evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { x: rect.x + scrollX, y: rect.y + scrollY, width: rect.width, height: rect.height };
  });
  await page.screenshot({
    path,
    fullPage: true,
    clip,
    animations: "disabled",
    style: "header.sticky { visibility: hidden !important; }",
  });
}

const listImagesWith = (key: string) =>
  fetch(`${BASE_URL}/api/v1/images`, { headers: { authorization: `Bearer ${key}` } });

describe("API keys in Settings", () => {
  it("creates a key shown once, which a script can use until it is revoked in the UI", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await registered(page, "apikeys");
    const settings = new ApiKeysSettings(page);
    await settings.open();
    await settings.section.getByText("No API keys yet").waitFor();

    const key = await settings.create({ name: "Nightly backup", expiry: "30" });
    expect(key).toMatch(/^ais_[A-Za-z0-9_-]{43}$/);
    await expect.poll(() => settings.rows().count()).toBe(1);
    const row = settings.rows().first();
    expect(await row.textContent()).toContain(`ais_${key.slice(4, 12)}…`);
    expect(await row.textContent()).toContain("Nightly backup");
    expect(await row.textContent()).not.toContain(key);

    const listed = await listImagesWith(key);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { success: boolean }).success).toBe(true);

    // Shown once: after "I've saved it" (or a reload) the key is nowhere on the page.
    await settings.section.getByTestId("api-key-done").click();
    await settings.section.getByTestId("api-key-value").waitFor({ state: "detached" });
    await page.reload();
    await settings.rows().first().waitFor();
    expect(await page.content()).not.toContain(key);

    await settings.revoke("Nightly backup");
    await settings.section.getByText("No API keys yet").waitFor();
    const refused = await listImagesWith(key);
    expect(refused.status).toBe(401);
    await context.close();
  });

  it("looks right on phones and desktops, light and dark", async () => {
    const dir = join(process.cwd(), "docs", "screenshots");
    mkdirSync(dir, { recursive: true });
    const viewports = [
      ["phone", { width: 390, height: 844 }],
      ["desktop", { width: 1280, height: 800 }],
    ] as const;
    for (const scheme of ["light", "dark"] as const) {
      for (const [label, viewport] of viewports) {
        const context = await newContext(browser, viewport, scheme);
        const page = await context.newPage();
        await registered(page, `apikeys-${label}-${scheme}`);
        const settings = new ApiKeysSettings(page);
        await settings.open();
        await settings.section.getByText("No API keys yet").waitFor();
        await shootSection(page, join(dir, `api-keys-empty-${label}-${scheme}.png`));
        for (const [name, scopes, expiresInDays] of [
          ["Photo frame", ["images:read"], null],
          ["Home server sync", ["images:read", "images:write"], 365],
        ] as const) {
          const made = await page.request.post("/api/v1/api-keys", {
            data: { name, scopes, expiresInDays },
            headers: { origin: BASE_URL },
          });
          expect(made.status()).toBe(201);
        }
        await page.reload();
        await settings.section.getByTestId("api-key-form").waitFor();
        await expect.poll(() => settings.rows().count()).toBe(2);
        await settings.create({ name: "Nightly backup", write: true, expiry: "90" });
        await shootSection(page, join(dir, `api-keys-${label}-${scheme}.png`));
        await settings.section.getByRole("button", { name: "Revoke Photo frame" }).click();
        await page.getByTestId("api-key-revoke-dialog").waitFor();
        await page.screenshot({
          path: join(dir, `api-keys-revoke-${label}-${scheme}.png`),
          animations: "disabled",
        });
        await context.close();
      }
    }
  });
});
