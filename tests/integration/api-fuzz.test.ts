/// <reference types="vite/client" />
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ERROR_STATUS, type ApiErrorCode } from "@/shared/api-errors";
import type { CreatedApiKey, Image, Session, User } from "@/shared/api-types";
import { buildOpenApiDocument } from "@/server/openapi/openapi-document";
import {
  HTTP_METHODS,
  isAdminOnlyFilledIn,
  isDeclaredHandler,
  type HttpMethod,
  type RouteHandler,
} from "@/server/http/route-methods";
import { snapshotDatabase, type DatabaseSnapshot } from "../support/database-snapshot";
import {
  FAKE_GEMINI_KEY,
  startFakeGeminiServer,
  type FakeGeminiServer,
} from "../support/fake-gemini-server";
import * as apiCatchAll from "@/app/api/[...path]/route";
import * as cronRoute from "@/app/api/cron/daily/route";
import * as healthRoute from "@/app/api/health/route";
import { makePng } from "../support/sample-images";
import { startTestStudio, type TestStudio } from "../support/test-services";

/**
 * Property-based fuzzing of every operation in the OpenAPI document, against the real route
 * handlers in-process: wrong types, huge sizes, unicode (NUL, lone surrogates, right-to-left,
 * emoji, combining marks), bad path and query parameters, wrong content types, malformed JSON,
 * multipart with odd fields, as anonymous, as the owner (cookie, bearer token, API keys of each
 * scope) and as another user. Every answer must be below 500 and in the envelope, and a refused
 * request must leave the database as it was.
 *
 * FUZZ_RUNS sets the runs per operation (default small, for CI); FUZZ_SEED replays a failure.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const ORIGIN = "http://localhost:3000";
const PASSWORD = "a good password";

// ---------------------------------------------------------------------------------------
// Route modules and the OpenAPI document
// ---------------------------------------------------------------------------------------

type RouteModule = Partial<Record<HttpMethod, RouteHandler>>;
const MODULE_ROOT = "/src/app/api/v1";
const routeFiles = import.meta.glob<RouteModule>("/src/app/api/v1/**/route.ts");

/** "/src/app/api/v1/images/[id]/route.ts" → "/images/{id}" */
function documentPathOf(file: string): string {
  return file
    .slice(MODULE_ROOT.length)
    .replace(/\/route\.ts$/, "")
    .replace(/\[(\w+)\]/g, "{$1}");
}

const CATCH_ALL = `${MODULE_ROOT}/[...path]/route.ts`;
// The document does not describe itself.
const UNDOCUMENTED = new Set(["/openapi.json"]);

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

interface DocumentOperation {
  parameters: { name: string; in: "path" | "query"; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}

interface Operation {
  method: HttpMethod;
  path: string;
  file: string;
  pathParams: string[];
  query: Record<string, JsonSchema>;
  /** Body content types and the schema of their fields. */
  body: { types: string[]; schema: JsonSchema } | null;
  /** The success answer is a file or a ZIP, not the envelope. */
  binary: boolean;
  /** The success answer is a redirect with a Location (documented as such), not the envelope. */
  redirects: boolean;
}

const document = buildOpenApiDocument() as {
  paths: Record<string, Record<string, DocumentOperation>>;
};
const operations: Operation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => {
    const content = operation.requestBody?.content;
    const successTypes = Object.entries(operation.responses)
      .filter(([status]) => status.startsWith("2"))
      .flatMap(([, response]) => Object.keys(response.content ?? {}));
    return {
      method: method.toUpperCase() as HttpMethod,
      path,
      file: `${MODULE_ROOT}${path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`,
      pathParams: operation.parameters.filter((p) => p.in === "path").map((p) => p.name),
      query: Object.fromEntries(
        operation.parameters.filter((p) => p.in === "query").map((p) => [p.name, p.schema]),
      ),
      body: content
        ? { types: Object.keys(content), schema: Object.values(content)[0]!.schema }
        : null,
      binary: successTypes.some((type) => type !== "application/json"),
      redirects: Object.keys(operation.responses).some((status) => status.startsWith("3")),
    };
  }),
);

async function loadModule(file: string): Promise<RouteModule> {
  const load = routeFiles[file];
  if (!load) throw new Error(`no route file ${file}`);
  return load();
}

// ---------------------------------------------------------------------------------------
// The world: a user with every kind of credential, another user, and things with real ids
// ---------------------------------------------------------------------------------------

type Identity =
  | "anonymous"
  | "cookie"
  | "bearer"
  | "apiKeyWrite"
  | "apiKeyRead"
  | "stranger"
  | "admin"
  | "badBearer"
  | "badApiKey"
  | "malformedAuthorization";

/** Stand-ins for ids that exist, resolved when the request is sent (they can be replaced). */
const FIXTURES = [
  "@image",
  "@publicImage",
  "@strangerImage",
  "@collection",
  "@apiKey",
  "@template",
  "@account",
];
type FixtureName =
  "image" | "publicImage" | "strangerImage" | "collection" | "apiKey" | "template" | "account";

