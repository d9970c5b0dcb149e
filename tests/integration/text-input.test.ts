import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiKeys from "@/app/api/v1/api-keys/route";
import * as login from "@/app/api/v1/auth/login/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as refresh from "@/app/api/v1/auth/refresh/route";
import * as register from "@/app/api/v1/auth/register/route";
import * as collectionImages from "@/app/api/v1/gallery/collections/[id]/images/route";
import * as collectionById from "@/app/api/v1/gallery/collections/[id]/route";
import * as collections from "@/app/api/v1/gallery/collections/route";
import * as publicGallery from "@/app/api/v1/gallery/public/route";
import * as edit from "@/app/api/v1/images/[id]/edit/route";
import * as enhance from "@/app/api/v1/prompts/enhance/route";
import * as imageRoute from "@/app/api/v1/images/[id]/route";
import * as generate from "@/app/api/v1/images/generate/route";
import * as list from "@/app/api/v1/images/route";
import * as providerKey from "@/app/api/v1/settings/provider-key/route";
import type { Collection, Image, Session, User } from "@/shared/api-types";
import { ApiCaller, type ApiResponse, type CallOptions } from "../support/api-caller";
import { snapshotDatabase } from "../support/database-snapshot";
import {
  FAKE_GEMINI_KEY,
  startFakeGeminiServer,
  type FakeGeminiServer,
} from "../support/fake-gemini-server";
import { startTestStudio, type TestStudio } from "../support/test-services";

/**
 * Defect: a NUL (U+0000) or an unpaired UTF-16 surrogate in a text field passed validation and
 * made Postgres fail (500), on generate after Gemini had been paid. Every text field must refuse
 * such input with 400 VALIDATION_ERROR before anything is written or spent.
 */

let studio: TestStudio;
let gemini: FakeGeminiServer;
let owner: ApiCaller;
let session: Session;
let image: Image;
let collection: Collection;

beforeAll(async () => {
  gemini = await startFakeGeminiServer();
  studio = await startTestStudio({
    DEMO_PROVIDER: "off",
    GEMINI_API_BASE_URL: gemini.url,
    GEMINI_API_KEY: FAKE_GEMINI_KEY,
    AUTH_RATE_LIMIT_PER_MINUTE: "10000",
    GENERATE_RATE_LIMIT_PER_MINUTE: "10000",
    DAILY_GENERATION_LIMIT: "1000",
  });
  owner = new ApiCaller();
  const registered = await owner.call<{ user: User; session: Session }>(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: { email: "text-owner@example.com", password: "a good password", name: "Owner" },
  });
  if (!registered.body.success) throw new Error(JSON.stringify(registered.body));
  session = registered.body.data.session;
  const generated = await owner.call<{ image: Image }>(generate.POST, {
    method: "POST",
    path: "/api/v1/images/generate",
    body: { prompt: "a source image" },
  });
  if (!generated.body.success) throw new Error(JSON.stringify(generated.body));
  image = generated.body.data.image;
  const created = await owner.call<Collection>(collections.POST, {
    method: "POST",
    path: "/api/v1/gallery/collections",
    body: { name: "Kept" },
  });
  if (!created.body.success) throw new Error(JSON.stringify(created.body));
  collection = created.body.data;
});
afterAll(async () => {
  await studio?.dispose();
  await gemini?.close();
});

type Call = (text: string) => Promise<ApiResponse<unknown>>;

type Handler = Parameters<ApiCaller["call"]>[0];

const json =
  (
    handler: Handler,
    options: Omit<CallOptions, "body" | "params"> & {
      body: (text: string) => unknown;
      params?: () => Record<string, string>;
    },
    caller: () => ApiCaller = () => owner,
  ): Call =>
  (text) =>
    caller().call(handler, {
      method: "POST",
      ...options,
      body: options.body(text),
      params: options.params?.(),
    });
const multipart =
  (fields: (text: string) => Record<string, string>): Call =>
  (text) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields(text))) form.append(name, value);
    return owner.call(generate.POST, { method: "POST", path: "/api/v1/images/generate", form });
  };
const query =
  (
    handler: Handler,
    path: string,
    field: string,
    caller: () => ApiCaller = () => owner,
    params?: () => Record<string, string>,
  ): Call =>
  (text) =>
    caller().call(handler, {
      path: `${path}?${new URLSearchParams({ [field]: text }).toString()}`,
      params: params?.(),
    });

const anonymous = () => new ApiCaller();
const imageParams = () => ({ id: image.id });
const collectionParams = () => ({ id: collection.id });

