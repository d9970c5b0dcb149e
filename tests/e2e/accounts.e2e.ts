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
import { AppShell, LoginPage, RegisterPage, waitForPath } from "./support/pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PASSWORD = "a long enough password";

describe("accounts in the browser", () => {
  it("redirects a signed-out visitor from an app page to login, and back there after logging in", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    const email = uniqueEmail("redirect");
    // Make the account in another context so this one stays signed out.
    const other = await newContext(browser, DESKTOP);
    const setup = await other.newPage();
    await new RegisterPage(setup).open();
    await new RegisterPage(setup).register({ name: "Redirect Test", email, password: PASSWORD });
    await waitForPath(setup, "/generate");
    await other.close();

    await page.goto("/settings");
    await waitForPath(page, "/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/settings");
    await new LoginPage(page).login({ email, password: PASSWORD });
    await waitForPath(page, "/settings");
    await context.close();
  });

  it("registers, updates a setting that survives a reload, logs out and is signed out", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    const email = uniqueEmail("settings");
    await new RegisterPage(page).open();
    await new RegisterPage(page).register({ name: "Settings Test", email, password: PASSWORD });
    await waitForPath(page, "/generate");

    await page.goto("/settings");
    const preferences = page.getByTestId("settings-preferences");
    await preferences.waitFor();
    const ratio = preferences.locator('select[name="defaultAspectRatio"]');
    await ratio.waitFor();
    await expect.poll(() => ratio.isEnabled()).toBe(true);
    await ratio.selectOption("16:9");
    await expect
      .poll(async () => {
        const response = await page.request.get("/api/v1/settings");
        const body = (await response.json()) as { data: { defaultAspectRatio: string } };
        return body.data.defaultAspectRatio;
      })
      .toBe("16:9");
    await page.reload();
    await expect
      .poll(() =>
        page
          .getByTestId("settings-preferences")
          .locator('select[name="defaultAspectRatio"]')
          .inputValue(),
      )
      .toBe("16:9");

    await new AppShell(page).logOut();
    await page.goto("/gallery");
    await waitForPath(page, "/login");
    const profile = await page.request.get("/api/v1/auth/profile");
    expect(profile.status()).toBe(401);
    await context.close();
  });

  it("shows field errors from the shared schema before sending anything", async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await new RegisterPage(page).open();
    await new RegisterPage(page).register({ name: "", email: "not-an-email", password: "short" });
    await expect
      .poll(() => page.getByText("Enter a valid email address.").count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByText("Use at least 8 characters.").count())
      .toBeGreaterThan(0);
    await screenshot(page, "register-errors-phone");
    await context.close();
  });

  it("says wrong email or password on a failed login", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await new LoginPage(page).open();
    await new LoginPage(page).login({
      email: uniqueEmail("nobody"),
      password: "whatever password",
    });
    await expect.poll(() => page.getByText("Wrong email or password.").count()).toBeGreaterThan(0);
    await context.close();
  });
});
