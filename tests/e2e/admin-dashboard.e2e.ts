import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  DESKTOP,
  PHONE,
  launchBrowser,
  newContext,
  screenshot,
  waitForHydration,
} from "./support/browser";
import { signInAdmin as signInAdminAt } from "./support/admin";
import { makeImage } from "./support/people";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The admin, signed in on this suite's page. */
async function signInAdmin(context: BrowserContext): Promise<Page> {
  const page = await signInAdminAt(context, "/admin");
  return page;
}

const today = () => new Date().toISOString().slice(0, 10);
/** How the table shows today (a UTC day) to an English reader; the CSV keeps ISO dates. */
const todayInTable = () =>
  new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(new Date());

/** The generations table's row for `date`: [date, generations, failures, quota hits]. */
async function generationsRow(page: Page, date: string): Promise<string[]> {
  const row = page
    .getByTestId("admin-chart-generations-details")
    .locator("tbody tr")
    .filter({ has: page.locator("th", { hasText: date }) });
  return (await row.locator("th, td").allTextContents()).map((text) => text.trim());
}

describe("admin dashboard", () => {
  it("an admin generates an image and sees the day's count in the chart's table and CSV", async () => {
    const context = await newContext(browser, DESKTOP);
    const admin = await signInAdmin(context);
    const before = await admin.request.get("/api/v1/admin/stats?days=7");
    expect(before.status()).toBe(200);
    const beforeCount = (
      (await before.json()) as { data: { days: { date: string; generations: number }[] } }
    ).data.days.at(-1)!.generations;

    await makeImage(admin, { prompt: "a lighthouse counted on the dashboard" });
    await admin.goto("/admin");
    const dashboard = admin.getByTestId("admin-dashboard");
    await dashboard.waitFor({ timeout: 20_000 });
    // The chart library arrives on demand and draws the chart.
    await admin
      .getByTestId("admin-chart-generations")
      .locator(".recharts-surface")
      .first()
      .waitFor({ timeout: 20_000 });

    // The numbers behind the chart, opened by keyboard.
    const summary = admin.getByTestId("admin-chart-generations-details").locator("summary");
    await summary.focus();
    await admin.keyboard.press("Enter");
    await expect
      .poll(() => admin.getByTestId("admin-chart-generations-details").getAttribute("open"))
      .not.toBeNull();
    const row = await generationsRow(admin, todayInTable());
    expect(row[0]).toBe(todayInTable());
    expect(Number(row[1])).toBeGreaterThanOrEqual(beforeCount + 1);

    // Download CSV: the same rows.
    const csvButton = admin.getByTestId("admin-chart-generations-csv");
    await waitForHydration(csvButton);
    const [download] = await Promise.all([admin.waitForEvent("download"), csvButton.click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe("Date,Generations,Failures,Quota hits");
    expect(csv).toContain(`${today()},${row[1]},`);

    // Storage against the limits, and the range switch.
    await expect
      .poll(() => admin.getByTestId("admin-storage-files").getAttribute("data-level"))
      .toBe("ok");
    const range = admin.getByTestId("admin-stats-range");
    await waitForHydration(range);
    await range.selectOption("7");
    await expect
      .poll(
        () => admin.getByTestId("admin-chart-generations-details").locator("tbody tr").count(),
        { timeout: 20_000 },
      )
      .toBe(7);
    await screenshot(admin, "admin-dashboard-desktop");
    await context.close();
  });

  it("shows the empty studio, the storage warnings and a failed load with Try again", async () => {
    const context = await newContext(browser, PHONE);
    const admin = await signInAdmin(context);
    const date = today();
    const empty = {
      days: [
        {
          date,
          generations: 0,
          failures: 0,
          activeUsers: 0,
          signups: 0,
          weeklyActiveUsers: 0,
          quotaHits: 0,
          publicShares: 0,
          failuresByCode: {},
          mailSent: 0,
          mailFailed: 0,
          p50Ms: null,
          p95Ms: null,
        },
      ],
      storage: {
        filesBytes: 0.85 * 1024 ** 3,
        databaseBytes: 0.95 * 500 * 1024 ** 2,
        filesLimitBytes: 1024 ** 3,
        databaseLimitBytes: 500 * 1024 ** 2,
        databaseKind: "postgres",
      },
      latency: { p50Ms: null, p95Ms: null, samples: 0, over15sShare: null },
      totals: {
        generations: 0,
        failures: 0,
        signups: 0,
        quotaHits: 0,
        publicShares: 0,
        downloads: 0,
      },
      failuresByCode: {},
      over15sShare: null,
      weeklyActiveUsers: 0,
      topTemplates: [],
      quotaHits: 0,
      mail: { sent: 0, failed: 0 },
    };
    let fail = true;
    await admin.route("**/api/v1/admin/stats**", (route) =>
      fail
        ? route.fulfill({
            status: 500,
            contentType: "application/json",
            body: JSON.stringify({
              success: false,
              error: { code: "INTERNAL_ERROR", message: "The stats are unavailable." },
            }),
          })
        : route.fulfill({
            status: 200,
            contentType: "application/json",
            body: JSON.stringify({ success: true, data: empty }),
          }),
    );
    await admin.goto("/admin");
    await admin.getByTestId("admin-stats-error").waitFor({ timeout: 20_000 });
    fail = false;
    const retry = admin.getByTestId("admin-stats-retry");
    await waitForHydration(retry);
    await retry.focus();
    await admin.keyboard.press("Enter");
    await admin.getByTestId("admin-dashboard").waitFor({ timeout: 20_000 });
    await expect.poll(() => admin.getByText("No usage yet").isVisible()).toBe(true);
    expect(await admin.getByTestId("admin-storage-files").getAttribute("data-level")).toBe(
      "warning",
    );
    expect(await admin.getByTestId("admin-storage-database").getAttribute("data-level")).toBe(
      "danger",
    );
    expect(await admin.getByTestId("admin-storage-warning").count()).toBe(2);
    await screenshot(admin, "admin-dashboard-empty-phone");
    await context.close();
  });

  it("reads on a phone without sideways scroll, charts and tables included", async () => {
    const context = await newContext(browser, PHONE);
    const admin = await signInAdmin(context);
    await admin.getByTestId("admin-dashboard").waitFor({ timeout: 20_000 });
    await admin
      .getByTestId("admin-chart-generations")
      .locator(".recharts-surface")
      .first()
      .waitFor({ timeout: 20_000 });
    await admin.getByTestId("admin-chart-generations-details").locator("summary").click();
    const overflow = await admin.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect((await generationsRow(admin, todayInTable()))[0]).toBe(todayInTable());
    await screenshot(admin, "admin-dashboard-phone");
    // The narrowest phones too.
    await admin.setViewportSize({ width: 320, height: 700 });
    await expect
      .poll(() =>
        admin.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      )
      .toBeLessThanOrEqual(0);
    await context.close();
  });
});
