import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  BASE_URL,
  DESKTOP,
  launchBrowser,
  newContext,
  screenshot,
  uniqueEmail,
} from "./support/browser";
import { linkIn, waitForMail } from "./support/mail";
import { RegisterPage, waitForPath } from "./support/pages";
import { waitForServiceWorkerControl } from "./support/people";

/*
 * "Mail that people asked for": a prompt queued offline is sent when the connection returns,
 * and the production server mails "your image is ready" through the Resend SDK to the local
 * Resend-shaped server (a minute after, so that a run of queued prompts makes one mail). The
 * mail's unsubscribe link opens a page that asks first; confirming turns notifications off,
 * signed in or not.
 */

const PHONE_360 = { width: 360, height: 780 };
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const emailSwitch = (page: Page) => page.getByTestId("setting-emailNotifications");

describe("mail about images that finished while away", () => {
  it(
    "queues a prompt offline, mails when it is ready, and the mail's link turns notifications off",
    { timeout: 240_000 },
    async () => {
      const email = uniqueEmail("notify");
      const context = await newContext(browser, PHONE_360);
      const page = await context.newPage();
      await new RegisterPage(page).open();
      await new RegisterPage(page).register({
        name: "Away person",
        email,
        password: "a long enough password",
      });
      await waitForPath(page, "/generate");
      await page.getByTestId("prompt-input").waitFor();
      await waitForServiceWorkerControl(page, { reloadIfNeeded: true });
      await page.reload();
      await page.getByTestId("prompt-input").waitFor();

      // Settings says what the switch sends, and it is on.
      await page.goto("/settings#preferences");
      await expect.poll(() => emailSwitch(page).getAttribute("aria-checked")).toBe("true");
      await expect(
        page.locator("#setting-emailNotifications-description").textContent(),
      ).resolves.toContain("queued offline, or left generating in a closed tab");

      await page.goto("/generate");
      await page.getByTestId("prompt-input").waitFor();
      await context.setOffline(true);
      await page.getByTestId("prompt-input").fill("a lantern left on a windowsill, queued offline");
      await page.getByTestId("generate-submit").click();
      await expect
        .poll(() => page.getByTestId("queued-prompt").count(), { timeout: 15_000 })
        .toBe(1);
      await context.setOffline(false);
      await page.getByTestId("ready-image").first().waitFor({ timeout: 30_000 });

      // The first image waits a minute for others, then the server sends the mail itself.
      const mail = await waitForMail(email, /your image is ready/i, 150_000);
      expect(mail.text).toContain("a lantern left on a windowsill, queued offline");
      const link = linkIn(mail, `${BASE_URL}/unsubscribe?u=`);
      const oneClick = /^<(.+)>$/.exec(mail.headers?.["List-Unsubscribe"] ?? "")?.[1];
      expect(oneClick).toMatch(`${BASE_URL}/api/v1/notifications/unsubscribe?u=`);
      expect(mail.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

      // Opened on a phone: it asks, and asking changes nothing.
      await page.goto(link);
      await page.getByTestId("unsubscribe-submit").waitFor();
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
        "Email notifications",
      );
      await expect(page.getByText(`${email.slice(0, 2)}•••@example.com`).count()).resolves.toBe(1);
      await screenshot(page, "unsubscribe-ask-phone-360");
      // The narrowest phones too: nothing scrolls sideways.
      await page.setViewportSize({ width: 320, height: 700 });
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
        .toBeLessThanOrEqual(320);
      await screenshot(page, "unsubscribe-ask-phone-320");

      // Opened on a desktop where nobody is signed in: the button does it.
      const desktop = await newContext(browser, DESKTOP);
      const desktopPage = await desktop.newPage();
      await desktopPage.goto(link);
      await desktopPage.getByTestId("unsubscribe-submit").waitFor();
      await screenshot(desktopPage, "unsubscribe-ask-desktop");
      // Keyboard: the button is reachable and Enter presses it.
      await desktopPage.getByTestId("unsubscribe-submit").focus();
      await desktopPage.keyboard.press("Enter");
      await desktopPage.getByTestId("unsubscribe-done").waitFor();
      await screenshot(desktopPage, "unsubscribe-done-desktop");

      // Settings shows them off.
      await page.goto("/settings#preferences");
      await expect.poll(() => emailSwitch(page).getAttribute("aria-checked")).toBe("false");

      // A tampered link changes nothing and says so.
      await desktopPage.goto(link.replace(/s=[^&]+/, "s=not-the-signature"));
      await desktopPage.getByTestId("unsubscribe-invalid").waitFor();
      await screenshot(desktopPage, "unsubscribe-invalid-desktop");
      await page.goto(link.replace(/s=[^&]+/, "s=not-the-signature"));
      await page.getByTestId("unsubscribe-invalid").waitFor();
      await screenshot(page, "unsubscribe-invalid-phone-320");
      await desktop.close();
      await context.close();
    },
  );
});