interface World {
  cookie: string;
  accessToken: string;
  strangerCookie: string;
  /** An admin's session: the admin endpoints answer everyone else 404. */
  adminCookie: string;
  apiKeyWrite: string;
  apiKeyRead: string;
  ids: Record<FixtureName, string>;
}

let studio: TestStudio;
let gemini: FakeGeminiServer;
let world: World;
let pngBytes: Uint8Array;

const OWNER_EMAIL = "fuzz-owner@example.com";
const STRANGER_EMAIL = "fuzz-stranger@example.com";
const ADMIN_EMAIL = "fuzz-admin@example.com";

async function send(
  file: string,
  method: HttpMethod,
  path: string,
  init: {
    headers?: Record<string, string>;
    body?: string | FormData;
    params?: Record<string, string | string[]>;
  },
): Promise<Response> {
  const routeModule = await loadModule(file);
  const handler = routeModule[method];
  if (!handler) throw new Error(`${file} has no ${method}`);
  const request = new NextRequest(new URL(`/api/v1${path}`, ORIGIN), {
    method,
    headers: init.headers,
    body: init.body,
  });
  return handler(request, { params: Promise.resolve(init.params ?? {}) });
}

async function sendJson<T>(
  file: string,
  method: HttpMethod,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  params?: Record<string, string>,
): Promise<{ status: number; data: T; headers: Headers }> {
  const response = await send(`${MODULE_ROOT}${file}/route.ts`, method, path, {
    headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    params,
  });
  const envelope = (await response.json()) as { success: boolean; data: T };
  if (!envelope.success) throw new Error(`${method} ${path}: ${JSON.stringify(envelope)}`);
  return { status: response.status, data: envelope.data, headers: response.headers };
}

