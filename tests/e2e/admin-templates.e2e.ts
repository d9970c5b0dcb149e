import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  BASE_URL,
  DESKTOP,
  PHONE,
  launchBrowser,
  newContext,
  screenshot,
  uniqueEmail,
  waitForHydration,
} from "./support/browser";
import { E2E_ADMIN, signInAdmin as signInAdminAt } from "./support/admin";
import { RegisterPage, waitForPath } from "./support/pages";

const PASSWORD = E2E_ADMIN.password;
const PAGE = "/admin/templates";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The admin, signed in on this suite's page. */
async function signInAdmin(context: BrowserContext): Promise<Page> {
  const page = await signInAdminAt(context, PAGE);
  await page.getByTestId("admin-template-row").first().waitFor({ timeout: 20_000 });
  return page;
}

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The person's /generate, loaded afresh: whether the picker offers the template, and its text. */
async function pickerOf(page: Page, templateId: string) {
  await page.goto("/generate");
  const picker = page.getByTestId("template-picker");
  await picker.locator('input[type="radio"]').first().waitFor({ timeout: 20_000 });
  const option = picker.locator(`input[value="${templateId}"]`);
  return { offered: (await option.count()) > 0, text: (await picker.textContent()) ?? "" };
}

describe("admin Templates", () => {
  it("creates a template with a preview, renames it, reorders and hides it by keyboard, and /generate follows", async () => {
    const name = `E2E style ${Date.now()}`;
    const renamed = `${name} renamed`;
    const adminContext = await newContext(browser, DESKTOP);
    const admin = await signInAdmin(adminContext);

    // A new template in Art, with an uploaded preview.
    const create = admin.getByTestId("admin-template-new");
    await waitForHydration(create);
    await create.click();
    const dialog = admin.getByTestId("admin-template-dialog");
    await dialog.waitFor();
    await dialog.getByTestId("admin-template-name").fill(name);
    await dialog.getByTestId("admin-template-category").selectOption("art");
    const png = await sharp({
      create: { width: 300, height: 200, channels: 3, background: "#c0582d" },
    })
      .png()
      .toBuffer();
    await dialog
      .getByTestId("admin-template-preview")
      .setInputFiles({ name: "preview.png", mimeType: "image/png", buffer: png });
    await dialog.getByTestId("admin-template-preview-shown").waitFor();
    await screenshot(admin, "admin-templates-create-desktop");
    await dialog.getByTestId("admin-template-save").click();
    await dialog.waitFor({ state: "detached" });
    const art = admin.getByTestId("admin-templates-art");
    const row = art.getByTestId("admin-template-row").filter({ hasText: name });
    await row.waitFor();
    const templateId = (await row.getAttribute("data-template-id"))!;
    expect(await row.locator("img").getAttribute("src")).toMatch(
      new RegExp(`^/api/v1/templates/${templateId}/preview\\?v=`),
    );

    // A person sees it on /generate.
    const phone = await newContext(browser, PHONE);
    const person = await phone.newPage();
    await new RegisterPage(person).open();
    await new RegisterPage(person).register({
      name: "Pat Picker",
      email: uniqueEmail("templates"),
      password: PASSWORD,
    });
    await waitForPath(person, "/generate");
    expect((await pickerOf(person, templateId)).offered).toBe(true);

    // Renamed: the person's picker says the new name.
    await row.getByTestId("admin-template-edit").click();
    await dialog.waitFor();
    await dialog.getByTestId("admin-template-name").fill(renamed);
    await dialog.getByTestId("admin-template-save").click();
    await dialog.waitFor({ state: "detached" });
    const renamedRow = art.getByTestId("admin-template-row").filter({ hasText: renamed });
    await renamedRow.waitFor();
    const afterRename = await pickerOf(person, templateId);
    expect(afterRename.offered).toBe(true);
    expect(afterRename.text).toContain(renamed);

    // Moved up one place with the keyboard (it was last in its category).
    const positionOf = () =>
      art
        .getByTestId("admin-template-row")
        .evaluateAll(
          (rows, id) => rows.findIndex((element) => element.dataset.templateId === id),
          templateId,
        );
    const before = await positionOf();
    expect(before).toBeGreaterThan(0);
    await renamedRow.getByTestId("admin-template-up").focus();
    await admin.keyboard.press("Enter");
    await expect.poll(positionOf, { timeout: 20_000 }).toBe(before - 1);

    // Hidden with the keyboard: gone from /generate.
    await renamedRow.getByTestId("admin-template-toggle").focus();
    await admin.keyboard.press("Space");
    await renamedRow.getByTestId("admin-template-hidden").waitFor({ timeout: 20_000 });
    await screenshot(admin, "admin-templates-desktop");
    const afterHide = await pickerOf(person, templateId);
    expect(afterHide.offered).toBe(false);
    expect(afterHide.text).not.toContain(renamed);
    // A "Use these settings" link made before the hide: the template is dropped and the picker
    // says why, so Generate is not refused for a template nobody can pick.
    await person.goto(`/generate?prompt=a+red+kite&styleTemplateId=${templateId}`);
    const picker = person.getByTestId("template-picker");
    await expect
      .poll(() => picker.textContent(), { timeout: 20_000 })
      .toContain("no longer offered");
    // "None" is the one chosen (its radio carries no template id).
    const chosen = await picker.locator('input[type="radio"]:checked').getAttribute("value");
    expect(chosen ?? "").toBe("");

    // The page on a phone: no sideways scroll.
    const adminPhone = await newContext(browser, PHONE);
    const phoneAdmin = await signInAdmin(adminPhone);
    await phoneAdmin
      .getByTestId("admin-template-row")
      .filter({ hasText: renamed })
      .waitFor({ timeout: 20_000 });
    expect(await sidewaysScroll(phoneAdmin)).toBeLessThanOrEqual(0);
    await screenshot(phoneAdmin, "admin-templates-phone");
    // The edit dialog on a phone.
    await phoneAdmin
      .getByTestId("admin-template-row")
      .filter({ hasText: renamed })
      .getByTestId("admin-template-edit")
      .click();
    await phoneAdmin.getByTestId("admin-template-dialog").waitFor();
    expect(await sidewaysScroll(phoneAdmin)).toBeLessThanOrEqual(0);
    await screenshot(phoneAdmin, "admin-templates-edit-phone");
    await phoneAdmin.keyboard.press("Escape");
    await phoneAdmin.getByTestId("admin-template-dialog").waitFor({ state: "detached" });
    await phoneAdmin.setViewportSize({ width: 320, height: 700 });
    expect(await sidewaysScroll(phoneAdmin)).toBeLessThanOrEqual(0);
    await adminPhone.close();

    // A failed load says so, and Try again loads the list. (Without the service worker, whose
    // own requests the browser's routing does not see.)
    const failing = await browser.newContext({
      baseURL: BASE_URL,
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      serviceWorkers: "block",
    });
    const failingAdmin = await signInAdmin(failing);
    let fail = true;
    await failingAdmin.route("**/api/v1/admin/templates", (route) =>
      fail
        ? route.fulfill({
            status: 500,
            contentType: "application/json",
            body: JSON.stringify({
              success: false,
              error: { code: "INTERNAL_ERROR", message: "The templates are unavailable." },
            }),
          })
        : route.continue(),
    );
    await failingAdmin.reload();
    const failed = failingAdmin.getByTestId("admin-templates-error");
    await failed.waitFor({ timeout: 20_000 });
    await screenshot(failingAdmin, "admin-templates-error-phone");
    fail = false;
    const retry = failed.getByRole("button", { name: "Try again" });
    await waitForHydration(retry);
    await retry.focus();
    await failingAdmin.keyboard.press("Enter");
    await failingAdmin.getByTestId("admin-template-row").first().waitFor({ timeout: 20_000 });
    await failing.close();

    // Deleted after a confirm dialog.
    await renamedRow.getByTestId("admin-template-delete").click();
    const confirm = admin.getByTestId("admin-template-delete-dialog");
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(renamed);
    await confirm.getByTestId("admin-template-delete-confirm").click();
    await confirm.waitFor({ state: "detached" });
    await expect.poll(() => renamedRow.count(), { timeout: 20_000 }).toBe(0);
    await adminContext.close();

    // Someone who is not an admin gets the ordinary not-found page.
    const answer = await person.goto(PAGE);
    expect(answer?.status()).toBe(404);
    await phone.close();
  });
});
