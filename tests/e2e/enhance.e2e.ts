import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  DESKTOP,
  PHONE,
  launchBrowser,
  newContext,
  screenshot,
  uniqueEmail,
  waitForHydration,
} from "./support/browser";
import { RegisterPage, waitForPath } from "./support/pages";
import { awayFromWindowEdge } from "../support/rate-window";

/**
 * Prompt enhancement in the composer, against the production server's real route and its demo
 * enhancer (embedded mode, no Gemini key): Enhance streams a suggestion into a panel; Accept
 * replaces the prompt and Undo brings it back; Esc and Discard leave it alone; Edit puts the
 * suggestion in the field; and an accepted suggestion is the generated image's prompt.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openComposer(page: Page) {
  await new RegisterPage(page).open();
  await new RegisterPage(page).register({
    name: "Enhancer",
    email: uniqueEmail("enhance"),
    password: "a long enough password",
  });
  await waitForPath(page, "/generate");
  await waitForHydration(page.getByTestId("enhance-button"));
}

const promptField = (page: Page) =>
  page.getByTestId("generate-form").locator('textarea[name="prompt"]');

async function enhance(page: Page): Promise<string> {
  await page.getByTestId("enhance-button").click();
  const panel = page.getByTestId("enhance-panel");
  await panel.waitFor({ timeout: 15_000 });
  const accept = page.getByTestId("enhance-accept");
  await expect.poll(() => accept.isEnabled(), { timeout: 15_000 }).toBe(true);
  return (await page.getByTestId("enhance-suggestion").textContent())?.trim() ?? "";
}

describe("prompt enhancement in the composer", () => {
  it("streams a suggestion, Accept replaces the prompt, Undo restores it, and Generate uses the accepted one (phone)", async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await openComposer(page);

    // Nothing to enhance yet.
    expect(await page.getByTestId("enhance-button").isDisabled()).toBe(true);
    const original = "a lighthouse by the sea";
    await promptField(page).fill(original);
    expect(await page.getByTestId("enhance-button").isEnabled()).toBe(true);

    // The suggestion fills in while it streams (the demo enhancer paces its pieces).
    await page.getByTestId("enhance-button").click();
    const suggestionText = page.getByTestId("enhance-suggestion");
    await expect
      .poll(async () => (await suggestionText.textContent()) ?? "", { timeout: 15_000 })
      .toMatch(/^A lighthouse by the sea\./);
    await expect
      .poll(() => page.getByTestId("enhance-accept").isEnabled(), { timeout: 15_000 })
      .toBe(true);
    const suggestion = ((await suggestionText.textContent()) ?? "").trim();
    expect(suggestion).toMatch(/Lighting: /);
    expect(suggestion.length).toBeGreaterThan(original.length + 40);
    await screenshot(page, "enhance-suggestion-phone");
    // Keyboard: the panel took focus and Accept is focused once the suggestion is ready.
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? ""),
    ).toBe("enhance-accept");

    await page.getByTestId("enhance-accept").click();
    expect(await promptField(page).inputValue()).toBe(suggestion);
    expect(await page.getByTestId("enhance-panel").count()).toBe(0);
    await page.getByTestId("enhance-undo").click();
    expect(await promptField(page).inputValue()).toBe(original);
    expect(await page.getByTestId("enhance-undo").count()).toBe(0);

    // Esc closes the panel and leaves the prompt as it was.
    await enhance(page);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("enhance-panel").count()).toBe(0);
    expect(await promptField(page).inputValue()).toBe(original);

    // Accept again, then generate: the image's prompt is the enhanced one.
    const accepted = await enhance(page);
    await page.getByTestId("enhance-accept").click();
    expect(await promptField(page).inputValue()).toBe(accepted);
    await page.getByTestId("generate-submit").click();
    await page.getByTestId("generate-result").waitFor({ timeout: 60_000 });
    const listed = await page.evaluate(async () => {
      const response = await fetch("/api/v1/images?limit=1", { credentials: "same-origin" });
      return (await response.json()) as { data: { prompt: string }[] };
    });
    expect(listed.data[0]?.prompt).toBe(accepted);
    await context.close();
  });

  it("explains a refusal politely, keeps the prompt, and offers Try again (phone, the real rate limit)", async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await openComposer(page);
    await promptField(page).fill("a paper boat on a puddle");
    // Use up the minute's enhancements (20 a person) straight through the API, in one window:
    // the server on this machine counts in clock-aligned minutes.
    await awayFromWindowEdge(60, 20_000);
    const statuses = await page.evaluate(async () => {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          fetch("/api/v1/prompts/enhance", {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", Accept: "application/json" },
            body: JSON.stringify({ prompt: "a paper boat" }),
          }),
        ),
      );
      return answers.map((answer) => answer.status);
    });
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);

    await page.getByTestId("enhance-button").click();
    const error = page.getByTestId("enhance-error");
    await error.waitFor({ timeout: 15_000 });
    const text = (await error.textContent()) ?? "";
    expect(text).toMatch(/enhancing prompts very quickly/i);
    expect(text).toMatch(/try again in \d+ seconds?/i);
    expect(text).toMatch(/prompt is unchanged, and no image quota was used/i);
    expect(await page.getByTestId("enhance-retry").isVisible()).toBe(true);
    expect(await promptField(page).inputValue()).toBe("a paper boat on a puddle");
    await screenshot(page, "enhance-error-phone");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("enhance-panel").count()).toBe(0);
    await context.close();
  }, 90_000);

  it("Edit puts the suggestion in the field to work on, Discard leaves the prompt alone (desktop)", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await openComposer(page);
    await promptField(page).fill("a cat asleep on a windowsill");

    await enhance(page);
    await screenshot(page, "enhance-suggestion-desktop");
    await page.getByTestId("enhance-discard").click();
    expect(await promptField(page).inputValue()).toBe("a cat asleep on a windowsill");

    const suggestion = await enhance(page);
    await page.getByTestId("enhance-edit").click();
    expect(await promptField(page).inputValue()).toBe(suggestion);
    // The field has focus, ready to edit; the earlier prompt is one Undo away.
    // (focus moves in the frame after React has put the suggestion in the field)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("name")))
      .toBe("prompt");
    await page.keyboard.type(" Add a red scarf.");
    expect(await promptField(page).inputValue()).toBe(`${suggestion} Add a red scarf.`);
    // Once the person has changed the field, Undo no longer offers to throw that away.
    expect(await page.getByTestId("enhance-undo").count()).toBe(0);
    await context.close();
  });
});