function sessionCookieOf(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

async function signIn(email: string): Promise<{ cookie: string; session: Session }> {
  const { data, headers } = await sendJson<{ user: User; session: Session }>(
    "/auth/login",
    "POST",
    "/auth/login",
    { email, password: PASSWORD },
  );
  return { cookie: sessionCookieOf(headers), session: data.session };
}

async function generateFor(cookie: string, isPublic: boolean): Promise<string> {
  const { data } = await sendJson<{ image: Image }>(
    "/images/generate",
    "POST",
    "/images/generate",
    { prompt: "a fixture for the fuzzer", isPublic },
    { cookie },
  );
  return data.image.id;
}

async function createApiKey(cookie: string, scopes: string[]): Promise<CreatedApiKey> {
  const { data } = await sendJson<CreatedApiKey>(
    "/api-keys",
    "POST",
    "/api-keys",
    { name: `fuzz ${scopes.join(" ")}`, scopes, expiresInDays: null },
    { cookie },
  );
  return data;
}

async function exists(table: string, id: string, where = "true"): Promise<boolean> {
  const rows = await studio.database.query<{ n: number }>(
    `select count(*)::int as n from public.${table} where id = $1 and ${where}`,
    [id],
  );
  return (rows[0]?.n ?? 0) > 0;
}

async function identityWorks(headers: Record<string, string>): Promise<boolean> {
  const response = await send(`${MODULE_ROOT}/images/route.ts`, "GET", "/images", { headers });
  await response.body?.cancel();
  return response.status === 200;
}

/**
 * Puts back whatever a successful request took away (a logout, a deleted image or collection,
 * a revoked key), so that later runs still reach the code behind authentication and real ids.
 */
async function restoreWorld(): Promise<void> {
  if (!(await identityWorks({ cookie: world.cookie }))) {
    world.cookie = (await signIn(OWNER_EMAIL)).cookie;
  }
  if (!(await identityWorks({ authorization: `Bearer ${world.accessToken}` }))) {
    world.accessToken = (await signIn(OWNER_EMAIL)).session.accessToken;
  }
  if (!(await identityWorks({ cookie: world.strangerCookie }))) {
    world.strangerCookie = (await signIn(STRANGER_EMAIL)).cookie;
  }
  if (!(await identityWorks({ cookie: world.adminCookie }))) {
    world.adminCookie = (await signIn(ADMIN_EMAIL)).cookie;
  }
  if (!(await identityWorks({ authorization: `Bearer ${world.apiKeyWrite}` }))) {
    world.apiKeyWrite = (await createApiKey(world.cookie, ["images:read", "images:write"])).key;
  }
  if (!(await identityWorks({ authorization: `Bearer ${world.apiKeyRead}` }))) {
    const created = await createApiKey(world.cookie, ["images:read"]);
    world.apiKeyRead = created.key;
    world.ids.apiKey = created.apiKey.id;
  }
  // An admin may have deleted the template the fuzzer names: name another (or a new one).
  if (!(await exists("style_templates", world.ids.template))) {
    const [template] = await studio.database.query<{ id: string }>(
      "select id from public.style_templates order by is_active desc limit 1",
    );
    const [fuzzAdmin] = await studio.database.query<{ id: string }>(
      "select id from public.profiles where email = $1",
      [ADMIN_EMAIL],
    );
    world.ids.template =
      template?.id ??
      (
        await studio.services.adminTemplates.create({
          actorId: fuzzAdmin!.id,
          fields: { name: "Fuzz template", category: "art" },
          preview: null,
          audit: { requestId: "api-fuzz", meta: { ip: null, userAgent: "api-fuzz" } },
        })
      ).id;
  }
  if (!(await exists("images", world.ids.image))) {
    world.ids.image = await generateFor(world.cookie, false);
  }
  if (!(await exists("images", world.ids.publicImage, "is_public"))) {
    world.ids.publicImage = await generateFor(world.cookie, true);
  }
  if (!(await exists("images", world.ids.strangerImage))) {
    world.ids.strangerImage = await generateFor(world.strangerCookie, false);
  }
  if (!(await exists("collections", world.ids.collection))) {
    world.ids.collection = (
      await sendJson<{ id: string }>(
        "/gallery/collections",
        "POST",
        "/gallery/collections",
        { name: "Fuzzed" },
        { cookie: world.cookie },
      )
    ).data.id;
  }
  // Too many keys (the fuzzer creates some) would turn every later create into a 409.
  await studio.database.query(
    `update public.api_keys set revoked_at = now()
     where revoked_at is null and name not like 'fuzz images:%'`,
  );
}

beforeAll(async () => {
  gemini = await startFakeGeminiServer();
  studio = await startTestStudio({
    DEMO_PROVIDER: "on",
    GEMINI_API_BASE_URL: gemini.url,
    AUTH_RATE_LIMIT_PER_MINUTE: "1000000",
    GENERATE_RATE_LIMIT_PER_MINUTE: "1000000",
    DAILY_GENERATION_LIMIT: "1000000",
  });
  pngBytes = await makePng(32, 24);
  const register = async (email: string) => {
    const { headers } = await sendJson<{ user: User; session: Session }>(
      "/auth/register",
      "POST",
      "/auth/register",
      { email, password: PASSWORD, name: "Fuzz" },
    );
    return sessionCookieOf(headers);
  };
  const cookie = await register(OWNER_EMAIL);
  const strangerCookie = await register(STRANGER_EMAIL);
  const adminCookie = await register(ADMIN_EMAIL);
  await studio.database.query("update public.profiles set role = 'admin' where email = $1", [
    ADMIN_EMAIL,
  ]);
  // An account the admin endpoints may change (suspend, limits) without touching the others.
  await register("fuzz-account@example.com");
  const [account] = await studio.database.query<{ id: string }>(
    "select id from public.profiles where email = 'fuzz-account@example.com'",
  );
  const [template] = await studio.database.query<{ id: string }>(
    "select id from public.style_templates limit 1",
  );
  world = {
    cookie,
    strangerCookie,
    adminCookie,
    accessToken: (await signIn(OWNER_EMAIL)).session.accessToken,
    apiKeyWrite: "",
    apiKeyRead: "",
    ids: {
      image: crypto.randomUUID(),
      publicImage: crypto.randomUUID(),
      strangerImage: crypto.randomUUID(),
      collection: crypto.randomUUID(),
      apiKey: crypto.randomUUID(),
      account: account!.id,
      template: template!.id,
    },
  };
  await restoreWorld();
}, 120_000);

afterAll(async () => {
  for (const [operation, counts] of stats) {
    console.log(operation, Object.fromEntries([...counts].sort((a, b) => b[1] - a[1])));
  }
  await studio?.dispose();
  await gemini?.close();
});

// ---------------------------------------------------------------------------------------
// Arbitraries: values a schema expects, and values no schema expects
// ---------------------------------------------------------------------------------------

const NASTY_TEXT = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfff",
  "tail\ud83d",
  "\u202eevil\u202c",
  "مرحبا بالعالم",
  "🐈‍⬛👩‍👩‍👧‍👦🏳️‍🌈",
  "e\u0301\u0302\u0303\u0304\u0305",
  "Z̷̢̛͉a̴͚͝l̸̰̏g̶̣̈o̷",
  "\ufeff",
  "\u2028\u2029",
  "\r\n\t",
  "%00",
  "%FF",
  "..",
  "../../etc/passwd",
  "'; drop table images; --",
  "<script>alert(1)</script>",
  "null",
  "NaN",
  "-1",
  "1e309",
  "0000-01-01",
  "9999-12-31",
  "2026-02-31",
  "__proto__",
  "constructor",
  "[",
  "[not json",
  '["a",',
  "{}",
  "\\",
  "a,b,,c",
  "true",
  "on",
];

// Huge values travel as names and are made when sent, so a failure report stays readable.
const HUGE: Record<string, string> = {
  "@huge-ascii": "x".repeat(70_000),
  "@huge-latin": "é".repeat(40_000),
  "@huge-emoji": "🐈".repeat(20_000),
  "@deep-json": `${"[".repeat(5000)}${"]".repeat(5000)}`,
};
const hugeText = fc.constantFrom("@huge-ascii", "@huge-latin", "@huge-emoji");

const nastyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: hugeText },
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyText },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      null,
      true,
      false,
      0,
      -1,
      1.5,
      -0,
      2 ** 53,
      1e308,
      [],
      {},
      [[[[]]]],
      { nested: { deeper: {} } },
    ),
  },
  { weight: 1, arbitrary: fc.integer() },
  {
    weight: 1,
    arbitrary: fc.array(fc.string({ unit: "binary", maxLength: 8 }), { maxLength: 300 }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** The fixtures an id named so (a field, or a path's parameter) most likely refers to. */
function likelyFixtures(name: string): string[] {
  if (/collection/i.test(name)) return ["@collection"];
  if (/template/i.test(name)) return ["@template"];
  if (/api-?keys?/i.test(name)) return ["@apiKey"];
  if (/image|parent|source/i.test(name)) return ["@image", "@publicImage", "@strangerImage"];
  return FIXTURES;
}

const fixtureId = (name: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...likelyFixtures(name)) },
    { weight: 1, arbitrary: fc.constantFrom(...FIXTURES) },
    { weight: 1, arbitrary: fc.uuid() },
  );

/** Letters and digits of several scripts, for fields such as tags that allow only those. */
const wordText = fc.string({
  unit: fc.constantFrom("a", "z", "Q", "é", "ß", "ж", "猫", "ق", "7", " ", "-", "_"),
  minLength: 1,
  maxLength: 20,
});

/** A value of the schema's shape (`name`: the field's, to pick ids of the right kind). */
function plausible(schema: JsonSchema | undefined, depth = 0, name = ""): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return nastyValue;
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => plausible(choice, depth + 1, name)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({
        min: Math.max(schema.minimum ?? -1000, Number.MIN_SAFE_INTEGER),
        max: Math.min(schema.maximum ?? 1000, Number.MAX_SAFE_INTEGER),
      });
    case "number":
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case "array":
      return fc.array(plausible(schema.items, depth + 1, name), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      });
    case "object":
      return fc.record(
        Object.fromEntries(
          Object.entries(schema.properties ?? {}).map(([property, propertySchema]) => [
            property,
            field(propertySchema, depth + 1, property),
          ]),
        ),
        { requiredKeys: [] },
      );
    case "string":
      return plausibleText(schema, name);
    default:
      return nastyValue;
  }
}

function plausibleText(schema: JsonSchema, name: string): fc.Arbitrary<string> {
  if (schema.format === "uuid") return fixtureId(name);
  if (schema.pattern?.includes("\\p{L}")) return wordText;
  if (schema.format === "email") {
    return fc.oneof(
      fc.constantFrom(OWNER_EMAIL, STRANGER_EMAIL),
      fc.emailAddress().map((email) => email.slice(0, 250)),
    );
  }
  if (schema.format === "date") return fc.constantFrom("2026-01-31", "2025-12-01");
  if (schema.format === "date-time") return fc.constant("2026-01-31T10:00:00Z");
  const maxLength = Math.min(schema.maxLength ?? 60, 60);
  return fc.oneof(
    {
      weight: 9,
      arbitrary: fc.string({ unit: "grapheme", minLength: schema.minLength ?? 0, maxLength }),
    },
    // A key the fake Gemini accepts, so that saving a provider key can succeed too.
    { weight: 1, arbitrary: fc.constant(FAKE_GEMINI_KEY) },
  );
}

/** A field's value: mostly what its schema expects, often what it does not. */
function field(schema: JsonSchema | undefined, depth = 0, name = ""): fc.Arbitrary<unknown> {
  return fc.oneof(
    // Mostly fitting, so that a request with several fields often passes validation and
    // reaches the code behind it.
    { weight: 6, arbitrary: plausible(schema, depth, name) },
    { weight: 1, arbitrary: nastyValue },
  );
}

const asQueryText = (value: unknown): string =>
  typeof value === "string"
    ? value
    : Array.isArray(value)
      ? value.join(",")
      : JSON.stringify(value);

/** Header values are bytes: Latin-1 without control characters. */
const headerText = fc.string({
  unit: fc.integer({ min: 0x21, max: 0xff }).map((code) => String.fromCharCode(code)),
  maxLength: 40,
});

type BodySpec =
  | { kind: "none" }
  | { kind: "json"; value: unknown }
  | { kind: "text"; text: string }
  | { kind: "form"; fields: [string, string][] }
  | {
      kind: "multipart";
      fields: [string, string][];
      files: { field: string; bytes: "png" | "garbage" | "empty"; name: string }[];
    };

const MALFORMED_JSON = [
  "{",
  '{"prompt":',
  "nul",
  "\u0000",
  "[1,2",
  "{'prompt':'x'}",
  '{"prompt":"x"} trailing',
  '{"a":1,"a":2}',
  "\ufeff{}",
  "[]".repeat(10),
  "@deep-json",
];

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/xml",
  "multipart/form-data",
  "multipart/form-data; boundary=nothing",
  "application/x-www-form-urlencoded",
  "application/json; charset=utf-16",
  "image/png",
  "*/*",
];

