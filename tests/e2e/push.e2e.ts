import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { madeUpSubscription } from "../support/fake-push-endpoint";
import {
  BASE_URL,
  DESKTOP,
  PHONE,
  SCREENSHOT_DIR,
  launchBrowser,
  newContext,
} from "./support/browser";
import { makeImage, registerPerson, waitForServiceWorkerControl } from "./support/people";

/*
 * Web Push in a real Chromium against the production build (the service worker exists only
 * there). No push service is reachable from this machine, so a message is handed to the worker
 * through the DevTools protocol (ServiceWorker.deliverPushMessage), as a push service would
 * deliver it; the server's sending is covered by tests/integration/push-notifications.test.ts
 * against a local push service.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface ShownNotification {
  title: string;
  body: string;
  tag: string;
  icon: string;
  data: { url: string; imageIds: string[] };
}

/** The studio's service worker registration id, as DevTools knows it. */
async function registrationIdOf(cdp: CDPSession): Promise<string> {
  const found = new Promise<string>((resolve) => {
    cdp.on("ServiceWorker.workerRegistrationUpdated", (event) => {
      const registration = event.registrations.find(
        (entry) => entry.scopeURL === `${new URL(BASE_URL).origin}/` && !entry.isDeleted,
      );
      if (registration) resolve(registration.registrationId);
    });
  });
  await cdp.send("ServiceWorker.enable");
  return found;
}

async function deliverPush(context: BrowserContext, page: Page, data: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const registrationId = await registrationIdOf(cdp);
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin: new URL(BASE_URL).origin,
    registrationId,
    data,
  });
  await cdp.detach();
}

/**
 * Delivers a message until its notification (by tag) is showing, at most three times: seen once
 * on a cold server, DevTools took the first message of a run while the just-activated worker was
 * not yet able to receive it. A repeat has the same tag, so it replaces rather than adds.
 */
async function deliverUntilShown(
  context: BrowserContext,
  page: Page,
  data: string,
  tag: string,
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await deliverPush(context, page, data);
    const shown = await expect
      .poll(() => notificationsShown(page, tag), { timeout: 8_000 })
      .toHaveLength(1)
      .then(() => true)
      .catch(() => false);
    if (shown) return;
  }
  throw new Error(`no notification with tag ${tag} after three deliveries`);
}

function notificationsShown(page: Page, tag?: string): Promise<ShownNotification[]> {
  return page.evaluate(async (wanted) => {
    const registration = await navigator.serviceWorker.ready;
    const shown = await registration.getNotifications(wanted ? { tag: wanted } : undefined);
    return shown.map((notification) => ({
      title: notification.title,
      body: notification.body,
      tag: notification.tag,
      icon: notification.icon,
      data: notification.data as { url: string; imageIds: string[] },
    }));
  }, tag);
}

async function workerReady(viewport: typeof PHONE, label: string) {
  const context = await newContext(browser, viewport);
  await context.grantPermissions(["notifications"], { origin: new URL(BASE_URL).origin });
  const page = await registerPerson(context, { name: "Push person", label });
  await waitForServiceWorkerControl(page, { reloadIfNeeded: true });
  return { context, page };
}

async function screenshotSection(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Clear of the sticky banners at the top of the page (email verification).
  await page.getByTestId("settings-push").evaluate((element) => {
    window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 160);
  });
  await page.getByTestId("settings-push").screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

