import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  DESKTOP,
  PHONE,
  launchBrowser,
  newContext,
  screenshot,
  uniqueEmail,
  waitForHydration,
} from "./support/browser";
import { E2E_ADMIN, signInAdmin as signInAdminAt } from "./support/admin";
import { LoginPage, RegisterPage, waitForPath } from "./support/pages";

const PASSWORD = E2E_ADMIN.password;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The admin, signed in on this suite's page. */
async function signInAdmin(context: BrowserContext): Promise<Page> {
  const page = await signInAdminAt(context, "/admin/users");
  await page.getByTestId("admin-users-search").waitFor();
  return page;
}

async function findUser(admin: Page, email: string) {
  const search = admin.getByTestId("admin-users-search");
  await waitForHydration(search);
  await search.fill(email);
  await search.press("Enter");
  const row = admin.getByTestId(
    (admin.viewportSize()?.width ?? 0) >= 768 ? "admin-user-row" : "admin-user-card",
  );
  await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
  await expect.poll(() => row.first().textContent()).toContain(email);
  return row.first();
}

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe("admin Users", () => {
  it("suspends a user, whose open session ends at login with the suspension message, then restores them", async () => {
    const adminContext = await newContext(browser, DESKTOP);
    const admin = await signInAdmin(adminContext);

    // The person, signed in on a phone, looking at their gallery.
    const email = uniqueEmail("suspended");
    const phone = await newContext(browser, PHONE);
    const person = await phone.newPage();
    await new RegisterPage(person).open();
    await new RegisterPage(person).register({ name: "Sam Suspended", email, password: PASSWORD });
    await waitForPath(person, "/generate");
    await person.goto("/gallery");
    await waitForPath(person, "/gallery");

    // The admin finds them and suspends them, after confirming, with the keyboard.
    const row = await findUser(admin, email);
    await row.getByTestId("admin-user-suspend").focus();
    await admin.keyboard.press("Enter");
    const dialog = admin.getByTestId("admin-suspend-dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Suspend ${email}?`);
    await screenshot(admin, "admin-users-suspend-confirm-desktop");
    await dialog.getByTestId("admin-suspend-confirm").click();
    await dialog.waitFor({ state: "detached" });
    await row.getByTestId("admin-user-suspended").waitFor();
    await screenshot(admin, "admin-users-desktop");

    // Their next page load ends at login, which says why.
    await person.reload();
    await person.waitForURL((url) => url.pathname === "/login", { timeout: 20_000 });
    expect(new URL(person.url()).searchParams.get("reason")).toBe("suspended");
    expect(await person.getByRole("heading", { level: 1 }).textContent()).toContain(
      "Account suspended",
    );
    await screenshot(person, "login-suspended-phone");
    // Signing in again is refused with the same message.
    await new LoginPage(person).login({ email, password: PASSWORD });
    await expect
      .poll(() => person.getByRole("alert").first().textContent(), { timeout: 20_000 })
      .toMatch(/suspended/i);

    // Restored: they sign in again.
    await row.getByTestId("admin-user-restore").click();
    await dialog.getByTestId("admin-suspend-confirm").click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => row.getByTestId("admin-user-suspended").count()).toBe(0);
    await new LoginPage(person).open();
    await new LoginPage(person).login({ email, password: PASSWORD });
    await waitForPath(person, "/generate");

    // Both changes are in the audit log, filtered by action.
    await admin.goto("/admin/audit");
    const action = admin.getByTestId("admin-audit-action");
    await waitForHydration(action);
    await action.fill("admin.user_update");
    await admin.getByTestId("admin-audit-apply").click();
    await expect
      .poll(() => admin.getByTestId("admin-audit-entry").first().textContent(), {
        timeout: 20_000,
      })
      .toContain("admin.user_update");
    expect(await admin.getByTestId("admin-audit-csv").getAttribute("href")).toBe(
      "/api/v1/admin/audit?format=csv&action=admin.user_update",
    );
    await screenshot(admin, "admin-audit-desktop");
    await adminContext.close();

    // The same pages on a phone: cards, no sideways scroll.
    const adminPhone = await newContext(browser, PHONE);
    const phoneAdmin = await signInAdmin(adminPhone);
    await findUser(phoneAdmin, email);
    expect(await sidewaysScroll(phoneAdmin)).toBeLessThanOrEqual(0);
    await screenshot(phoneAdmin, "admin-users-phone");
    await phoneAdmin.goto("/admin/audit");
    await phoneAdmin.getByTestId("admin-audit-entry").first().waitFor();
    expect(await sidewaysScroll(phoneAdmin)).toBeLessThanOrEqual(0);
    await screenshot(phoneAdmin, "admin-audit-phone");
    await adminPhone.close();

    // Someone who is not an admin gets the ordinary not-found page.
    const answer = await person.goto("/admin/users");
    expect(answer?.status()).toBe(404);
    await phone.close();
  });
});