function bodyArbitrary(operation: Operation): fc.Arbitrary<BodySpec> {
  const schema = operation.body?.schema;
  const names = Object.keys(
    schema?.properties ??
      Object.assign({}, ...(schema?.anyOf ?? schema?.oneOf ?? []).map((s) => s.properties ?? {})),
  );
  const fieldName = fc.oneof(
    { weight: 4, arbitrary: names.length > 0 ? fc.constantFrom(...names) : fc.constant("x") },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.constantFrom(
          "image",
          "preview",
          "tags[]",
          "__proto__",
          "constructor",
          "",
          "名前",
          "a\u0000b",
        ),
        fc.string({ maxLength: 12 }),
      ),
    },
  );
  const formFields = fc.array(
    fc.tuple(
      fieldName,
      fc.oneof(nastyText, plausible(schema).map(asQueryText)) as fc.Arbitrary<string>,
    ),
    { maxLength: 8 },
  );
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<BodySpec>({ kind: "none" }) },
    {
      weight: 6,
      arbitrary: plausible(schema).map((value): BodySpec => ({ kind: "json", value })),
    },
    { weight: 2, arbitrary: nastyValue.map((value): BodySpec => ({ kind: "json", value })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(fc.constantFrom(...MALFORMED_JSON), fc.string({ unit: "binary", maxLength: 30 }))
        .map((text): BodySpec => ({ kind: "text", text })),
    },
    { weight: 1, arbitrary: formFields.map((fields): BodySpec => ({ kind: "form", fields })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          formFields,
          fc.array(
            fc.record({
              field: fieldName,
              bytes: fc.constantFrom("png" as const, "garbage" as const, "empty" as const),
              name: fc.oneof(
                fc.constantFrom("photo.png", "", "../../x.png"),
                fc.string({ maxLength: 10 }),
              ),
            }),
            { maxLength: 2 },
          ),
        )
        .map(([fields, files]): BodySpec => ({ kind: "multipart", fields, files })),
    },
  );
}

interface FuzzRequest {
  method: HttpMethod;
  identity: Identity;
  origin: "same" | "other" | "none";
  params: Record<string, string>;
  query: [string, string][];
  body: BodySpec;
  /** A Content-Type that may or may not match the body. */
  contentType: string | null;
  headers: Record<string, string>;
}

const VARIANTS = ["original", "1920", "800", "300", "150"];

function requestArbitrary(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const params = fc.record(
    Object.fromEntries(
      operation.pathParams.map((name) => [
        name,
        fc.oneof(
          {
            weight: 5,
            arbitrary:
              name === "variant"
                ? fc.constantFrom(...VARIANTS)
                : // `{id}` is of the thing the path names: /gallery/collections/{id}, /api-keys/{id}…
                  fixtureId(name === "id" ? operation.path.split("/{id}")[0]! : name),
          },
          { weight: 2, arbitrary: nastyText },
        ),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  const queryNames = Object.keys(operation.query);
  const queryEntry: fc.Arbitrary<[string, string]> = fc.oneof(
    ...(queryNames.length > 0
      ? [
          {
            weight: 5,
            arbitrary: fc.constantFrom(...queryNames).chain((name) =>
              fc.tuple(
                fc.constant(name),
                fc.oneof(
                  {
                    weight: 3,
                    arbitrary: plausible(operation.query[name], 0, name).map(asQueryText),
                  },
                  { weight: 2, arbitrary: nastyText },
                ),
              ),
            ),
          },
        ]
      : []),
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), nastyText) },
  );
  const extraHeaders = fc.record(
    {
      accept: fc.constantFrom("text/event-stream", "application/json", "*/*"),
      "idempotency-key": fc.oneof(fc.constantFrom("fuzz-key-1", "fuzz-key-2"), headerText),
      "x-request-id": headerText,
      "user-agent": headerText,
    },
    { requiredKeys: [] },
  );
  return fc.record({
    method: fc.oneof(
      { weight: 12, arbitrary: fc.constant(operation.method) },
      { weight: 1, arbitrary: fc.constantFrom(...HTTP_METHODS.filter((m) => m !== "HEAD")) },
    ),
    identity: fc.oneof(
      { weight: 6, arbitrary: fc.constant<Identity>("cookie") },
      { weight: 3, arbitrary: fc.constantFrom<Identity>("bearer", "apiKeyWrite") },
      {
        weight: 3,
        arbitrary: fc.constantFrom<Identity>(
          "anonymous",
          "apiKeyRead",
          "stranger",
          "admin",
          "badBearer",
          "badApiKey",
          "malformedAuthorization",
        ),
      },
    ),
    origin: fc.oneof(
      { weight: 8, arbitrary: fc.constant("same" as const) },
      { weight: 1, arbitrary: fc.constantFrom("other" as const, "none" as const) },
    ),
    params,
    query: fc.array(queryEntry, { maxLength: 5 }),
    body:
      operation.body || operation.method !== "GET"
        ? bodyArbitrary(operation)
        : fc.constant<BodySpec>({ kind: "none" }),
    contentType: fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
    ),
    headers: extraHeaders,
  });
}

// ---------------------------------------------------------------------------------------
// Sending a fuzzed request and judging the answer
// ---------------------------------------------------------------------------------------

