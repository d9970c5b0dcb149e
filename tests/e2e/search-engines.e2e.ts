import { beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, uniqueEmail } from "./support/browser";

/**
 * What search engines and link previews are told: /robots.txt is valid text that keeps
 * crawlers out of the API and the signed-in pages, the sitemap names the public entry pages,
 * public pages carry their description in <head> (not streamed into <body>, where Lighthouse
 * and many previewers never look) and no `noindex`, and every signed-in page says `noindex`.
 * Plain requests against the production build, with a browser's user agent.
 */

const BROWSER_UA =
  "Mozilla/5.0 (Linux; Android 11) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

let cookie: string;
let publicImageShare: string;
let privateImageId: string;
let publicCollectionShare: string;

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, BASE_URL), {
    method,
    headers: {
      origin: BASE_URL,
      cookie,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const envelope = (await response.json()) as { success: boolean; data: T };
  if (!response.ok || !envelope.success)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(envelope)}`);
  return envelope.data;
}

beforeAll(async () => {
  const response = await fetch(new URL("/api/v1/auth/register", BASE_URL), {
    method: "POST",
    headers: { origin: BASE_URL, "content-type": "application/json" },
    body: JSON.stringify({
      email: uniqueEmail("crawl"),
      password: "a long enough password",
      name: "Crawl Person",
    }),
  });
  expect(response.status).toBe(201);
  cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  type Made = { image: { id: string; shareUrl: string | null } };
  const made = await api<Made>("POST", "/api/v1/images/generate", {
    prompt: "a crawler-friendly lighthouse",
    isPublic: true,
  });
  publicImageShare = made.image.shareUrl!;
  privateImageId = (
    await api<Made>("POST", "/api/v1/images/generate", { prompt: "a private lighthouse" })
  ).image.id;
  const collection = await api<{ id: string; shareUrl: string | null }>(
    "POST",
    "/api/v1/gallery/collections",
    { name: "Lighthouses to find", isPublic: true },
  );
  await api("POST", `/api/v1/gallery/collections/${collection.id}/images`, {
    imageId: made.image.id,
  });
  publicCollectionShare = collection.shareUrl!;
});

/** The <head> of a page as a browser's first visit gets it. */
async function headOf(path: string, signedIn: boolean) {
  const response = await fetch(new URL(path, BASE_URL), {
    redirect: "manual",
    headers: { accept: "text/html", "user-agent": BROWSER_UA, ...(signedIn ? { cookie } : {}) },
  });
  const html = await response.text();
  const end = html.indexOf("</head>");
  expect(end, `${path} has a </head>`).toBeGreaterThan(0);
  return { status: response.status, head: html.slice(0, end), html };
}

const robotsMeta = (head: string) =>
  /<meta name="robots" content="([^"]*)"/.exec(head)?.[1] ?? null;

describe("robots.txt and the sitemap", () => {
  it("serves robots.txt as valid text: everyone allowed on public pages, kept out of the API and signed-in pages, with the sitemap", async () => {
    const response = await fetch(new URL("/robots.txt", BASE_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const lines = (await response.text())
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#"));
    // Every line is a directive Lighthouse's robots.txt validator knows, with a value.
    for (const line of lines)
      expect(line, line).toMatch(/^(User-Agent|Allow|Disallow|Sitemap):\s*\S+$/i);
    expect(lines).toContain("User-Agent: *");
    expect(lines).toContain("Allow: /");
    for (const path of ["/api/", "/gallery", "/generate", "/settings", "/collections", "/images/"])
      expect(lines).toContain(`Disallow: ${path}`);
    for (const path of ["/explore", "/s/", "/login"])
      expect(lines.some((line) => line === `Disallow: ${path}` || line === "Disallow: /")).toBe(
        false,
      );
    const sitemap = lines.find((line) => line.startsWith("Sitemap:"))!.slice("Sitemap:".length);
    expect(new URL(sitemap.trim()).pathname).toBe("/sitemap.xml");
  });

  it("lists the public entry pages in the sitemap, with absolute addresses", async () => {
    const response = await fetch(new URL("/sitemap.xml", BASE_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/xml/);
    const locations = [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (match) => new URL(match[1]!).pathname,
    );
    expect(locations).toEqual(["/", "/explore", "/login", "/register"]);
  });
});

describe("what each page tells search engines", () => {
  it("puts the description and title in <head> of the public pages, without noindex", async () => {
    for (const path of ["/", "/login", "/explore", publicImageShare, publicCollectionShare]) {
      const { status, head, html } = await headOf(path, false);
      expect(status, path).toBe(200);
      expect(html, path).toMatch(/^<!DOCTYPE html><html lang="en"/);
      expect(head, path).toMatch(/<meta name="description" content="[^"]{20,}"/);
      expect(head, path).toMatch(/<title>[^<]+<\/title>/);
      expect(robotsMeta(head), path).toBeNull();
    }
  });

  it("marks every signed-in page noindex, nofollow", async () => {
    for (const path of [
      "/gallery",
      "/generate",
      "/settings",
      "/collections",
      `/images/${privateImageId}`,
    ]) {
      const { status, head } = await headOf(path, true);
      expect(status, path).toBe(200);
      expect(robotsMeta(head), path).toBe("noindex, nofollow");
    }
  });
});
