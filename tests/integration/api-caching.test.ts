import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as publicGallery from "@/app/api/v1/gallery/public/route";
import * as collections from "@/app/api/v1/gallery/collections/route";
import * as images from "@/app/api/v1/images/route";
import * as settings from "@/app/api/v1/settings/route";
import * as templateById from "@/app/api/v1/templates/[id]/route";
import * as categories from "@/app/api/v1/templates/categories/route";
import * as templates from "@/app/api/v1/templates/route";
import type { StyleTemplate } from "@/shared/api-types";
import { ApiCaller } from "../support/api-caller";
import { seedImageRows } from "../support/seed-images";
import { signUp, type SignedUp } from "../support/sign-up";
import { directivesOf } from "../support/cache-control";
import { startTestStudio, type TestStudio } from "../support/test-services";

/*
 * What the API tells the caches in front of it. Answers that are the same for everyone (style
 * templates, the public gallery) may be kept and shared; anything that depends on who asks
 * is never stored. (JSON is not compressed here: `next start` drops a Route Handler's
 * Content-Encoding header and sends the encoded bytes as they are, so clients read garbage;
 * Vercel's edge compresses API answers itself.)
 */

let studio: TestStudio;
let owner: SignedUp;
beforeAll(async () => {
  studio = await startTestStudio({ AUTH_RATE_LIMIT_PER_MINUTE: "1000" });
  owner = await signUp("api-caching");
  await seedImageRows(studio.database, {
    userId: owner.user.id,
    count: 40,
    isPublic: (i) => i % 2 === 0,
    prompt: (i) => `a lighthouse at dusk over a quiet sea, seeded for the cache test, number ${i}`,
  });
});
afterAll(async () => {
  await studio?.dispose();
});

async function firstTemplateId(): Promise<string> {
  const response = await new ApiCaller().call<StyleTemplate[]>(templates.GET, {
    path: "/api/v1/templates",
  });
  if (!response.body.success) throw new Error("no templates");
  return response.body.data[0]!.id;
}

describe("cache headers of public and private API answers", () => {
  it("lets any cache keep the style templates for a few minutes, the same for everyone", async () => {
    const id = await firstTemplateId();
    const calls = [
      { handler: templates.GET, path: "/api/v1/templates", params: undefined },
      { handler: categories.GET, path: "/api/v1/templates/categories", params: undefined },
      { handler: templateById.GET, path: `/api/v1/templates/${id}`, params: { id } },
    ];
    for (const { handler, path, params } of calls) {
      for (const caller of [new ApiCaller(), owner.caller]) {
        const response = await caller.raw(handler, { path, params });
        expect(response.status, path).toBe(200);
        const directives = directivesOf(response);
        expect(directives.has("public"), path).toBe(true);
        expect(Number(directives.get("max-age")), path).toBeGreaterThan(0);
        expect(Number(directives.get("max-age")), path).toBeLessThanOrEqual(300);
        expect(directives.has("no-store"), path).toBe(false);
        expect(directives.has("private"), path).toBe(false);
        expect(response.headers.get("set-cookie"), path).toBeNull();
      }
    }
  });

  it("lets a shared cache keep a public gallery page for a minute at most, and a browser not without asking", async () => {
    for (const caller of [new ApiCaller(), owner.caller]) {
      const response = await caller.raw(publicGallery.GET, { path: "/api/v1/gallery/public" });
      expect(response.status).toBe(200);
      const directives = directivesOf(response);
      expect(directives.has("public")).toBe(true);
      // An image made private leaves shared caches as fast as its files do (image-file-caching).
      expect(Number(directives.get("s-maxage"))).toBeGreaterThan(0);
      expect(Number(directives.get("s-maxage"))).toBeLessThanOrEqual(60);
      expect(directives.get("max-age")).toBe("0");
      expect(directives.has("must-revalidate")).toBe(true);
      expect(directives.has("stale-while-revalidate")).toBe(false);
    }
  });

  it("never lets a cache keep a refusal of a public route", async () => {
    const response = await new ApiCaller().raw(publicGallery.GET, {
      path: "/api/v1/gallery/public?limit=1000",
    });
    expect(response.status).toBe(400);
    expect(directivesOf(response).has("no-store")).toBe(true);
    expect(directivesOf(response).has("public")).toBe(false);
  });

  it("never lets a cache keep an answer that depends on who asks", async () => {
    for (const [handler, path] of [
      [images.GET, "/api/v1/images"],
      [settings.GET, "/api/v1/settings"],
      [collections.GET, "/api/v1/gallery/collections"],
    ] as const) {
      const response = await owner.caller.raw(handler, { path });
      expect(response.status, path).toBe(200);
      const directives = directivesOf(response);
      expect(directives.has("no-store"), path).toBe(true);
      expect(directives.has("public"), path).toBe(false);
    }
  });
});
