import { beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, uniqueEmail } from "./support/browser";

/**
 * Pages that show nothing must say so in their status, not only in their HTML: a private image,
 * someone else's private collection and a share link that is no longer public answer 404
 * (a 200 "not found" page is a soft 404 that crawlers index and monitors miss). Plain requests
 * against the production build, since the status is decided by how the page streams.
 */

interface Person {
  cookie: string;
}

async function api<T>(
  person: Person | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(new URL(path, BASE_URL), {
    method,
    headers: {
      origin: BASE_URL,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(person ? { cookie: person.cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const envelope = (await response.json()) as { success: boolean; data: T };
  if (!response.ok || !envelope.success)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(envelope)}`);
  return envelope.data;
}

async function signUp(label: string): Promise<Person> {
  const response = await fetch(new URL("/api/v1/auth/register", BASE_URL), {
    method: "POST",
    headers: { origin: BASE_URL, "content-type": "application/json" },
    body: JSON.stringify({
      email: uniqueEmail(label),
      password: "a long enough password",
      name: "Status Person",
    }),
  });
  expect(response.status).toBe(201);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return { cookie };
}

/** The status and body of a page as a browser's first visit gets it (no redirects followed). */
async function visit(person: Person | null, path: string) {
  const response = await fetch(new URL(path, BASE_URL), {
    redirect: "manual",
    headers: { accept: "text/html", ...(person ? { cookie: person.cookie } : {}) },
  });
  return { status: response.status, html: await response.text() };
}

interface MadeImage {
  id: string;
  shareUrl: string | null;
}
interface MadeCollection {
  id: string;
  shareUrl: string | null;
}

let owner: Person;
let stranger: Person;
let privateImage: MadeImage;
let publicImage: MadeImage;
let unpublishedImageShare: string;
let privateCollection: MadeCollection;
let publicCollection: MadeCollection;
let unpublishedCollectionShare: string;

beforeAll(async () => {
  owner = await signUp("status-owner");
  stranger = await signUp("status-stranger");
  const generate = async (prompt: string) =>
    (await api<{ image: MadeImage }>(owner, "POST", "/api/v1/images/generate", { prompt })).image;
  const setImagePublic = async (id: string, isPublic: boolean) =>
    (await api<{ image: MadeImage }>(owner, "PATCH", `/api/v1/images/${id}`, { isPublic })).image;
  privateImage = await generate("a private lighthouse");
  publicImage = await setImagePublic((await generate("a public lighthouse")).id, true);
  const unpublished = await setImagePublic((await generate("a lighthouse, briefly")).id, true);
  unpublishedImageShare = unpublished.shareUrl!;
  await setImagePublic(unpublished.id, false);

  const collection = (body: { name: string; isPublic: boolean }) =>
    api<MadeCollection>(owner, "POST", "/api/v1/gallery/collections", body);
  privateCollection = await collection({ name: "Private lighthouses", isPublic: false });
  publicCollection = await collection({ name: "Public lighthouses", isPublic: true });
  const briefly = await collection({ name: "Briefly public", isPublic: true });
  unpublishedCollectionShare = briefly.shareUrl!;
  await api(owner, "PATCH", `/api/v1/gallery/collections/${briefly.id}`, { isPublic: false });
});

describe("page status codes", () => {
  it("answers 404, with the not-found page, for someone else's private image and for images that do not exist", async () => {
    const theirs = await visit(stranger, `/images/${privateImage.id}`);
    expect(theirs.status).toBe(404);
    // With a 404, Next sends its error shell and the page's RSC payload renders the not-found
    // view: the test id is in that payload, not in HTML attributes.
    expect(theirs.html).toContain("image-not-found");
    expect(theirs.html).not.toContain("a private lighthouse");
    for (const path of ["/images/00000000-0000-4000-8000-000000000000", "/images/not-a-uuid"]) {
      expect((await visit(stranger, path)).status, path).toBe(404);
    }
  });

  it("answers 200 for the owner's private image and for anyone's public image", async () => {
    const own = await visit(owner, `/images/${privateImage.id}`);
    expect(own.status).toBe(200);
    expect(own.html).toContain("a private lighthouse");
    expect((await visit(stranger, `/images/${publicImage.id}`)).status).toBe(200);
  });

  it("answers 404 for someone else's private collection and 200 for the owner's", async () => {
    expect((await visit(stranger, `/collections/${privateCollection.id}`)).status).toBe(404);
    expect(
      (await visit(stranger, "/collections/00000000-0000-4000-8000-000000000000")).status,
    ).toBe(404);
    expect((await visit(stranger, "/collections/not-a-uuid")).status).toBe(404);
    const own = await visit(owner, `/collections/${privateCollection.id}`);
    expect(own.status).toBe(200);
    expect(own.html).toContain("Private lighthouses");
    // The list of collections still answers (its loading state must not hide the pages below it).
    expect((await visit(owner, "/collections")).status).toBe(200);
  });

  it("answers 404 for share links of things that are private again or unknown, to anyone", async () => {
    for (const person of [null, stranger, owner]) {
      for (const path of [
        unpublishedImageShare,
        unpublishedCollectionShare,
        "/s/i/AAAAAAAAAA",
        "/s/c/AAAAAAAAAA",
      ]) {
        const page = await visit(person, path);
        expect(
          page.status,
          `${path} as ${person === owner ? "owner" : person ? "stranger" : "anonymous"}`,
        ).toBe(404);
      }
    }
    const gone = await visit(null, unpublishedImageShare);
    expect(gone.html).toContain("share-not-found");
  });

  it("answers 200 for share links of public things", async () => {
    expect((await visit(null, publicImage.shareUrl!)).status).toBe(200);
    expect((await visit(null, publicCollection.shareUrl!)).status).toBe(200);
  });
});
