import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as download from "@/app/api/v1/images/[id]/download/route";
import * as imageRoute from "@/app/api/v1/images/[id]/route";
import { ApiCaller } from "../support/api-caller";
import { requestImageFile, seedOneImageWithFiles } from "../support/image-file-requests";
import { signUp, type SignedUp } from "../support/sign-up";
import { directivesOf } from "../support/cache-control";
import { startTestStudio, type TestStudio } from "../support/test-services";

/*
 * What the file route tells the caches in front of it (browsers, the service worker, Vercel's
 * CDN). A cache that keeps a file without asking again would keep serving it after the owner
 * made it private or deleted it, so every kept copy must be short-lived or checked on each use.
 */

let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio({ AUTH_RATE_LIMIT_PER_MINUTE: "1000" });
});
afterAll(async () => {
  await studio?.dispose();
});

const fileOf = requestImageFile;
const imageOf = (owner: SignedUp, isPublic: boolean) =>
  seedOneImageWithFiles(studio, owner, isPublic);

async function setPublic(owner: SignedUp, id: string, isPublic: boolean) {
  const response = await owner.caller.call(imageRoute.PATCH, {
    method: "PATCH",
    path: `/api/v1/images/${id}`,
    params: { id },
    body: { isPublic },
  });
  expect(response.status).toBe(200);
}

describe("cache headers of image files", () => {
  it("lets a shared cache keep a public file for a minute at most, and a browser not at all without asking", async () => {
    const owner = await signUp("file-cache");
    const id = await imageOf(owner, true);
    for (const caller of [new ApiCaller(), owner.caller]) {
      const response = await fileOf(caller, id, "300");
      expect(response.status).toBe(200);
      const directives = directivesOf(response);
      expect(directives.has("public")).toBe(true);
      expect(Number(directives.get("s-maxage"))).toBeGreaterThan(0);
      expect(Number(directives.get("s-maxage"))).toBeLessThanOrEqual(60);
      expect(directives.get("max-age")).toBe("0");
      expect(directives.has("must-revalidate")).toBe(true);
      expect(directives.has("immutable")).toBe(false);
      expect(directives.has("stale-while-revalidate")).toBe(false);
      expect(response.headers.get("etag")).toBeTruthy();
    }
  });

  it("keeps a private file out of shared caches and makes every browser use ask the studio", async () => {
    const owner = await signUp("file-cache");
    const id = await imageOf(owner, false);
    const response = await fileOf(owner.caller, id, "original");
    expect(response.status).toBe(200);
    const directives = directivesOf(response);
    expect(directives.has("private")).toBe(true);
    expect(directives.has("no-cache")).toBe(true);
    expect(directives.has("public")).toBe(false);
    expect(directives.has("s-maxage")).toBe(false);
    expect(directives.has("immutable")).toBe(false);
  });

  it("confirms a kept copy (304) only to a viewer who may still see the file", async () => {
    const owner = await signUp("file-cache");
    const stranger = await signUp("file-cache");
    const id = await imageOf(owner, true);
    const first = await fileOf(new ApiCaller(), id, "800");
    const etag = first.headers.get("etag")!;
    expect((await fileOf(new ApiCaller(), id, "800", { "if-none-match": etag })).status).toBe(304);

    await setPublic(owner, id, false);
    for (const caller of [new ApiCaller(), stranger.caller]) {
      const answer = await fileOf(caller, id, "800", { "if-none-match": etag });
      expect(answer.status).toBe(404);
    }
    const own = await fileOf(owner.caller, id, "800", { "if-none-match": etag });
    expect(own.status).toBe(304);
    expect(directivesOf(own).has("private")).toBe(true);
    // A list of tags and a weak tag match too, as browsers and caches may send them.
    const listed = await fileOf(owner.caller, id, "800", {
      "if-none-match": `"something-else", W/${etag}`,
    });
    expect(listed.status).toBe(304);
  });

  it("never lets anything store a download", async () => {
    const owner = await signUp("file-cache");
    const id = await imageOf(owner, true);
    const response = await new ApiCaller().raw(download.GET, {
      path: `/api/v1/images/${id}/download?size=original`,
      params: { id },
    });
    expect(response.status).toBe(200);
    const directives = directivesOf(response);
    expect(directives.has("no-store")).toBe(true);
    expect(directives.has("private")).toBe(true);
  });
});