/** [field path in the VALIDATION_ERROR issues, how to send the text] */
const JSON_FIELDS: [string, string, Call][] = [
  [
    "POST /auth/register",
    "name",
    json(
      register.POST,
      {
        path: "/api/v1/auth/register",
        body: (name) => ({ email: "new-person@example.com", password: "a good password", name }),
      },
      anonymous,
    ),
  ],
  [
    "POST /auth/register",
    "email",
    json(
      register.POST,
      {
        path: "/api/v1/auth/register",
        body: (text) => ({ email: `a${text}@example.com`, password: "a good password", name: "A" }),
      },
      anonymous,
    ),
  ],
  [
    "POST /auth/register",
    "password",
    json(
      register.POST,
      {
        path: "/api/v1/auth/register",
        body: (text) => ({ email: "pw@example.com", password: `long enough ${text}`, name: "A" }),
      },
      anonymous,
    ),
  ],
  [
    "POST /auth/login",
    "password",
    json(
      login.POST,
      {
        path: "/api/v1/auth/login",
        body: (text) => ({ email: "text-owner@example.com", password: `a good ${text}` }),
      },
      anonymous,
    ),
  ],
  [
    "POST /auth/refresh",
    "refreshToken",
    json(
      refresh.POST,
      {
        path: "/api/v1/auth/refresh",
        body: (text) => ({ refreshToken: `${session.refreshToken}${text}` }),
      },
      anonymous,
    ),
  ],
  [
    "PATCH /auth/profile",
    "name",
    json(profile.PATCH, {
      method: "PATCH",
      path: "/api/v1/auth/profile",
      body: (name) => ({ name }),
    }),
  ],
  [
    "PUT /settings/provider-key",
    "apiKey",
    json(providerKey.PUT, {
      method: "PUT",
      path: "/api/v1/settings/provider-key",
      body: (text) => ({ provider: "gemini", apiKey: `${FAKE_GEMINI_KEY}${text}` }),
    }),
  ],
  [
    "POST /api-keys",
    "name",
    json(apiKeys.POST, {
      path: "/api/v1/api-keys",
      body: (name) => ({ name, scopes: ["images:read"], expiresInDays: 30 }),
    }),
  ],
  [
    "POST /images/generate",
    "prompt",
    json(generate.POST, { path: "/api/v1/images/generate", body: (prompt) => ({ prompt }) }),
  ],
  [
    "POST /images/generate",
    "negativePrompt",
    json(generate.POST, {
      path: "/api/v1/images/generate",
      body: (negativePrompt) => ({ prompt: "a cat", negativePrompt }),
    }),
  ],
  [
    "POST /images/generate",
    "tags.0",
    json(generate.POST, {
      path: "/api/v1/images/generate",
      body: (tag) => ({ prompt: "a cat", tags: [tag] }),
    }),
  ],
  [
    "POST /prompts/enhance",
    "prompt",
    json(enhance.POST, { path: "/api/v1/prompts/enhance", body: (prompt) => ({ prompt }) }),
  ],
  [
    "POST /images/:id/edit",
    "prompt",
    json(edit.POST, {
      path: "/api/v1/images/x/edit",
      params: imageParams,
      body: (prompt) => ({ prompt }),
    }),
  ],
  [
    "POST /images/:id/edit",
    "tags.0",
    json(edit.POST, {
      path: "/api/v1/images/x/edit",
      params: imageParams,
      body: (tag) => ({ prompt: "a cat", tags: [tag] }),
    }),
  ],
  [
    "PATCH /images/:id",
    "tags.0",
    json(imageRoute.PATCH, {
      method: "PATCH",
      path: "/api/v1/images/x",
      params: imageParams,
      body: (tag) => ({ tags: [tag] }),
    }),
  ],
  [
    "POST /gallery/collections",
    "name",
    json(collections.POST, { path: "/api/v1/gallery/collections", body: (name) => ({ name }) }),
  ],
  [
    "POST /gallery/collections",
    "description",
    json(collections.POST, {
      path: "/api/v1/gallery/collections",
      body: (description) => ({ name: "Fine", description }),
    }),
  ],
  [
    "PATCH /gallery/collections/:id",
    "name",
    json(collectionById.PATCH, {
      method: "PATCH",
      path: "/api/v1/gallery/collections/x",
      params: collectionParams,
      body: (name) => ({ name }),
    }),
  ],
  [
    "PATCH /gallery/collections/:id",
    "description",
    json(collectionById.PATCH, {
      method: "PATCH",
      path: "/api/v1/gallery/collections/x",
      params: collectionParams,
      body: (description) => ({ description }),
    }),
  ],
];

