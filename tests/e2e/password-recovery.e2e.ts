import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import {
  BASE_URL,
  DESKTOP,
  PHONE,
  launchBrowser,
  newContext,
  screenshot,
  uniqueEmail,
} from "./support/browser";
import { linkIn, waitForMail } from "./support/mail";
import { LoginPage, RegisterPage, waitForPath } from "./support/pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PASSWORD = "a long enough password";
const NEW_PASSWORD = "an entirely new password";

async function profileStatus(context: import("playwright-core").BrowserContext) {
  return (await context.request.get("/api/v1/auth/profile")).status();
}

describe("password recovery in the browser", () => {
  it("forgot password → mail through Resend → link → new password → log in with it; another browser's session is refused", async () => {
    const email = uniqueEmail("forgot");
    // The session that should end: signed up in a browser of its own.
    const old = await newContext(browser, DESKTOP);
    const oldPage = await old.newPage();
    await new RegisterPage(oldPage).open();
    await new RegisterPage(oldPage).register({ name: "Forgetful", email, password: PASSWORD });
    await waitForPath(oldPage, "/generate");
    expect(await profileStatus(old)).toBe(200);

    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await new LoginPage(page).open();
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await waitForPath(page, "/forgot-password");
    await screenshot(page, "forgot-password-phone");
    const form = page.getByTestId("forgot-password-form");
    await form.getByLabel("Email").fill(email);
    // Keyboard: Enter submits.
    await form.getByLabel("Email").press("Enter");
    await page.getByTestId("forgot-password-sent").waitFor();
    await expect
      .poll(() => page.getByTestId("forgot-password-sent").textContent())
      .toContain("If an account exists for");
    await screenshot(page, "forgot-password-sent-phone");

    const mail = await waitForMail(email, /reset your .* password/i);
    const link = linkIn(mail, `${BASE_URL}/reset-password?token=`);
    await page.goto(link);
    await page.getByTestId("reset-password-form").waitFor();
    await screenshot(page, "reset-password-phone");
    // A password outside the rules is refused in place.
    await page.getByLabel("New password").fill("short");
    await page.getByTestId("reset-password-submit").click();
    await expect.poll(() => page.getByText("Use at least 8 characters.").count()).toBe(1);
    await screenshot(page, "reset-password-error-phone");
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByTestId("reset-password-submit").click();
    await waitForPath(page, "/login");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Password changed");

    // The old browser's session is over.
    expect(await profileStatus(old)).toBe(401);
    await oldPage.goto("/settings");
    await waitForPath(oldPage, "/login");

    // The link worked once.
    await page.goto(link);
    await page.getByLabel("New password").fill("yet another password");
    await page.getByTestId("reset-password-submit").click();
    await page.getByTestId("form-error").waitFor();
    await expect
      .poll(() => page.getByTestId("form-error").textContent())
      .toContain("This link does not work any more.");

    await new LoginPage(page).open();
    await new LoginPage(page).login({ email, password: NEW_PASSWORD });
    await waitForPath(page, "/generate");
    await old.close();
    await context.close();
  });

  it("changes the password in Settings: this browser stays signed in, another is signed out", async () => {
    const email = uniqueEmail("change");
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await new RegisterPage(page).open();
    await new RegisterPage(page).register({ name: "Changer", email, password: PASSWORD });
    await waitForPath(page, "/generate");
    const other = await newContext(browser, DESKTOP);
    const otherPage = await other.newPage();
    await new LoginPage(otherPage).open();
    await new LoginPage(otherPage).login({ email, password: PASSWORD });
    await waitForPath(otherPage, "/generate");

    await page.goto("/settings#security");
    const section = page.getByTestId("settings-security");
    await section.waitFor();
    await section.getByLabel("Current password").fill("not the password");
    await section.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await section.getByTestId("change-password-submit").click();
    await expect
      .poll(() => section.getByText("The current password is not right.").count())
      .toBe(1);
    await section.screenshot({
      path: "test-results/screenshots/change-password-error-desktop.png",
    });
    await section.getByLabel("Current password").fill(PASSWORD);
    await section.getByTestId("change-password-submit").click();
    await expect.poll(() => page.getByText("Password changed").count()).toBeGreaterThan(0);
    await screenshot(page, "change-password-done-desktop");

    expect(await profileStatus(context)).toBe(200);
    expect(await profileStatus(other)).toBe(401);
    await other.close();
    await context.close();
  });

  it("sends a Supabase Auth link that does not work (here: any, with local accounts) from /auth/confirm to the reset page's warning, on a 360px phone and a desktop", async () => {
    for (const [label, viewport] of [
      ["360", { width: 360, height: 780 }],
      ["desktop", { width: 1280, height: 800 }],
    ] as const) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      // GoTrue's PKCE redirect, with a same-site next; and a token hash with a foreign next.
      await page.goto(
        "/auth/confirm?code=4e0c7d5e-0000-4000-8000-000000000000&next=/reset-password",
      );
      await waitForPath(page, "/reset-password");
      expect(new URL(page.url()).search).toBe("?error=link_invalid");
      await page.getByTestId("reset-link-incomplete").waitFor();
      await expect
        .poll(() => page.getByTestId("reset-link-incomplete").textContent())
        .toContain("This link does not work any more.");
      await screenshot(page, `reset-password-link-invalid-${label}`);
      await page.goto("/auth/confirm?type=recovery&token_hash=zz&next=//evil.example/");
      await waitForPath(page, "/reset-password");
      expect(new URL(page.url()).origin).toBe(BASE_URL);
      await context.close();
    }
  });

  it("shows the login link, the forgot page and an incomplete link's warning on a 320px phone in dark mode and on a desktop", async () => {
    for (const [label, viewport, scheme] of [
      ["320-dark", { width: 320, height: 700 }, "dark"],
      ["desktop-light", DESKTOP, "light"],
    ] as const) {
      const context = await newContext(browser, viewport, scheme);
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByRole("link", { name: "Forgot password?" }).waitFor();
      await screenshot(page, `login-forgot-link-${label}`);
      await page.goto("/forgot-password");
      await page.getByTestId("forgot-password-submit").click();
      await expect.poll(() => page.getByText("Enter a valid email address.").count()).toBe(1);
      await screenshot(page, `forgot-password-error-${label}`);
      await page.goto("/reset-password?token=cut-short");
      await page.getByTestId("reset-link-incomplete").waitFor();
      await screenshot(page, `reset-password-incomplete-${label}`);
      await context.close();
    }
  });
});
