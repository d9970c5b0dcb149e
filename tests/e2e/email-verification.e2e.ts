import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import {
  BASE_URL,
  DESKTOP,
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
const PHONE_360 = { width: 360, height: 780 };
const DESKTOP_1280 = { width: 1280, height: 800 };

async function profileEmail(context: BrowserContext) {
  const response = await context.request.get("/api/v1/auth/profile");
  const body = (await response.json()) as {
    data: { user: { email: string; emailVerified: boolean } };
  };
  return body.data.user;
}

describe("email verification and change in the browser", () => {
  it("register → banner → the mailed link confirms the address → the banner is gone", async () => {
    const email = uniqueEmail("verify");
    const context = await newContext(browser, PHONE_360);
    const page = await context.newPage();
    await new RegisterPage(page).open();
    await new RegisterPage(page).register({ name: "Vera", email, password: PASSWORD });
    await waitForPath(page, "/generate");
    const banner = page.getByTestId("verify-email-banner");
    await banner.waitFor();
    await expect.poll(() => banner.textContent()).toContain(email);
    await screenshot(page, "verify-email-banner-phone");

    // "Resend link" sends a second mail; the first link stops working.
    const first = await waitForMail(email, /confirm your email/i);
    const firstLink = linkIn(first, `${BASE_URL}/verify-email?token=`);
    await banner.getByTestId("verify-email-resend").click();
    await expect.poll(() => banner.textContent()).toContain("We sent a new link");
    let second = first;
    await expect
      .poll(async () => {
        second = await waitForMail(email, /confirm your email/i);
        return linkIn(second, `${BASE_URL}/verify-email?token=`) !== firstLink;
      })
      .toBe(true);
    const link = linkIn(second, `${BASE_URL}/verify-email?token=`);

    // Opening the link alone changes nothing (a scanner may open it): the button does.
    const linkPage = await context.newPage();
    await linkPage.goto(link);
    await linkPage.getByTestId("email-link-confirm").waitFor();
    expect((await profileEmail(context)).emailVerified).toBe(false);
    await screenshot(linkPage, "verify-email-page-phone");
    await linkPage.getByTestId("email-link-confirm").click();
    await linkPage.getByTestId("email-link-done").waitFor();
    expect((await profileEmail(context)).emailVerified).toBe(true);

    // The used link, and the older one, do not work again.
    await linkPage.goto(firstLink);
    await linkPage.getByTestId("email-link-confirm").click();
    await linkPage.getByTestId("email-link-error").waitFor();
    await expect
      .poll(() => linkPage.getByTestId("email-link-error").textContent())
      .toContain("This link does not work any more.");
    await screenshot(linkPage, "verify-email-spent-phone");

    await page.goto("/generate");
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByTestId("verify-email-banner").count()).toBe(0);
    await context.close();
  });

  it("shows the banner on a desktop", async () => {
    const context = await newContext(browser, DESKTOP_1280);
    const page = await context.newPage();
    await new RegisterPage(page).open();
    await new RegisterPage(page).register({
      name: "Desk",
      email: uniqueEmail("verify-desk"),
      password: PASSWORD,
    });
    await waitForPath(page, "/generate");
    await page.getByTestId("verify-email-banner").waitFor();
    await screenshot(page, "verify-email-banner-desktop");
    await context.close();
  });

  it("change email in Settings → link at the new address → sign in with it; notices at the old one", async () => {
    const email = uniqueEmail("old");
    const target = uniqueEmail("new");
    const context = await newContext(browser, DESKTOP_1280);
    const page = await context.newPage();
    await new RegisterPage(page).open();
    await new RegisterPage(page).register({ name: "Mover", email, password: PASSWORD });
    await waitForPath(page, "/generate");

    await page.goto("/settings#email");
    const section = page.getByTestId("settings-email");
    await section.waitFor();
    await section.getByTestId("change-email-form").waitFor();
    await expect
      .poll(() => section.getByTestId("email-status").textContent())
      .toBe("Not confirmed");
    await section.screenshot({ path: "test-results/screenshots/change-email-form-desktop.png" });
    await section.getByLabel("New email").fill(target);
    await section.getByLabel("Current password").fill("not the password");
    await section.getByTestId("change-email-submit").click();
    await expect.poll(() => section.getByText("The password is not right.").count()).toBe(1);
    await section.getByLabel("Current password").fill(PASSWORD);
    // Keyboard: Enter submits.
    await section.getByLabel("Current password").press("Enter");
    await section.getByTestId("change-email-sent").waitFor();
    await expect
      .poll(() => section.getByTestId("change-email-sent").textContent())
      .toContain(target);
    await section.screenshot({ path: "test-results/screenshots/change-email-sent-desktop.png" });

    await waitForMail(email, /email is changing/i);
    const mail = await waitForMail(target, /confirm your new email/i);
    const link = linkIn(mail, `${BASE_URL}/confirm-email?token=`);
    // Until the link is used, the account keeps its address.
    expect((await profileEmail(context)).email).toBe(email);

    // The new address's mail is opened on another device, not signed in.
    const elsewhere = await newContext(browser, PHONE_360);
    const linkPage = await elsewhere.newPage();
    await linkPage.goto(link);
    await linkPage.getByTestId("email-link-confirm").click();
    await linkPage.getByTestId("email-link-done").waitFor();
    await expect
      .poll(() => linkPage.getByTestId("email-link-done").textContent())
      .toContain(target);
    await screenshot(linkPage, "confirm-email-done-phone");
    await waitForMail(email, /email was changed/i);

    // This browser stays signed in, now as the new address, confirmed.
    expect(await profileEmail(context)).toMatchObject({ email: target, emailVerified: true });
    await page.goto("/generate");
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByTestId("verify-email-banner").count()).toBe(0);

    // Sign in with the new address; the old one no longer signs in.
    await new LoginPage(linkPage).open();
    await new LoginPage(linkPage).login({ email: target, password: PASSWORD });
    await waitForPath(linkPage, "/generate");
    const stranger = await newContext(browser, DESKTOP);
    const strangerPage = await stranger.newPage();
    await new LoginPage(strangerPage).open();
    await new LoginPage(strangerPage).login({ email, password: PASSWORD });
    await strangerPage.getByTestId("form-error").waitFor();
    await stranger.close();
    await elsewhere.close();
    await context.close();
  });

  it("shows the Email section on a 360px phone", async () => {
    const context = await newContext(browser, PHONE_360);
    const page = await context.newPage();
    await new RegisterPage(page).open();
    await new RegisterPage(page).register({
      name: "Phone",
      email: uniqueEmail("settings-phone"),
      password: PASSWORD,
    });
    await waitForPath(page, "/generate");
    await page.goto("/settings#email");
    const section = page.getByTestId("settings-email");
    await section.getByTestId("change-email-form").waitFor();
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: "test-results/screenshots/change-email-form-phone.png" });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await context.close();
  });
});
