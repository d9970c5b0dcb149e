import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Image } from "@/shared/api-types";
import {
  BASE_URL,
  DESKTOP,
  launchBrowser,
  newContext,
  PHONE,
  screenshot,
  uniqueEmail,
} from "./support/browser";
import { LoginPage, RegisterPage, waitForPath } from "./support/pages";
import { makeImage } from "./support/people";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PASSWORD = "a long enough password";

async function registered(page: Page, label: string): Promise<string> {
  const email = uniqueEmail(label);
  await new RegisterPage(page).open();
  await new RegisterPage(page).register({ name: "Data Owner", email, password: PASSWORD });
  await waitForPath(page, "/generate");
  return email;
}

const write = (page: Page, method: "patch" | "post", path: string, data: unknown) =>
  page.request[method](path, { data, headers: { origin: BASE_URL } });

async function openYourData(page: Page) {
  await page.goto("/settings#your-data");
  await page.getByTestId("export-all").waitFor();
}

describe("Your data in Settings", () => {
  it("downloads a ZIP whose manifest matches the API, with the collection and no secret", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await registered(page, "export");
    const first = await makeImage(page, { prompt: "a lighthouse at dusk", tags: ["sea"] });
    const second = await makeImage(page, { prompt: "a fox in snow" });
    expect(
      (await write(page, "patch", `/api/v1/images/${second.id}`, { favorite: true })).status(),
    ).toBe(200);
    const edit = await write(page, "post", `/api/v1/images/${first.id}/edit`, {
      prompt: "brighter",
    });
    expect(edit.status()).toBe(201);
    const made = await write(page, "post", "/api/v1/gallery/collections", { name: "Coast" });
    const collectionId = ((await made.json()) as { data: { id: string } }).data.id;
    await write(page, "post", `/api/v1/gallery/collections/${collectionId}/images`, {
      imageId: first.id,
    });

    await openYourData(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-all").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ai-image-studio-export-.+\.zip$/);
    await page.getByText("Your download has started").waitFor();
    const entries = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const json = (name: string) => JSON.parse(new TextDecoder().decode(entries[name])) as unknown;
    const manifest = json("manifest.json") as { images: (Image & { file: string })[] };

    const listed = (await (await page.request.get("/api/v1/images?limit=100")).json()) as {
      data: Image[];
    };
    expect(manifest.images).toHaveLength(3);
    for (const { file, template: _template, ...image } of manifest.images as (Image & {
      file: string;
      template: unknown;
    })[]) {
      expect(image).toEqual(listed.data.find((item) => item.id === image.id));
      expect(entries[file]?.byteLength).toBeGreaterThan(0);
    }
    expect(manifest.images.find((image) => image.parentId === first.id)).toBeTruthy();
    const { collections } = json("collections.json") as {
      collections: { name: string; imageIds: string[] }[];
    };
    expect(collections).toEqual([expect.objectContaining({ name: "Coast", imageIds: [first.id] })]);
    expect(new TextDecoder().decode(entries["settings.json"])).not.toMatch(/password|secret|key/i);
    await context.close();
  });

  it("deletes the account: signed out, the login refused, the public image gone from Explore", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    const email = await registered(page, "leaver");
    const image = await makeImage(page, { prompt: "a public meadow" });
    expect(
      (await write(page, "patch", `/api/v1/images/${image.id}`, { isPublic: true })).status(),
    ).toBe(200);
    const explore = async () =>
      (
        (await (await fetch(`${BASE_URL}/api/v1/gallery/public?limit=100`)).json()) as {
          data: Image[];
        }
      ).data.map((item) => item.id);
    expect(await explore()).toContain(image.id);

    await openYourData(page);
    // Keyboard: focus the button and press Enter; the dialog takes focus.
    await page.getByTestId("delete-account-open").focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByTestId("delete-account-dialog");
    await dialog.waitFor();
    await dialog.getByTestId("delete-account-email").fill("wrong@example.com");
    await dialog.getByTestId("delete-account-password").fill(PASSWORD);
    expect(await dialog.getByTestId("delete-account-submit").isDisabled()).toBe(true);
    await dialog.getByTestId("delete-account-email").fill(email);
    await dialog.getByTestId("delete-account-password").fill("not my password");
    await dialog.getByTestId("delete-account-submit").click();
    await dialog.getByText("That password is not right.").waitFor();
    await dialog.getByTestId("delete-account-password").fill(PASSWORD);
    await dialog.getByTestId("delete-account-password").press("Enter");
    await waitForPath(page, "/login");

    expect(await explore()).not.toContain(image.id);
    const profile = await page.request.get("/api/v1/auth/profile");
    expect(profile.status()).toBe(401);
    await new LoginPage(page).login({ email, password: PASSWORD });
    await page.getByText("Wrong email or password.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it("looks right on phones and desktops, light and dark", async () => {
    for (const scheme of ["light", "dark"] as const) {
      for (const [label, viewport] of [
        ["phone", PHONE],
        ["desktop", DESKTOP],
      ] as const) {
        const context = await newContext(browser, viewport, scheme);
        const page = await context.newPage();
        const email = await registered(page, `look-${label}-${scheme}`);
        await openYourData(page);
        await page.getByTestId("settings-delete-account").scrollIntoViewIfNeeded();
        await screenshot(page, `your-data-${label}-${scheme}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(viewport.width);
        await page.getByTestId("delete-account-open").click();
        const dialog = page.getByTestId("delete-account-dialog");
        await dialog.waitFor();
        await dialog.getByTestId("delete-account-email").fill(email);
        await page.screenshot({
          path: `test-results/screenshots/delete-account-${label}-${scheme}.png`,
          animations: "disabled",
        });
        await context.close();
      }
    }
  });
});
