import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { BASE_URL, DESKTOP, PHONE, launchBrowser, newContext } from "./support/browser";
import { makeImage, registerPerson } from "./support/people";

/**
 * Every form field on every page has a name and an id, and every label points at its field
 * (htmlFor): autofill, password managers and Chrome's own checks depend on it. Checked in the
 * DOM and by Chrome itself (the form issues it lists in DevTools' Issues panel), signed out and
 * signed in, with the dialogs and panels that hold forms opened.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Shared {
  imageId: string;
  imageShare: string;
  collectionId: string;
  collectionShare: string;
}

async function shareSomething(page: Page): Promise<Shared> {
  const image = await makeImage(page, { prompt: "a lighthouse at dusk", tags: ["sea"] });
  await makeImage(page, { prompt: "a paper boat on a lake" });
  const send = async <T>(method: "PATCH" | "POST", path: string, data: unknown) => {
    const response = await page.request.fetch(path, {
      method,
      data,
      headers: { origin: BASE_URL },
    });
    expect(response.ok(), `${method} ${path}`).toBe(true);
    return ((await response.json()) as { data: T }).data;
  };
  const published = await send<{ image: { shareUrl: string } }>(
    "PATCH",
    `/api/v1/images/${image.id}`,
    { isPublic: true },
  );
  const collection = await send<{ id: string; shareUrl: string }>(
    "POST",
    "/api/v1/gallery/collections",
    { name: "Lighthouses", isPublic: true },
  );
  await send("POST", `/api/v1/gallery/collections/${collection.id}/images`, { imageId: image.id });
  return {
    imageId: image.id,
    imageShare: new URL(published.image.shareUrl, BASE_URL).pathname,
    collectionId: collection.id,
    collectionShare: new URL(collection.shareUrl, BASE_URL).pathname,
  };
}

/** The form fields of the page without a name or an id, and labels that point at nothing. */
function fieldProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (element: Element) => element.outerHTML.slice(0, 160).replaceAll(/\s+/g, " ");
    const problems: string[] = [];
    for (const field of document.querySelectorAll("input, select, textarea")) {
      const hidden = field instanceof HTMLInputElement && field.type === "hidden";
      if (!field.getAttribute("name")) problems.push(`no name: ${describe(field)}`);
      if (!hidden && !field.id) problems.push(`no id: ${describe(field)}`);
    }
    for (const label of document.querySelectorAll("label")) {
      if (!label.htmlFor) {
        if (label.querySelector("input, select, textarea"))
          problems.push(`label without htmlFor: ${describe(label)}`);
        continue;
      }
      const target = document.getElementById(label.htmlFor);
      if (!target || !target.matches("input, select, textarea, button, [role]"))
        problems.push(`label for a missing field "${label.htmlFor}": ${describe(label)}`);
    }
    return problems;
  });
}

/** Chrome's form issues (DevTools → Issues), collected while the session lives. */
async function watchFormIssues(page: Page): Promise<{ issues: string[]; cdp: CDPSession }> {
  const issues: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on("Audits.issueAdded", ({ issue }) => {
    const errorType = issue.details.genericIssueDetails?.errorType ?? "";
    if (issue.code === "GenericIssue" && errorType.startsWith("Form")) {
      issues.push(`${errorType} on ${new URL(page.url()).pathname}`);
    }
  });
  await cdp.send("Audits.enable");
  return { issues, cdp };
}

type Visit = { path: string; open?: (page: Page) => Promise<void> };

/** Visits each page (then opens what it holds), and returns every problem found on the way. */
async function problemsOn(page: Page, visits: Visit[]): Promise<string[]> {
  const { issues, cdp } = await watchFormIssues(page);
  const problems: string[] = [];
  const check = async (where: string) => {
    for (const problem of await fieldProblems(page)) problems.push(`${where}: ${problem}`);
  };
  for (const visit of visits) {
    await page.goto(visit.path);
    await page.waitForLoadState("networkidle");
    await check(visit.path);
    if (visit.open) {
      await visit.open(page);
      await check(`${visit.path} (opened)`);
    }
  }
  // Chrome parses forms as they appear; reading the issues it kept so far, once more, at the end.
  await cdp.send("Audits.disable");
  await cdp.send("Audits.enable");
  await cdp.detach();
  return [...problems, ...new Set(issues)];
}

const publicVisits = (shared: Shared): Visit[] => [
  { path: "/" },
  { path: "/login" },
  { path: "/register" },
  { path: "/forgot-password" },
  { path: `/reset-password?token=pr_${"A".repeat(43)}` },
  { path: `/verify-email?token=ev_${"A".repeat(43)}` },
  { path: `/confirm-email?token=ec_${"A".repeat(43)}` },
  { path: "/explore" },
  { path: shared.imageShare },
  { path: shared.collectionShare },
  { path: "/~offline" },
];

const signedInVisits = (shared: Shared): Visit[] => [
  ...publicVisits(shared).filter((visit) => !["/login", "/register"].includes(visit.path)),
  { path: "/generate" },
  {
    path: "/gallery",
    open: async (page) => {
      // Selecting opens the bulk bar; "Add to collection" the picker, with its new-name field.
      await page.getByTestId("select-mode").click();
      await page.getByTestId("gallery-grid").getByTestId("gallery-tile").first().click();
      await page
        .getByTestId("bulk-bar")
        .getByRole("button", { name: /add to collection/i })
        .first()
        .click();
      await page.getByTestId("collection-picker").getByTestId("new-collection").click();
      await page.getByTestId("new-collection-name").waitFor();
    },
  },
  {
    path: "/collections",
    open: async (page) => {
      await page.getByTestId("new-collection").first().click();
      await page.getByTestId("create-collection-dialog").locator("input").first().waitFor();
    },
  },
  { path: `/collections/${shared.collectionId}` },
  { path: `/images/${shared.imageId}` },
  {
    path: "/settings",
    open: async (page) => {
      // A new API key is shown once, in a read-only field to copy it from.
      await page.getByTestId("api-key-name").fill("Form check");
      await page.getByTestId("api-key-create").click();
      await page.getByTestId("api-key-value").waitFor();
    },
  },
];

describe("form fields have names and ids", () => {
  let shared: Shared;
  let owner: BrowserContext;

  beforeAll(async () => {
    owner = await newContext(browser, DESKTOP);
    const page = await registerPerson(owner, { name: "Form Field Person", label: "fields" });
    shared = await shareSomething(page);
    await page.close();
  });
  afterAll(async () => {
    await owner?.close();
  });

  it("on every signed-out page", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    expect(await problemsOn(page, publicVisits(shared))).toEqual([]);
    await context.close();
  });

  it("on every signed-in page, with the gallery's collection picker, the new-collection dialog and a new API key open", async () => {
    const page = await owner.newPage();
    expect(await problemsOn(page, signedInVisits(shared))).toEqual([]);
    await page.close();
  });

  it("in the gallery's filter sheet on a phone", async () => {
    const page = await owner.newPage();
    await page.setViewportSize(PHONE);
    const visits: Visit[] = [
      {
        path: "/gallery",
        open: async (opened) => {
          await opened.getByTestId("gallery-filters-open").click();
          await opened.getByTestId("gallery-filter-sheet").waitFor();
        },
      },
    ];
    expect(await problemsOn(page, visits)).toEqual([]);
    await page.close();
  });
});
