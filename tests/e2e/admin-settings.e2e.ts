import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  BASE_URL,
  DESKTOP,
  PHONE,
  launchBrowser,
  newContext,
  screenshot,
  waitForHydration,
} from "./support/browser";
import { LoginPage, RegisterPage, waitForPath } from "./support/pages";
import { registerPerson } from "./support/people";

// scripts/run-e2e.ts lists this address in ADMIN_EMAILS: it is an admin from its sign-up.
const ADMIN_EMAIL = "e2e-settings-admin@example.com";
const PASSWORD = "a long enough password";

let browser: Browser;
let admin: Page;
let environmentDailyLimit: number;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await (await newContext(browser, DESKTOP)).newPage();
  await new RegisterPage(admin).open();
  await new RegisterPage(admin).register({
    name: "Ada Admin",
    email: ADMIN_EMAIL,
    password: PASSWORD,
  });
  await waitForPath(admin, "/generate");
});

afterAll(async () => {
  // The other suites share this server: its settings go back to the environment's.
  if (admin && environmentDailyLimit !== undefined) {
    await admin.request.patch("/api/v1/admin/settings", {
      data: { defaultDailyLimit: environmentDailyLimit, maintenanceMessage: null },
      headers: { origin: BASE_URL },
    });
  }
  await browser?.close();
});

async function openSettingsForm(page: Page) {
  await page.goto("/admin/settings");
  const form = page.getByTestId("admin-settings-form");
  await form.waitFor();
  await waitForHydration(page.getByTestId("admin-settings-save"));
  return form;
}

describe("admin settings", () => {
  it("an admin changes the default daily limit in /admin/settings and a member sees the new quota", async () => {
    // The admin reaches the section from the app's navigation.
    await admin.goto("/generate");
    await admin.getByTestId("sidebar-admin").click();
    await waitForPath(admin, "/admin");
    await expect.poll(() => admin.getByTestId("admin-overview").isVisible()).toBe(true);
    await admin.getByTestId("admin-nav-settings").click();
    await waitForPath(admin, "/admin/settings");

    const form = await openSettingsForm(admin);
    const daily = form.getByTestId("setting-daily-limit");
    environmentDailyLimit = Number(await daily.inputValue());
    const newLimit = environmentDailyLimit + 3;
    // By keyboard: focus the field, type, and submit with Enter.
    await daily.focus();
    await daily.selectText();
    await admin.keyboard.type(String(newLimit));
    await admin.keyboard.press("Enter");
    await expect
      .poll(() => admin.getByTestId("admin-settings-saved").textContent())
      .toContain("Saved 1 change");

    // A new member's quota follows the default at once.
    const memberContext = await newContext(browser, DESKTOP);
    const member = await registerPerson(memberContext, { name: "Max Member", label: "quota" });
    await expect
      .poll(() => member.getByTestId("quota-remaining").getAttribute("data-remaining"))
      .toBe(String(newLimit));
    const profile = (await (await member.request.get("/api/v1/auth/profile")).json()) as {
      data: { quota: { dailyLimit: number } };
    };
    expect(profile.data.quota.dailyLimit).toBe(newLimit);

    // A mistake is shown beside its field and nothing is saved.
    await daily.fill("lots");
    await form.getByTestId("admin-settings-save").click();
    await expect.poll(() => admin.getByTestId("admin-settings-error").isVisible()).toBe(true);
    expect(await daily.getAttribute("aria-invalid")).toBe("true");
    await form.getByRole("button", { name: "Undo changes" }).click();
    expect(await daily.inputValue()).toBe(String(newLimit));

    // The maintenance banner reaches public pages too.
    await form.getByTestId("setting-maintenance-message").fill("Maintenance tonight at 22:00 UTC.");
    await form.getByTestId("admin-settings-save").click();
    await expect
      .poll(() => admin.getByTestId("admin-settings-saved").textContent())
      .toContain("Saved 1 change");
    const visitor = await (await newContext(browser, PHONE)).newPage();
    await visitor.goto("/explore");
    expect(await visitor.getByTestId("maintenance-banner").textContent()).toContain(
      "Maintenance tonight",
    );
    await form.getByTestId("setting-maintenance-message").fill("");
    await form.getByTestId("admin-settings-save").click();
    await expect
      .poll(() => admin.getByTestId("admin-settings-saved").textContent())
      .toContain("Saved 1 change");
    await visitor.reload();
    expect(await visitor.getByTestId("maintenance-banner").count()).toBe(0);
    await visitor.context().close();

    // Someone who is not an admin gets the ordinary not-found page, not a refusal.
    for (const path of ["/admin", "/admin/settings"]) {
      const response = await member.goto(path);
      expect(response?.status(), path).toBe(404);
      await member.getByTestId("not-found").waitFor();
    }
    expect(await member.getByTestId("sidebar-admin").count()).toBe(0);
    await memberContext.close();
  });

  it("the settings page works on a phone (menu link, no sideways scroll) and on a desktop", async () => {
    await screenshotSettings(admin, "admin-settings-desktop");

    const phoneContext = await newContext(browser, PHONE);
    const phone = await phoneContext.newPage();
    await new LoginPage(phone).open();
    await new LoginPage(phone).login({ email: ADMIN_EMAIL, password: PASSWORD });
    await waitForPath(phone, "/generate");
    await phone.getByTestId("user-menu-trigger").click();
    await phone.getByTestId("menu-admin").click();
    await waitForPath(phone, "/admin");
    await screenshotSettings(phone, "admin-settings-phone");
    for (const width of [390, 320]) {
      await phone.setViewportSize({ width, height: 800 });
      const overflow = await phone.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
    }
    await phoneContext.close();
  });
});

async function screenshotSettings(page: Page, name: string) {
  await openSettingsForm(page);
  await screenshot(page, name);
}
