import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import type { Image } from "@/shared/api-types";
import { BASE_URL, DESKTOP, launchBrowser, newContext, SCREENSHOT_DIR } from "./support/browser";
import { linkIn, waitForMail } from "./support/mail";
import { makeImage, registerPerson } from "./support/people";

/**
 * "Export everything" prepared in the background: the e2e server streams only galleries of up
 * to three images (ACCOUNT_EXPORT_STREAM_MAX_IMAGES in scripts/run-e2e.ts), so four demo images
 * take the background path: start → progress → ready → download → the mail with the link.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SMALL_PHONE = { width: 360, height: 780 };
const WIDE = { width: 1280, height: 800 };

async function emailOf(page: Page): Promise<string> {
  const profile = (await (await page.request.get("/api/v1/auth/profile")).json()) as {
    data: { user: { email: string } };
  };
  return profile.data.user.email;
}

/** The section alone, from a full-page capture taken at the top (so the sticky header stays there). */
async function sectionShot(page: Page, section: Locator, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await section.boundingBox();
  if (!box) throw new Error("the section is not on screen");
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, clip: box });
}

async function galleryOfFour(page: Page) {
  for (const prompt of ["a harbour at dawn", "a red kite", "a quiet library", "rain on glass"])
    await makeImage(page, { prompt });
}

describe("Export everything in the background", () => {
  for (const [label, viewport] of [
    ["phone", SMALL_PHONE],
    ["desktop", WIDE],
  ] as const) {
    it(`on a ${label}: starts from the keyboard, shows progress, then the download and the mail`, async () => {
      const context = await newContext(browser, viewport);
      const page = await registerPerson(context, { name: "Big Gallery", label: `export-${label}` });
      const email = await emailOf(page);
      await galleryOfFour(page);

      await page.goto("/settings#your-data");
      const section = page.getByTestId("settings-your-data");
      await section.getByTestId("export-start").waitFor();
      await expect
        .poll(() => section.getByTestId("export-estimate").textContent())
        .toContain("4 images");
      expect(await section.getByTestId("export-all").count()).toBe(0);
      // What the gallery takes in the studio (every stored size), from the same query.
      expect(await section.getByTestId("your-storage").textContent()).toMatch(
        /Stored in the studio: 4 images using \d+(\.\d+)? (kB|MB)/,
      );

      await section.getByTestId("export-start").focus();
      await page.keyboard.press("Enter");
      const progress = section.getByTestId("export-progress");
      await progress.waitFor();
      expect(await progress.getByRole("progressbar").getAttribute("aria-valuetext")).toMatch(
        /of 4 images$/,
      );
      await sectionShot(page, section, `export-jobs-${label}-during`);

      const ready = section.getByTestId("export-ready");
      await ready.waitFor({ timeout: 30_000 });
      expect(await section.getByTestId("export-progress").count()).toBe(0);
      await sectionShot(page, section, `export-jobs-${label}-ready`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        section.getByTestId("export-download").click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^ai-image-studio-export-.+\.zip$/);
      const entries = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
      const manifest = JSON.parse(new TextDecoder().decode(entries["manifest.json"])) as {
        images: (Image & { file: string; template: unknown })[];
      };
      const listed = (await (await page.request.get("/api/v1/images?limit=100")).json()) as {
        data: Image[];
      };
      expect(manifest.images).toHaveLength(4);
      for (const { file, template: _template, ...image } of manifest.images) {
        expect(image).toEqual(listed.data.find((item) => item.id === image.id));
        expect(entries[file]?.byteLength).toBeGreaterThan(0);
      }

      const mail = await waitForMail(email, /export is ready/);
      const link = linkIn(mail, `${BASE_URL}/settings`);
      expect(link).toBe(`${BASE_URL}/settings#your-data`);
      await page.goto(link);
      await page.getByTestId("export-download").waitFor();
      await context.close();
    });
  }

  it("another person gets 404 for someone's export and its file", async () => {
    const owner = await registerPerson(await newContext(browser, DESKTOP), {
      name: "Owner",
      label: "export-owner",
    });
    await galleryOfFour(owner);
    const started = await owner.request.post("/api/v1/account/exports", {
      headers: { origin: BASE_URL },
    });
    expect(started.status()).toBe(202);
    const id = ((await started.json()) as { data: { export: { id: string } } }).data.export.id;

    const stranger = await registerPerson(await newContext(browser, DESKTOP), {
      name: "Stranger",
      label: "export-stranger",
    });
    expect((await stranger.request.get(`/api/v1/account/exports/${id}`)).status()).toBe(404);
    expect((await stranger.request.get(`/api/v1/account/exports/${id}/download`)).status()).toBe(
      404,
    );
    await expect
      .poll(
        async () =>
          (
            (await (await owner.request.get(`/api/v1/account/exports/${id}`)).json()) as {
              data: { export: { status: string } };
            }
          ).data.export.status,
        { timeout: 30_000, interval: 500 },
      )
      .toBe("ready");
    expect((await stranger.request.get(`/api/v1/account/exports/${id}/download`)).status()).toBe(
      404,
    );
  });
});