// URLs carry UTF-8: a lone surrogate cannot be encoded in one (Node 20 has no toWellFormed).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const resolveFixture = (value: string): string =>
  FIXTURES.includes(value)
    ? world.ids[value.slice(1) as FixtureName]
    : Object.hasOwn(HUGE, value)
      ? HUGE[value]!
      : value;

function resolveFixtures(value: unknown): unknown {
  if (typeof value === "string") return resolveFixture(value);
  if (Array.isArray(value)) return value.map(resolveFixtures);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveFixtures(item)]),
    );
  }
  return value;
}

function authenticationHeaders(identity: Identity): Record<string, string> {
  switch (identity) {
    case "anonymous":
      return {};
    case "cookie":
      return { cookie: world.cookie };
    case "stranger":
      return { cookie: world.strangerCookie };
    case "admin":
      return { cookie: world.adminCookie };
    case "bearer":
      return { authorization: `Bearer ${world.accessToken}` };
    case "apiKeyWrite":
      return { authorization: `Bearer ${world.apiKeyWrite}` };
    case "apiKeyRead":
      return { authorization: `Bearer ${world.apiKeyRead}` };
    case "badBearer":
      return { authorization: `Bearer ${world.accessToken.slice(0, -4)}AAAA` };
    case "badApiKey":
      return { authorization: `Bearer ${world.apiKeyWrite.slice(0, -4)}zzzz` };
    case "malformedAuthorization":
      return { authorization: "Basic Zm9vOmJhcg==" };
  }
}

function buildBody(spec: BodySpec): { body?: string | FormData; contentType?: string } {
  switch (spec.kind) {
    case "none":
      return {};
    case "json": {
      // JSON.stringify(undefined) is undefined: send it as an empty body.
      const text = JSON.stringify(resolveFixtures(spec.value));
      return { body: text ?? "", contentType: "application/json" };
    }
    case "text":
      return { body: resolveFixture(spec.text), contentType: "application/json" };
    case "form":
      return {
        body: new URLSearchParams(
          spec.fields.map(([name, value]) => [name, resolveFixture(value)]),
        ).toString(),
        contentType: "application/x-www-form-urlencoded",
      };
    case "multipart": {
      const form = new FormData();
      for (const [name, value] of spec.fields) form.append(name, resolveFixture(value));
      for (const file of spec.files) {
        const bytes =
          file.bytes === "png"
            ? pngBytes
            : file.bytes === "garbage"
              ? new TextEncoder().encode("#!/bin/sh\necho not an image\n")
              : new Uint8Array(0);
        form.append(file.field, new Blob([bytes as Uint8Array<ArrayBuffer>]), file.name);
      }
      // FormData bodies get their own multipart Content-Type with the boundary.
      return { body: form };
    }
  }
}

interface Answer {
  status: number;
  contentType: string;
  headers: Headers;
  text: string;
}

async function sendFuzzed(operation: Operation, fuzz: FuzzRequest): Promise<Answer> {
  const params = Object.fromEntries(
    Object.entries(fuzz.params).map(([name, value]) => [name, resolveFixture(value)]),
  );
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent((params[name] ?? "").replace(LONE_SURROGATE, "\uFFFD")),
  );
  const url = new URL(`/api/v1${path}`, ORIGIN);
  for (const [name, value] of fuzz.query) url.searchParams.append(name, resolveFixture(value));
  const { body, contentType } = buildBody(fuzz.body);
  const headers = new Headers({ ...fuzz.headers, ...authenticationHeaders(fuzz.identity) });
  if (fuzz.origin !== "none") {
    headers.set("origin", fuzz.origin === "same" ? ORIGIN : "https://evil.example");
  }
  const sendsBody = body !== undefined && fuzz.method !== "GET";
  if (sendsBody && fuzz.contentType) headers.set("content-type", fuzz.contentType);
  else if (sendsBody && contentType) headers.set("content-type", contentType);
  const routeModule = await loadModule(operation.file);
  const handler = routeModule[fuzz.method];
  if (!handler) throw new Error(`${operation.file} exports no ${fuzz.method}`);
  const request = new NextRequest(url, {
    method: fuzz.method,
    headers,
    body: sendsBody ? body : undefined,
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  // Read to the end: a file or ZIP that fails half-way is a failure too.
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    headers: response.headers,
    text,
  };
}

const SERVER_ERRORS = new Set(
  (Object.entries(API_ERROR_STATUS) as [ApiErrorCode, number][])
    .filter(([, status]) => status >= 500)
    .map(([code]) => code),
);

