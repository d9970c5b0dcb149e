/**
 * Screenshots of /generate and the Gemini key section of /settings, at phone (390×844) and
 * desktop (1440×900) sizes, light and dark — and a walk through the flows behind them.
 *
 *   npx tsx scripts/screenshots-generate.ts http://localhost:3200 [outDir]
 *
 * Registers a throwaway account per device and theme, generates with whatever provider the
 * server has (the demo provider in embedded mode), edits, toggles visibility, and exhausts the
 * quota for real when the server's DAILY_GENERATION_LIMIT is 3 (otherwise the quota error is
 * answered by a stand-in). Errors that need Google (no image quota) are stand-ins too.
 * Output: docs/screenshots/generate-<state>-<phone|desktop>-<light|dark>.png and
 * settings-gemini-key-<state>-….png
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import sharp from "sharp";
import {
  DEVICES,
  HIDE_DEV_OVERLAY,
  launchBrowser,
  THEMES,
  type DeviceName,
  type ThemeName,
} from "./support/screenshot-setup";

const baseUrl = (process.argv[2] ?? "").replace(/\/$/, "");
if (!/^https?:\/\//.test(baseUrl)) {
  console.error("Usage: npx tsx scripts/screenshots-generate.ts <base-url> [out-dir]");
  process.exit(2);
}
const outDir = path.resolve(process.argv[3] ?? "docs/screenshots");
// Optional filters while iterating: SHOTS_ONLY=generate-result,settings- SHOTS_DEVICE=phone
const only = process.env.SHOTS_ONLY?.split(",") ?? null;
const onlyDevice = process.env.SHOTS_DEVICE ?? null;

const SLOW = 120_000;

/**
 * Lets a screenshot catch the progress UI: while `__generationHold.active`, a generation's event
 * stream is passed through only up to its "generating" stage; the rest waits for release().
 */
const HOLD_GENERATION_SCRIPT = `(() => {
  const realFetch = window.fetch.bind(window);
  let release = () => undefined;
  window.__generationHold = { active: false, release: () => release() };
  window.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const type = response.headers.get("content-type") || "";
    if (!window.__generationHold.active || !type.includes("text/event-stream") || !response.body) return response;
    const gate = new Promise((resolve) => { release = resolve; });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const encoder = new TextEncoder();
    let holding = false;
    let held = "";
    const body = new ReadableStream({
      // A pull that enqueues nothing is not called again: read on until something passes.
      async pull(controller) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            if (held) { await gate; controller.enqueue(encoder.encode(held)); }
            controller.close();
            return;
          }
          const blank = String.fromCharCode(10, 10);
          const parts = decoder.decode(value, { stream: true }).split(blank);
          let passed = false;
          for (const [index, part] of parts.entries()) {
            const event = index < parts.length - 1 ? part + blank : part;
            if (!event) continue;
            if (!holding && (event.includes('"stage":"processing"') || event.startsWith("event: done"))) holding = true;
            if (holding) held += event;
            else { controller.enqueue(encoder.encode(event)); passed = true; }
          }
          if (passed) return;
        }
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
})();`;