// Query strings and form fields are UTF-8 on the wire: a lone surrogate cannot be sent through
// them (it arrives as U+FFFD), so only NUL is tried there.
const NUL_ONLY_FIELDS: [string, string, Call][] = [
  ["GET /images", "q", query(list.GET, "/api/v1/images", "q")],
  ["GET /images", "tag", query(list.GET, "/api/v1/images", "tag")],
  ["GET /images", "cursor", query(list.GET, "/api/v1/images", "cursor")],
  [
    "GET /gallery/public (anonymous)",
    "q",
    query(publicGallery.GET, "/api/v1/gallery/public", "q", anonymous),
  ],
  [
    "GET /gallery/public (anonymous)",
    "tag",
    query(publicGallery.GET, "/api/v1/gallery/public", "tag", anonymous),
  ],
  [
    "GET /gallery/public (anonymous)",
    "cursor",
    query(publicGallery.GET, "/api/v1/gallery/public", "cursor", anonymous),
  ],
  [
    "GET /gallery/collections/:id/images",
    "cursor",
    query(
      collectionImages.GET,
      "/api/v1/gallery/collections/x/images",
      "cursor",
      () => owner,
      collectionParams,
    ),
  ],
  ["POST /images/generate (multipart)", "prompt", multipart((prompt) => ({ prompt }))],
  [
    "POST /images/generate (multipart)",
    "negativePrompt",
    multipart((negativePrompt) => ({ prompt: "a cat", negativePrompt })),
  ],
  ["POST /images/generate (multipart)", "tags.0", multipart((tags) => ({ prompt: "a cat", tags }))],
];

const BAD_TEXT = [
  ["a NUL", "bad\u0000text"],
  ["a lone surrogate", "bad\ud800text"],
] as const;

const cases = [
  ...JSON_FIELDS.flatMap(([endpoint, field, call]) =>
    BAD_TEXT.map(([what, text]) => ({ endpoint, field, what, text, call })),
  ),
  ...NUL_ONLY_FIELDS.map(([endpoint, field, call]) => ({
    endpoint,
    field,
    what: BAD_TEXT[0][0],
    text: BAD_TEXT[0][1],
    call,
  })),
];

describe("text that Postgres cannot store", () => {
  it.each(cases)(
    "$endpoint refuses $what in $field with 400 VALIDATION_ERROR, writes nothing, calls no provider",
    async ({ field, text, call }) => {
      const before = await snapshotDatabase(studio.database);
      gemini.reset();
      const response = await call(text);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        success: false,
        error: { code: "VALIDATION_ERROR" },
        meta: { requestId: expect.any(String) },
      });
      const issues = (response.body as { error: { details: { issues: { path: string }[] } } }).error
        .details.issues;
      expect(issues.map((issue) => issue.path)).toContain(field);
      expect(gemini.requests).toEqual([]);
      expect(await snapshotDatabase(studio.database)).toEqual(before);
    },
  );

  it("still stores ordinary unicode: emoji, right-to-left text and combining marks", async () => {
    const prompt = "a cat 🐈‍⬛ قطة e\u0301";
    const response = await owner.call<{ image: Image }>(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt, tags: ["قطة", "café"] },
    });
    expect(response.status).toBe(201);
    expect(response.body.success && response.body.data.image.prompt).toBe(prompt);
  });
});

describe("other input that used to be a 500", () => {
  it.each([
    "0000-01-01",
    "9999-12-31",
    "2026-02-31",
    "2026-01-01T00:00:00+99:00",
    "0001-01-01T00:00:00+01:00",
  ])("GET /images refuses the date %s in from and to with 400 VALIDATION_ERROR", async (date) => {
    for (const field of ["from", "to"]) {
      const response = await owner.call(list.GET, {
        path: `/api/v1/images?${new URLSearchParams({ [field]: date }).toString()}`,
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        success: false,
        error: { code: "VALIDATION_ERROR", details: { issues: [{ path: field }] } },
      });
    }
  });

  it("GET /images still filters by ordinary dates", async () => {
    const response = await owner.call<Image[]>(list.GET, {
      path: "/api/v1/images?from=2000-01-01&to=2999-12-31",
    });
    expect(response.status).toBe(200);
    expect(response.body.success && response.body.data.map((row) => row.id)).toContain(image.id);
  });

  it("multipart tags that start with [ but are not JSON are a 400 VALIDATION_ERROR", async () => {
    const before = await snapshotDatabase(studio.database);
    gemini.reset();
    const response = await multipart(() => ({ prompt: "a cat", tags: "[not json" }))("");
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      success: false,
      error: { code: "VALIDATION_ERROR", details: { issues: [{ path: "tags" }] } },
    });
    expect(gemini.requests).toEqual([]);
    expect(await snapshotDatabase(studio.database)).toEqual(before);
  });
});