/** Why the answer breaks the contract, or null when it keeps it. */
function contractBreach(operation: Operation, fuzz: FuzzRequest, answer: Answer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 500)}`;
  if (!answer.headers.get("x-request-id")) return "no X-Request-Id header";
  if (answer.contentType.startsWith("text/event-stream")) {
    if (answer.status !== 200) return `event stream with status ${answer.status}`;
    const failed = [...answer.text.matchAll(/event: error\ndata: (.*)\n/g)]
      .map((match) => (JSON.parse(match[1]!) as { error: { code: ApiErrorCode } }).error.code)
      .filter((code) => SERVER_ERRORS.has(code));
    return failed.length > 0 ? `event stream ended with ${failed.join(", ")}` : null;
  }
  if (!answer.contentType.startsWith("application/json")) {
    if (answer.status === 304) return null;
    // The fuzzer also sends other methods to the path: judge the answer by the operation of the
    // method it sent (a GET to POST /notifications/unsubscribe's path is that path's GET).
    const answering = operations.find(
      (other) => other.path === operation.path && other.method === fuzz.method,
    );
    const redirected = answer.status >= 300 && answer.status < 400;
    if (redirected && answering?.redirects) {
      return answer.headers.get("location") ? null : `a ${answer.status} without a Location`;
    }
    if (answer.status < 300 && answering?.binary) return null;
    return `a ${answer.status} answer that is ${answer.contentType || "untyped"}, not the envelope`;
  }
  let envelope: { success?: unknown; meta?: { requestId?: unknown }; error?: { code?: string } };
  try {
    envelope = JSON.parse(answer.text) as typeof envelope;
  } catch {
    return `JSON that does not parse: ${answer.text.slice(0, 200)}`;
  }
  if (typeof envelope.success !== "boolean") return "no boolean success in the envelope";
  if (typeof envelope.meta?.requestId !== "string") return "no meta.requestId in the envelope";
  if (answer.status >= 400) {
    const code = envelope.error?.code as ApiErrorCode | undefined;
    if (envelope.success !== false || !code)
      return "an error answer without success:false and a code";
    if (API_ERROR_STATUS[code] !== answer.status)
      return `error code ${code} with status ${answer.status}`;
  } else if (envelope.success !== true) {
    return `a ${answer.status} answer with success:false`;
  }
  return null;
}

function describeRequest(operation: Operation, fuzz: FuzzRequest): string {
  return `${fuzz.method} ${operation.path} ${JSON.stringify(fuzz, (_key, value: unknown) =>
    typeof value === "string" && value.length > 120
      ? `${value.slice(0, 120)}…(${value.length})`
      : value,
  )}`;
}

// FUZZ_STATS=on prints how often each operation answered what, to see what the fuzzer reaches.
const stats = new Map<string, Map<string, number>>();
function countAnswer(operation: Operation, answer: Answer) {
  if (process.env.FUZZ_STATS !== "on") return;
  const code =
    (/"code":"(\w+)"/.exec(answer.text)?.[1] ?? "") +
    (/"issues":\[\{"path":"([^"]*)"/.exec(answer.text)?.[1]?.replace(/^/, " ") ?? "");
  const key = `${operation.method} ${operation.path}`;
  const counts = stats.get(key) ?? new Map<string, number>();
  const outcome = `${answer.status}${code ? ` ${code}` : ""}`;
  counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  stats.set(key, counts);
}

// Refused sign-ins and refreshes are recorded by design (a security event, not a change).
const RECORDED_REFUSALS = {
  "public.audit_logs": "action in ('auth.login_failed', 'auth.refresh_rejected')",
};

async function snapshot(): Promise<DatabaseSnapshot> {
  // Mail an earlier request queued is sent in the background (after its answer, or when a
  // later request notices a send is due): let that finish first, so that a send is not taken
  // for the change of a refused request (seen: a 405 "changed" mail_outbox).
  await studio.services.mail.flush();
  return snapshotDatabase(studio.database, { except: RECORDED_REFUSALS });
}

// ---------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------

describe("the API under fuzzing", () => {
  it("has a handler for every documented operation and documents every handler", async () => {
    const documented = new Set(operations.map((op) => `${op.method} ${op.path}`));
    const declared: string[] = [];
    for (const file of Object.keys(routeFiles)) {
      if (file === CATCH_ALL) continue;
      const path = documentPathOf(file);
      const routeModule = await loadModule(file);
      for (const method of HTTP_METHODS) {
        if (isDeclaredHandler(routeModule[method])) declared.push(`${method} ${path}`);
      }
    }
    const undocumented = declared.filter(
      (operation) => !documented.has(operation) && !UNDOCUMENTED.has(operation.split(" ")[1]!),
    );
    const unhandled = [...documented].filter((operation) => !declared.includes(operation));
    expect({ undocumented, unhandled }).toEqual({ undocumented: [], unhandled: [] });
  });

  it("answers every method a route file does not declare with 405 in the envelope, and OPTIONS with the list", async () => {
    for (const file of Object.keys(routeFiles)) {
      if (file === CATCH_ALL) continue;
      const routeModule = await loadModule(file);
      const declared = HTTP_METHODS.filter((method) => isDeclaredHandler(routeModule[method]));
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const) {
        if (declared.includes(method)) continue;
        const path = documentPathOf(file).replace(/\{(\w+)\}/g, crypto.randomUUID());
        const label = `${method} ${documentPathOf(file)}`;
        // Admin endpoints say 404 to everyone but an admin, whatever the method.
        const adminOnly = isAdminOnlyFilledIn(routeModule[method]);
        if (adminOnly) {
          const hidden = await send(file, method, path, {
            headers: { origin: "https://evil.example" },
          });
          expect(hidden.status, label).toBe(404);
        }
        const response = await send(file, method, path, {
          headers: {
            origin: "https://evil.example",
            ...(adminOnly ? { cookie: world.adminCookie } : {}),
          },
        });
        const body = (await response.json()) as {
          success: boolean;
          error?: { code: string };
          data?: { allow: string[] };
        };
        if (method === "OPTIONS") {
          expect(response.status, label).toBe(200);
          expect(body.data?.allow, label).toEqual(expect.arrayContaining([...declared, "OPTIONS"]));
        } else {
          expect(response.status, label).toBe(405);
          expect(body, label).toMatchObject({
            success: false,
            error: { code: "METHOD_NOT_ALLOWED" },
          });
        }
        expect(response.headers.get("allow"), label).toContain("OPTIONS");
      }
    }
  });

  it("answers unknown endpoints with 404 in the envelope, whatever the path and method", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(nastyText, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...HTTP_METHODS.filter((m) => m !== "HEAD")),
        async (segments, method) => {
          const response = await send(
            CATCH_ALL,
            method,
            `/${segments.map((segment) => encodeURIComponent(segment.replace(LONE_SURROGATE, "\uFFFD"))).join("/")}`,
            {
              headers: { origin: "https://evil.example" },
              params: { path: segments },
            },
          );
          const body = (await response.json()) as {
            error?: { code: string };
            meta?: { requestId: string };
          };
          expect(response.status).toBe(404);
          expect(body.error?.code).toBe("NOT_FOUND");
        },
      ),
      { numRuns: Math.max(RUNS, 10), seed: SEED },
    );
  });

  it("answers outside /api/v1 in the envelope too: unknown /api paths 404, health and cron under any method and credential", async () => {
    const call = (
      routeModule: RouteModule,
      method: HttpMethod,
      path: string,
      headers: Record<string, string>,
      params: Record<string, string[]> = {},
    ) =>
      routeModule[method]!(new NextRequest(new URL(path, ORIGIN), { method, headers }), {
        params: Promise.resolve(params),
      });
    const envelopeOf = async (response: Response) =>
      (await response.json()) as { success: boolean; error?: { code: string } };
    await fc.assert(
      fc.asyncProperty(
        fc.array(nastyText, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...HTTP_METHODS.filter((m) => m !== "HEAD")),
        // Whatever a caller puts after Bearer (never the cron secret), or nothing.
        fc.option(fc.stringMatching(/^[\x21-\x7e]{0,80}$/), { nil: undefined }),
        async (segments, method, bearer) => {
          const headers = {
            origin: "https://evil.example",
            ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
          };
          const encoded = segments
            .map((segment) => encodeURIComponent(segment.replace(LONE_SURROGATE, "\uFFFD")))
            .join("/");
          const unknown = await call(apiCatchAll, method, `/api/${encoded}`, headers, {
            path: segments,
          });
          expect(unknown.status).toBe(404);
          expect(await envelopeOf(unknown)).toMatchObject({ error: { code: "NOT_FOUND" } });

          const health = await call(healthRoute, method, "/api/health", headers);
          expect(health.status).toBe(method === "GET" || method === "OPTIONS" ? 200 : 405);
          expect((await envelopeOf(health)).success).toBe(method === "GET" || method === "OPTIONS");

          const cron = await call(cronRoute, method, "/api/cron/daily", headers);
          expect(cron.status).toBe(401);
          expect(await envelopeOf(cron)).toMatchObject({ error: { code: "UNAUTHORIZED" } });
        },
      ),
      { numRuns: Math.max(RUNS, 10), seed: SEED },
    );
  });

  it.each(
    operations.map((operation) => [`${operation.method} ${operation.path}`, operation] as const),
  )(
    "%s: never a 5xx, always the envelope, nothing changed by a refusal",
    async (_label, operation) => {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(operation), async (fuzz) => {
          const before = await snapshot();
          const answer = await sendFuzzed(operation, fuzz);
          countAnswer(operation, answer);
          const breach = contractBreach(operation, fuzz, answer);
          if (breach) throw new Error(`${describeRequest(operation, fuzz)}\n→ ${breach}`);
          if (answer.status >= 400) {
            const after = await snapshot();
            if (JSON.stringify(after) !== JSON.stringify(before)) {
              const changed = Object.keys(after).filter(
                (table) => JSON.stringify(after[table]) !== JSON.stringify(before[table]),
              );
              throw new Error(
                `${describeRequest(operation, fuzz)}\n→ refused with ${answer.status} but changed ${changed.join(", ")}: ${answer.text.slice(0, 300)}`,
              );
            }
          } else if (fuzz.method !== "GET") {
            await restoreWorld();
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: process.env.FUZZ_SHRINK !== "on" },
      );
    },
    // A long FUZZ_RUNS run takes as long as it takes.
    Math.max(60_000, RUNS * 3_000),
  );
});
