import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Image } from "../../src/shared/api-types";
import { BASE_URL, DESKTOP, launchBrowser, newContext, uniqueEmail } from "./support/browser";
import { waitForServiceWorkerControl } from "./support/people";

/*
 * Every cache in front of image bytes, against the production build: Next's image optimiser
 * (/_next/image), the service worker's caches and the browser's own HTTP cache. A file seen
 * while its image was public must never reach anyone but its owner once the image is made
 * private or deleted, by any address.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Viewer {
  label: string;
  context: BrowserContext;
  /** A studio page under the service worker, as a returning visitor's would be. */
  page: Page;
}

interface Answer {
  status: number;
  digest: string;
}

const digestOf = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function viewer(label: string, { signedUp }: { signedUp: boolean }): Promise<Viewer> {
  const context = await newContext(browser, DESKTOP);
  if (signedUp) {
    // Registered through the API: the context keeps the session cookie it sets.
    const response = await context.request.post("/api/v1/auth/register", {
      data: {
        name: `Cache ${label}`,
        email: uniqueEmail(label.replace(/\W+/g, "-")),
        password: "a long enough password",
      },
      headers: { origin: BASE_URL },
    });
    expect(response.status()).toBe(201);
  }
  const page = await context.newPage();
  await page.goto("/explore");
  await waitForServiceWorkerControl(page, { reloadIfNeeded: true });
  return { label, context, page };
}

async function generate(owner: Viewer, prompt: string): Promise<Image> {
  const response = await owner.context.request.post("/api/v1/images/generate", {
    data: { prompt },
    headers: { origin: BASE_URL },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { data: { image: Image } }).data.image;
}

async function setPublic(owner: Viewer, image: Image, isPublic: boolean): Promise<void> {
  const response = await owner.context.request.patch(`/api/v1/images/${image.id}`, {
    data: { isPublic },
    headers: { origin: BASE_URL },
  });
  expect(response.status()).toBe(200);
}

const filesOf = (image: Image): string[] => [
  image.urls.original,
  ...Object.values(image.urls.thumbnails).filter((url): url is string => Boolean(url)),
];

const optimiserAddressesOf = (image: Image): string[] =>
  filesOf(image).flatMap((file) =>
    [640, 1080].map((width) => `/_next/image?url=${encodeURIComponent(file)}&w=${width}&q=75`),
  );

/** Every address that could hand out the image's bytes. */
const addressesOf = (image: Image): string[] => [
  ...filesOf(image),
  ...optimiserAddressesOf(image),
  `/api/v1/images/${image.id}/download?size=original`,
  `/api/v1/images/${image.id}/download?size=300`,
];

/** Asked by the page: through its service worker and the browser's HTTP cache. */
async function askThroughPage(page: Page, address: string): Promise<Answer> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    const body = await response.arrayBuffer();
    const digest = Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", body)))
      .map((byte) => byte.toString(16).padStart(2, "0"))
      .join("");
    return { status: response.status, digest };
  }, address);
}

/** Asked of the server itself, with the viewer's cookies and no cache in between. */
async function askServer(context: BrowserContext, address: string): Promise<Answer> {
  const response = await context.request.get(address);
  return { status: response.status(), digest: digestOf(await response.body()) };
}

describe("caches in front of image files", () => {
  it("never hand an unpublished or deleted image to anyone but its owner, by any address", async () => {
    const owner = await viewer("owner", { signedUp: true });
    const unpublished = await generate(owner, "a lighthouse keeper's cat, watercolour");
    const deleted = await generate(owner, "a paper crane on a windowsill");
    for (const image of [unpublished, deleted]) await setPublic(owner, image, true);

    const secrets = new Set<string>();
    for (const image of [unpublished, deleted]) {
      for (const file of filesOf(image)) {
        const answer = await askServer(owner.context, file);
        expect(answer.status, file).toBe(200);
        secrets.add(answer.digest);
      }
    }

    const others = [
      await viewer("anonymous", { signedUp: false }),
      await viewer("another user", { signedUp: true }),
    ];
    // While public, everyone sees the files, and every cache on the way gets its chance to
    // keep them: the worker, the HTTP cache, the optimiser's disk cache.
    const optimiserWhilePublic: string[] = [];
    for (const person of [owner, ...others]) {
      for (const image of [unpublished, deleted]) {
        for (const address of addressesOf(image)) {
          const viaPage = await askThroughPage(person.page, address);
          const direct = await askServer(person.context, address);
          if (address.startsWith("/_next/image")) {
            optimiserWhilePublic.push(`${person.label} ${viaPage.status}/${direct.status}`);
          } else {
            expect(viaPage.status, `${person.label} ${address}`).toBe(200);
            expect(direct.status, `${person.label} ${address}`).toBe(200);
          }
        }
      }
    }

    await setPublic(owner, unpublished, false);
    const removal = await owner.context.request.delete(`/api/v1/images/${deleted.id}`, {
      headers: { origin: BASE_URL },
    });
    expect(removal.status()).toBe(200);

    const leaks: string[] = [];
    for (const person of others) {
      for (const image of [unpublished, deleted]) {
        for (const address of addressesOf(image)) {
          const answers = {
            page: await askThroughPage(person.page, address),
            server: await askServer(person.context, address),
          };
          for (const [path, answer] of Object.entries(answers)) {
            if (answer.status < 400 || secrets.has(answer.digest)) {
              leaks.push(`${person.label} via ${path}: ${answer.status} ${address}`);
            }
          }
        }
      }
    }
    expect(leaks).toEqual([]);

    // The door is closed for every file, not only private ones: the studio makes its own sizes.
    expect(new Set(optimiserWhilePublic)).toEqual(
      new Set(["owner 404/404", "anonymous 404/404", "another user 404/404"]),
    );

    // The owner still has what is theirs; what they deleted is gone for them too.
    for (const file of filesOf(unpublished)) {
      expect((await askThroughPage(owner.page, file)).status, file).toBe(200);
      expect((await askServer(owner.context, file)).status, file).toBe(200);
    }
    for (const file of filesOf(deleted)) {
      expect((await askServer(owner.context, file)).status, file).toBe(404);
    }
    for (const person of [owner, ...others]) await person.context.close();
  });

  it("keeps the owner's own copies, private and public, available offline", async () => {
    const owner = await viewer("owner", { signedUp: true });
    const privateImage = await generate(owner, "a fox asleep in a teacup");
    const publicImage = await generate(owner, "a tram in the rain at night");
    await setPublic(owner, publicImage, true);
    const seen = new Map<string, string>();
    for (const file of [...filesOf(privateImage), ...filesOf(publicImage)]) {
      const answer = await askThroughPage(owner.page, file);
      expect(answer.status, file).toBe(200);
      seen.set(file, answer.digest);
    }

    await owner.context.setOffline(true);
    try {
      for (const [file, digest] of seen) {
        expect(await askThroughPage(owner.page, file), file).toEqual({ status: 200, digest });
      }
    } finally {
      await owner.context.setOffline(false);
    }
    await owner.context.close();
  });
});
