import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import * as login from "@/app/api/v1/auth/login/route";
import * as register from "@/app/api/v1/auth/register/route";
import * as collections from "@/app/api/v1/gallery/collections/route";
import * as archive from "@/app/api/v1/images/archive/route";
import * as generate from "@/app/api/v1/images/generate/route";
import type { Image } from "@/shared/api-types";
import { ApiCaller, TEST_ORIGIN } from "../support/api-caller";
import { makePng } from "../support/sample-images";
import { startTestStudio, type TestStudio } from "../support/test-services";

/** The one body reader of defineRoute: JSON, form and multipart, each within its byte limit. */

let studio: TestStudio;
let caller: ApiCaller;

beforeAll(async () => {
  studio = await startTestStudio({
    DEMO_PROVIDER: "on",
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    GENERATE_RATE_LIMIT_PER_MINUTE: "1000",
    DAILY_GENERATION_LIMIT: "1000",
  });
  caller = new ApiCaller();
  const registered = await caller.call(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: { email: "body@example.com", password: "a good password", name: "Body" },
  });
  expect(registered.status).toBe(201);
});
afterAll(async () => {
  await studio?.dispose();
});

type Handler = typeof collections.POST;

/** A request with exactly this body and Content-Type (the ApiCaller sets JSON's for raw bodies). */
function send(
  handler: Handler,
  path: string,
  contentType: string,
  body: string | ReadableStream<Uint8Array>,
  from: ApiCaller | null = caller,
): Promise<Response> {
  const headers = new Headers({ "content-type": contentType, origin: TEST_ORIGIN });
  if (from && from.cookies.size > 0) {
    headers.set("cookie", [...from.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
  }
  const request = new NextRequest(new URL(path, TEST_ORIGIN), {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
  return handler(request, { params: Promise.resolve({}) });
}

const generateForm = (fields: [string, string | Blob][]) => {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return caller.call<{ image: Image }>(generate.POST, {
    method: "POST",
    path: "/api/v1/images/generate",
    form,
  });
};

describe("multipart generate requests", () => {
  it("shapes form fields for the schema: tags repeated, as JSON or comma-separated; booleans; numbers", async () => {
    for (const [tagFields, expected] of [
      [
        [
          ["tags[]", "sea"],
          ["tags[]", "dusk"],
        ],
        ["sea", "dusk"],
      ],
      [[["tags", '["sea","dusk"]']], ["sea", "dusk"]],
      [[["tags", "sea, dusk"]], ["sea", "dusk"]],
    ] as [[string, string][], string[]][]) {
      const response = await generateForm([
        ["prompt", "a lighthouse"],
        ["seed", "42"],
        ["isPublic", "on"],
        ...tagFields,
      ]);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        success: true,
        data: { image: { seed: 42, isPublic: true, tags: expected } },
      });
    }
  });

  it("takes the image file and refuses a file or text in the wrong field", async () => {
    const png = new Blob([(await makePng(64, 64)) as Uint8Array<ArrayBuffer>], {
      type: "image/png",
    });
    const withImage = await generateForm([
      ["prompt", "a watercolor"],
      ["image", png],
    ]);
    expect(withImage.status).toBe(201);

    for (const fields of [
      [
        ["prompt", "a watercolor"],
        ["prompt", "twice"],
      ],
      [
        ["prompt", "a watercolor"],
        ["image", "not a file"],
      ],
      [
        ["prompt", "a watercolor"],
        ["negativePrompt", png],
      ],
      // Up to four input images: a fifth is refused.
      [["prompt", "a watercolor"], ...Array.from({ length: 5 }, () => ["image", png])],
      [
        ["prompt", "a watercolor"],
        ["seed", "forty-two"],
      ],
    ] as [string, string | Blob][][]) {
      const response = await generateForm(fields);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });
    }
  });

  it("refuses a body that is not multipart although it says so", async () => {
    const response = await send(
      generate.POST,
      "/api/v1/images/generate",
      "multipart/form-data; boundary=nothing",
      "this is not multipart",
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        code: "VALIDATION_ERROR",
        details: { issues: [{ path: "", message: "The form data could not be read." }] },
      },
    });
  });
});

describe("body types and limits", () => {
  it("counts the bytes of a body sent without Content-Length and stops at the limit", async () => {
    const chunk = new TextEncoder().encode(`{"name":"${"x".repeat(16 * 1024)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Never-ending: the reader must stop on its own once it is over the limit.
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await send(
      collections.POST,
      "/api/v1/gallery/collections",
      "application/json",
      body,
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      success: false,
      error: { code: "PAYLOAD_TOO_LARGE", message: "The request body is over 65536 bytes." },
    });
    expect(sent).toBeLessThan(256 * 1024);
  });

  it("answers 415 to multipart sent to an endpoint that takes JSON", async () => {
    const form = new FormData();
    form.set("name", "A collection");
    const response = await caller.call(collections.POST, {
      method: "POST",
      path: "/api/v1/gallery/collections",
      form,
    });
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({
      success: false,
      error: { code: "UNSUPPORTED_MEDIA_TYPE" },
    });
  });

  it("reads JSON sent with curl's default form Content-Type on a JSON endpoint", async () => {
    const response = await send(
      login.POST,
      "/api/v1/auth/login",
      "application/x-www-form-urlencoded",
      JSON.stringify({ email: "body@example.com", password: "a good password" }),
      null,
    );
    expect(response.status).toBe(200);
  });

  it("takes a plain form post of comma-separated ids for an archive", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await caller.call<{ image: Image }>(generate.POST, {
        method: "POST",
        path: "/api/v1/images/generate",
        body: { prompt: `archived ${i}` },
      });
      if (!response.body.success) throw new Error(JSON.stringify(response.body));
      ids.push(response.body.data.image.id);
    }
    const response = await send(
      archive.POST,
      "/api/v1/images/archive",
      "application/x-www-form-urlencoded",
      new URLSearchParams({ imageIds: ids.join(","), size: "150" }).toString(),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/2-images\.zip"$/);
  });
});