function sse(events: [string, unknown][]): string {
  return events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`).join("");
}

const STAND_IN_QUOTA = {
  dailyLimit: 3,
  usedToday: 3,
  remainingToday: 0,
  monthlyLimit: 1000,
  usedThisMonth: 3,
  resetsAt: nextUtcMidnight(),
};

function nextUtcMidnight(): string {
  const now = new Date();
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1),
  ).toISOString();
}

/** Answers the next generate request with these events instead of the server. */
async function standIn(page: Page, events: [string, unknown][]) {
  await page.route("**/api/v1/images/generate", (route) =>
    route.fulfill({
      status: 200,
      headers: { "content-type": "text/event-stream" },
      body: sse(events),
    }),
  );
}

async function registerAccount(browser: Browser, label: string) {
  const context = await browser.newContext();
  const email = `generate-${label}-${Date.now()}@example.com`;
  const response = await context.request.post(`${baseUrl}/api/v1/auth/register`, {
    data: { email, password: "correct horse battery", name: "Ada Lovelace" },
    headers: { Origin: baseUrl },
    timeout: SLOW,
  });
  if (!response.ok())
    throw new Error(`register failed: ${response.status()} ${await response.text()}`);
  const state = await context.storageState();
  await context.close();
  return state;
}

async function newContext(
  browser: Browser,
  device: DeviceName,
  theme: ThemeName,
  label: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    ...DEVICES[device],
    colorScheme: theme,
    reducedMotion: "reduce",
    storageState: await registerAccount(browser, label),
  });
  const { hostname } = new URL(baseUrl);
  await context.addCookies([{ name: "theme", value: theme, domain: hostname, path: "/" }]);
  context.setDefaultTimeout(SLOW);
  await context.addInitScript(HOLD_GENERATION_SCRIPT);
  return context;
}

async function scrollTo(page: Page, testId: string, offset = 80) {
  await page
    .getByTestId(testId)
    .first()
    .evaluate((element, top) => {
      window.scrollTo({
        top: element.getBoundingClientRect().top + window.scrollY - top,
        behavior: "instant",
      });
    }, offset);
}

/** Toasts from earlier steps would cover what the shot is about. */
async function dismissToasts(page: Page) {
  const close = page.getByRole("button", { name: "Dismiss notification" });
  for (let count = await close.count(); count > 0; count = await close.count()) {
    await close
      .first()
      .click()
      .catch(() => undefined);
    await page.waitForTimeout(250);
  }
}

class Shooter {
  constructor(
    readonly page: Page,
    readonly device: DeviceName,
    readonly theme: ThemeName,
  ) {}

  async shot(name: string) {
    if (only && !only.some((prefix) => name.startsWith(prefix))) return;
    await dismissToasts(this.page);
    const file = path.join(outDir, `${name}-${this.device}-${this.theme}.png`);
    await this.page.addStyleTag({ content: HIDE_DEV_OVERLAY });
    const overflow = await this.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 0)
      console.warn(`warning: ${name} (${this.device}, ${this.theme}) overflows by ${overflow}px`);
    await this.page.evaluate(() => document.fonts.ready);
    await this.page.waitForTimeout(250);
    await this.page.screenshot({ path: file });
    console.log(`saved ${path.relative(process.cwd(), file)}`);
  }
}

async function openGenerate(page: Page) {
  await page.goto(`${baseUrl}/generate`, { waitUntil: "load", timeout: SLOW });
  await page.getByTestId("generate-form").waitFor();
  // Templates loaded: the strip holds "None" plus at least one template.
  await page
    .getByTestId("template-picker")
    .locator('input[type="radio"]')
    .nth(1)
    .waitFor({ state: "attached" });
  await page.getByTestId("quota-remaining").waitFor();
}

async function waitForResultImage(page: Page) {
  const image = page.getByTestId("generate-result").locator("img").first();
  await image.waitFor();
  await page.waitForFunction(
    (element) =>
      element instanceof HTMLImageElement && element.complete && element.naturalWidth > 0,
    await image.elementHandle(),
    { timeout: SLOW },
  );
}

async function generateFlow(page: Page, shooter: Shooter, device: DeviceName) {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));

  // The demo provider answers in well under a second; the ETA shown comes from a stand-in
  // median of the kind Gemini gives (about 12 s), so the progress shot looks like real use.
  await page.route("**/api/v1/generation/timings", (route) =>
    route.fulfill({
      status: 200,
      contentType: "application/json",
      body: JSON.stringify({
        success: true,
        data: { medianMs: 12_000, samples: 5 },
        meta: { requestId: "screenshots", timestamp: new Date().toISOString() },
      }),
    }),
  );
  await openGenerate(page);
  await shooter.shot("generate-empty");

  const form = page.getByTestId("generate-form");
  await form
    .locator('textarea[name="prompt"]')
    .fill("A lighthouse on a basalt cliff at dusk, warm windows, long-exposure sea");
  const picker = page.getByTestId("template-picker");
  await picker.getByRole("button", { name: /Photography/ }).click();
  await picker.getByText("Cinematic photo", { exact: true }).click();
  await form.locator('button[type="submit"]').click();
  await page.getByTestId("generate-progress").waitFor();
  await page.getByTestId("generate-result").waitFor({ timeout: SLOW });
  await waitForResultImage(page);
  if (device === "desktop")
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  await shooter.shot("generate-result");

  // The progress UI, held at "Generating with Gemini…" (the ETA uses the stand-in median).
  await page.evaluate(() => {
    (window as unknown as { __generationHold: { active: boolean } }).__generationHold.active = true;
  });
  await page.getByTestId("result-again").click();
  await page.getByTestId("generate-stage").filter({ hasText: "Generating" }).waitFor();
  await page.waitForTimeout(3_500);
  await shooter.shot("generate-progress");
  await page.evaluate(() => {
    const hold = (
      window as unknown as { __generationHold: { active: boolean; release: () => void } }
    ).__generationHold;
    hold.active = false;
    hold.release();
  });
  await page.getByTestId("generate-result").waitFor({ timeout: SLOW });
  await waitForResultImage(page);

  // Make public, then private again.
  await page.getByTestId("result-visibility-toggle").click();
  await page.getByTestId("result-visibility").filter({ hasText: "Public" }).waitFor();
  await page.getByTestId("result-visibility-toggle").click();
  await page.getByTestId("result-visibility").filter({ hasText: "Private" }).waitFor();

  // Edit with a new instruction: the new image says where it came from.
  await page.getByTestId("result-edit").click();
  await page
    .getByTestId("edit-form")
    .locator('input[name="editPrompt"]')
    .fill("make it night, with a full moon");
  await page.getByTestId("edit-submit").click();
  await page.getByTestId("edited-from").waitFor({ timeout: SLOW });
  await waitForResultImage(page);
  await scrollTo(page, "generate-result", device === "phone" ? 72 : 24);
  await shooter.shot("generate-edited");

  // The fourth generation of the day: real QUOTA_EXCEEDED with DAILY_GENERATION_LIMIT=3.
  const remaining = await page.getByTestId("quota-remaining").getAttribute("data-remaining");
  if (remaining !== "0") {
    await standIn(page, [
      ["progress", { stage: "queued", percent: 0 }],
      [
        "error",
        {
          error: {
            code: "QUOTA_EXCEEDED",
            message: "You have used today's 3 generations. Your quota resets at midnight UTC.",
            details: { resetsAt: STAND_IN_QUOTA.resetsAt, period: "day" },
          },
          quota: STAND_IN_QUOTA,
        },
      ],
    ]);
  }
  await form.locator('textarea[name="prompt"]').fill("One more than allowed");
  await form.locator('button[type="submit"]').click();
  await page.getByTestId("generate-error").waitFor();
  const quotaText = await page.getByTestId("generate-error").textContent();
  if (!/resets/.test(quotaText ?? ""))
    throw new Error(`quota error did not say when it resets: ${quotaText}`);
  await scrollTo(page, "generate-error", device === "phone" ? 72 : 24);
  if (device === "desktop")
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  await shooter.shot("generate-error-quota");
  await page.unroute("**/api/v1/images/generate");

  // A Google project without billing: the guidance explains it and links to AI Studio.
  await standIn(page, [
    ["progress", { stage: "queued", percent: 0 }],
    ["progress", { stage: "generating", percent: 10 }],
    [
      "error",
      {
        error: {
          code: "PROVIDER_ERROR",
          message: "Your Google project has no quota for image generation.",
          details: { providerStatus: 429, retryable: false, reason: "NO_IMAGE_QUOTA" },
        },
        quota: null,
      },
    ],
  ]);
  await form.locator('button[type="submit"]').click();
  await page.getByTestId("generate-error").filter({ hasText: "no image quota" }).waitFor();
  await scrollTo(page, "generate-error", device === "phone" ? 72 : 24);
  if (device === "desktop")
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  await shooter.shot("generate-error-billing");
  await page.unroute("**/api/v1/images/generate");

  // Advanced options and an input image, then a client-side validation error.
  await page
    .getByTestId("generate-error")
    .getByRole("button", { name: "Dismiss this message" })
    .click();
  await page.getByTestId("advanced-toggle").click();
  await page.getByTestId("seed-dice").click();
  const tags = page.locator("#generate-tags");
  for (const tag of ["lighthouse", "night", "sea"]) {
    await tags.fill(tag);
    await tags.press("Enter");
  }
  await page.getByTestId("public-switch").click();
  const png = await sharp({
    create: { width: 640, height: 480, channels: 3, background: "#7c5cf0" },
  })
    .png()
    .toBuffer();
  await page
    .getByTestId("input-image-file")
    .setInputFiles({ name: "sketch.png", mimeType: "image/png", buffer: png });
  await page.getByTestId("input-image-preview").waitFor();
  await scrollTo(page, "advanced-toggle", device === "phone" ? 72 : 320);
  await shooter.shot("generate-advanced");

  // The form's own check, before anything is sent.
  await form.locator('textarea[name="prompt"]').fill("");
  await form.locator('button[type="submit"]').click();
  await page.getByText("Describe the image you want.").waitFor();

  // A file that is not an image is refused before upload.
  await page.getByTestId("input-image-remove").click();
  await page
    .getByTestId("input-image-file")
    .setInputFiles({ name: "notes.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") });
  await page.getByText("is a GIF image").waitFor();

  await page.unroute("**/api/v1/generation/timings");
  if (errors.length > 0) throw new Error(`page errors: ${errors.join(" | ")}`);
}

async function keyFlow(page: Page, shooter: Shooter, device: DeviceName) {
  await page.goto(`${baseUrl}/settings#gemini-key`, { waitUntil: "load", timeout: SLOW });
  const section = page.locator("#gemini-key");
  await section.locator('input[name="apiKey"]').waitFor();
  await scrollTo(page, "settings-provider-key", device === "phone" ? 64 : 24);
  await shooter.shot("settings-gemini-key-empty");

  // An obviously fake key: this machine cannot reach Google, so the server says so.
  await section.locator('input[name="apiKey"]').fill("AIzaFakeKeyForScreenshots0000000000000");
  await section.getByRole("button", { name: /save and check/i }).click();
  await section
    .getByText(/Checking with Google/)
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  await section
    .locator('[data-testid="provider-key-error"], [aria-invalid="true"]')
    .first()
    .waitFor({ timeout: 90_000 });
  await scrollTo(page, "settings-provider-key", device === "phone" ? 64 : 24);
  await shooter.shot("settings-gemini-key-error");

  // A key Google accepted (stand-in answer), then the removal dialog.
  await page.route("**/api/v1/settings/provider-key", (route) => {
    if (route.request().method() === "PUT") {
      return route.fulfill({
        status: 200,
        contentType: "application/json",
        body: JSON.stringify({
          success: true,
          data: { provider: "gemini", last4: "Q7xw", validatedAt: new Date().toISOString() },
          meta: { requestId: "screenshots", timestamp: new Date().toISOString() },
        }),
      });
    }
    return route.fulfill({
      status: 200,
      contentType: "application/json",
      body: JSON.stringify({
        success: true,
        data: { deleted: true },
        meta: { requestId: "screenshots", timestamp: new Date().toISOString() },
      }),
    });
  });
  await section.locator('input[name="apiKey"]').fill("AIzaSyD-standin-key-for-screenshots-Q7xw");
  await section.getByRole("button", { name: /save and check/i }).click();
  await section.getByTestId("provider-key-last4").waitFor();
  await page.waitForTimeout(600);
  await scrollTo(page, "settings-provider-key", device === "phone" ? 64 : 24);
  await shooter.shot("settings-gemini-key-saved");
  await section.getByTestId("provider-key-remove").click();
  await page.getByTestId("provider-key-remove-dialog").waitFor();
  await page.waitForTimeout(300);
  await shooter.shot("settings-gemini-key-remove");
  await page.getByTestId("provider-key-remove-confirm").click();
  await section.locator('[data-testid="provider-key-status"][data-state="missing"]').waitFor();
  await page.unroute("**/api/v1/settings/provider-key");
}

async function main() {
  await mkdir(outDir, { recursive: true });
  const browser = await launchBrowser();
  try {
    for (const device of Object.keys(DEVICES) as DeviceName[]) {
      if (onlyDevice && device !== onlyDevice) continue;
      for (const theme of THEMES) {
        const context = await newContext(browser, device, theme, `${device}-${theme}`);
        const page = await context.newPage();
        const shooter = new Shooter(page, device, theme);
        for (const [name, flow] of [
          ["generate", generateFlow],
          ["gemini key", keyFlow],
        ] as const) {
          try {
            await flow(page, shooter, device);
          } catch (error) {
            console.error(`failed: ${name} (${device}, ${theme}):`, error);
            process.exitCode = 1;
          }
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
}

void main();