describe("Web Push in the service worker", () => {
  for (const [viewport, name] of [
    [PHONE, "phone"],
    [DESKTOP, "desktop"],
  ] as const) {
    it(`shows the notification a push message carries, opening the image (${name})`, async () => {
      const { context, page } = await workerReady(viewport, `push-${name}`);
      const image = await makeImage(page, { prompt: "a lighthouse nobody watched" });
      await deliverUntilShown(
        context,
        page,
        JSON.stringify({
          kind: "generation-finished",
          title: "Your image is ready",
          body: image.prompt,
          url: `/images/${image.id}`,
          tag: `generation-${image.id}`,
          imageIds: [image.id],
        }),
        `generation-${image.id}`,
      );
      const [shown] = await notificationsShown(page, `generation-${image.id}`);
      expect(shown).toMatchObject({
        title: "Your image is ready",
        body: "a lighthouse nobody watched",
        data: { url: `/images/${image.id}`, imageIds: [image.id] },
      });
      expect(shown!.icon).toMatch(/\/icons\/icon-192\.png$/);
      // The same generation again replaces its notification instead of adding one.
      await deliverPush(
        context,
        page,
        JSON.stringify({
          title: "Your image is ready",
          body: image.prompt,
          url: `/images/${image.id}`,
          tag: `generation-${image.id}`,
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await notificationsShown(page, `generation-${image.id}`)).toHaveLength(1);
      await context.close();
    });
  }

  it("still tells the person something is ready when a message cannot be read, and never links away", async () => {
    const { context, page } = await workerReady(PHONE, "push-garbled");
    await deliverUntilShown(context, page, "not json at all", "studio-generation");
    const [shown] = await notificationsShown(page, "studio-generation");
    expect(shown).toMatchObject({ title: "Your images are ready", data: { url: "/gallery" } });
    await deliverPush(
      context,
      page,
      JSON.stringify({ title: "x", url: "https://elsewhere.example/", tag: "away-link" }),
    );
    await expect
      .poll(() => notificationsShown(page, "away-link"), { timeout: 15_000 })
      .toHaveLength(1);
    expect((await notificationsShown(page, "away-link"))[0]!.data.url).toBe("/gallery");
    await context.close();
  });
});

describe("Settings → Notifications on this device", () => {
  for (const [viewport, name] of [
    [PHONE, "phone"],
    [DESKTOP, "desktop"],
  ] as const) {
    it(`lists the devices that get notifications and removes one by keyboard (${name})`, async () => {
      const { context, page } = await workerReady(viewport, `push-settings-${name}`);
      // A device added elsewhere (through the API, as another browser of this person would).
      const added = await page.request.post("/api/v1/notifications/push", {
        data: madeUpSubscription(),
        headers: {
          origin: BASE_URL,
          "user-agent":
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
        },
      });
      expect(added.status()).toBe(201);

      await page.goto("/settings#notifications");
      const section = page.getByTestId("settings-push");
      await section.getByTestId("push-devices").waitFor({ timeout: 20_000 });
      await expect(section.getByTestId("push-device").count()).resolves.toBe(1);
      await expect(section.getByTestId("push-device").textContent()).resolves.toContain(
        "Chrome on Android",
      );
      const toggle = section.getByTestId("push-switch");
      await expect(toggle.getAttribute("aria-checked")).resolves.toBe("false");
      await expect(toggle.isEnabled()).resolves.toBe(true);
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(sideways).toBeLessThanOrEqual(0);
      await screenshotSection(page, `settings-push-${name}`);

      // Turning it on here needs the browser's push service, which this machine cannot reach:
      // the section says so instead of pretending, and stores nothing.
      await toggle.focus();
      await page.keyboard.press("Space");
      await section.getByTestId("push-problem").waitFor({ timeout: 30_000 });
      await expect(toggle.getAttribute("aria-checked")).resolves.toBe("false");
      await expect(section.getByTestId("push-device").count()).resolves.toBe(1);
      if (name === "phone") await screenshotSection(page, "settings-push-error-phone");

      const remove = section.getByTestId("push-device-remove");
      await remove.focus();
      await page.keyboard.press("Enter");
      await section.getByTestId("push-devices-empty").waitFor({ timeout: 15_000 });
      const overview = (await (await page.request.get("/api/v1/notifications/push")).json()) as {
        data: { enabled: boolean; subscriptions: unknown[] };
      };
      expect(overview.data).toMatchObject({ enabled: true, subscriptions: [] });
      await context.close();
    });
  }
});
