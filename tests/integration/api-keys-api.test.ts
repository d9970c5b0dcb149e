import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiKeyById from "@/app/api/v1/api-keys/[id]/route";
import * as apiKeysRoute from "@/app/api/v1/api-keys/route";
import * as logout from "@/app/api/v1/auth/logout/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as register from "@/app/api/v1/auth/register/route";
import * as collections from "@/app/api/v1/gallery/collections/route";
import * as timings from "@/app/api/v1/generation/timings/route";
import * as imageRoute from "@/app/api/v1/images/[id]/route";
import * as generate from "@/app/api/v1/images/generate/route";
import * as imageList from "@/app/api/v1/images/route";
import * as providerKey from "@/app/api/v1/settings/provider-key/route";
import * as settings from "@/app/api/v1/settings/route";
import type { ApiKey, CreatedApiKey, Image, Profile, User } from "@/shared/api-types";
import { ApiCaller, type CallOptions } from "../support/api-caller";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;

beforeAll(async () => {
  studio = await startTestStudio({
    DEMO_PROVIDER: "on",
    GENERATE_RATE_LIMIT_PER_MINUTE: "100",
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
  });
});
afterAll(async () => {
  await studio?.dispose();
});

interface Account {
  caller: ApiCaller;
  user: User;
}

async function signedIn(): Promise<Account> {
  const caller = new ApiCaller();
  const response = await caller.call<{ user: User }>(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: {
      email: `apikey${Date.now()}${Math.random()}@example.com`,
      password: "a good password",
      name: "Scripter",
    },
  });
  expect(response.status).toBe(201);
  if (!response.body.success) throw new Error("register failed");
  return { caller, user: response.body.data.user };
}

const createKey = (caller: ApiCaller, body: unknown) =>
  caller.call<CreatedApiKey>(apiKeysRoute.POST, { method: "POST", path: "/api/v1/api-keys", body });

async function newKey(
  caller: ApiCaller,
  scopes: string[],
  name = "Backup script",
): Promise<CreatedApiKey> {
  const response = await createKey(caller, { name, scopes, expiresInDays: 90 });
  expect(response.status).toBe(201);
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return response.body.data;
}

const listKeys = async (caller: ApiCaller) => {
  const response = await caller.call<ApiKey[]>(apiKeysRoute.GET, { path: "/api/v1/api-keys" });
  expect(response.status).toBe(200);
  if (!response.body.success) throw new Error("list failed");
  return { keys: response.body.data, raw: JSON.stringify(response.body) };
};

const revokeKey = (caller: ApiCaller, id: string) =>
  caller.call<{ revoked: boolean }>(apiKeyById.DELETE, {
    method: "DELETE",
    path: `/api/v1/api-keys/${id}`,
    params: { id },
  });

/** A caller with no cookies that presents the key, as a script would. */
function withKey(key: string) {
  const caller = new ApiCaller();
  return {
    call: <T>(handler: Parameters<ApiCaller["call"]>[0], options: CallOptions) =>
      caller.call<T>(handler, {
        ...options,
        origin: null,
        headers: { ...options.headers, authorization: `Bearer ${key}` },
      }),
  };
}

const listImages = (key: string) =>
  withKey(key).call<Image[]>(imageList.GET, { path: "/api/v1/images" });

async function generateWithSession(caller: ApiCaller, prompt: string): Promise<Image> {
  const response = await caller.call<{ image: Image }>(generate.POST, {
    method: "POST",
    path: "/api/v1/images/generate",
    body: { prompt },
  });
  expect(response.status).toBe(201);
  if (!response.body.success) throw new Error("generate failed");
  return response.body.data.image;
}

async function usedToday(caller: ApiCaller): Promise<number> {
  const me = await caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
  if (!me.body.success) throw new Error("profile failed");
  return me.body.data.quota.usedToday;
}

async function keyRowCount(userId: string): Promise<number> {
  const rows = await studio.database.query<{ n: number }>(
    "select count(*)::int as n from public.api_keys where user_id = $1",
    [userId],
  );
  return rows[0]?.n ?? 0;
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

describe("personal API keys", () => {
  it("creates a key whose read scope lists the owner's images, and nothing else's", async () => {
    const owner = await signedIn();
    const stranger = await signedIn();
    const mine = await generateWithSession(owner.caller, "a lighthouse at dusk");
    const theirs = await generateWithSession(stranger.caller, "a paper boat");

    const created = await newKey(owner.caller, ["images:read"]);
    expect(created.key).toMatch(/^ais_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({
      name: "Backup script",
      prefix: created.key.slice(4, 12),
      scopes: ["images:read"],
      lastUsedAt: null,
    });
    const expiresAt = Date.parse(created.apiKey.expiresAt ?? "");
    const createdAt = Date.parse(created.apiKey.createdAt);
    expect(Math.round((expiresAt - createdAt) / 86_400_000)).toBe(90);

    const listed = await listImages(created.key);
    expect(listed.status).toBe(200);
    expect(listed.body.success && listed.body.data.map((image) => image.id)).toEqual([mine.id]);

    const one = await withKey(created.key).call<{ image: Image }>(imageRoute.GET, {
      path: `/api/v1/images/${mine.id}`,
      params: { id: mine.id },
    });
    expect(one.status).toBe(200);
    const other = await withKey(created.key).call(imageRoute.GET, {
      path: `/api/v1/images/${theirs.id}`,
      params: { id: theirs.id },
    });
    expect(other.status).toBe(404);

    const { keys } = await listKeys(owner.caller);
    expect(keys).toHaveLength(1);
    expect(keys[0]?.lastUsedAt).not.toBeNull();
  });

  it("refuses to generate with a read-only key and spends no quota; a write key generates", async () => {
    const owner = await signedIn();
    const reader = await newKey(owner.caller, ["images:read"], "Reader");
    const writer = await newKey(owner.caller, ["images:write"], "Writer");
    const generateWith = (key: string) =>
      withKey(key).call<{ image: Image }>(generate.POST, {
        method: "POST",
        path: "/api/v1/images/generate",
        body: { prompt: "a fox in the snow" },
      });

    const refused = await generateWith(reader.key);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ success: false, error: { code: "FORBIDDEN" } });
    expect(await usedToday(owner.caller)).toBe(0);

    const made = await generateWith(writer.key);
    expect(made.status).toBe(201);
    expect(made.body.success && made.body.data.image.prompt).toBe("a fox in the snow");
    expect(await usedToday(owner.caller)).toBe(1);

    // A write-only key cannot read; reading needs images:read.
    expect((await listImages(writer.key)).status).toBe(403);
    const both = await newKey(owner.caller, ["images:write", "images:read"], "Both");
    expect(both.apiKey.scopes).toEqual(["images:read", "images:write"]);
    expect((await listImages(both.key)).status).toBe(200);
    const made2 = await withKey(both.key).call(collections.POST, {
      method: "POST",
      path: "/api/v1/gallery/collections",
      body: { name: "From a script" },
    });
    expect(made2.status).toBe(201);
    expect(
      (await withKey(both.key).call(timings.GET, { path: "/api/v1/generation/timings" })).status,
    ).toBe(200);
  });

  it("keeps even a key with every scope out of the account: settings, Gemini key, API keys, auth", async () => {
    const owner = await signedIn();
    const { key, apiKey } = await newKey(owner.caller, ["images:read", "images:write"]);
    const asKey = withKey(key);
    const attempts: [string, Promise<{ status: number; body: unknown }>][] = [
      ["GET /settings", asKey.call(settings.GET, { path: "/api/v1/settings" })],
      [
        "PATCH /settings",
        asKey.call(settings.PATCH, {
          method: "PATCH",
          path: "/api/v1/settings",
          body: { defaultQuality: "high" },
        }),
      ],
      [
        "PUT /settings/provider-key",
        asKey.call(providerKey.PUT, {
          method: "PUT",
          path: "/api/v1/settings/provider-key",
          body: { provider: "gemini", apiKey: "AIzaSomethingThatLooksLikeAKey000000000" },
        }),
      ],
      [
        "DELETE /settings/provider-key",
        asKey.call(providerKey.DELETE, { method: "DELETE", path: "/api/v1/settings/provider-key" }),
      ],
      ["GET /api-keys", asKey.call(apiKeysRoute.GET, { path: "/api/v1/api-keys" })],
      [
        "POST /api-keys",
        asKey.call(apiKeysRoute.POST, {
          method: "POST",
          path: "/api/v1/api-keys",
          body: { name: "Minted by a key", scopes: ["images:read"], expiresInDays: null },
        }),
      ],
      [
        "DELETE /api-keys/:id",
        asKey.call(apiKeyById.DELETE, {
          method: "DELETE",
          path: `/api/v1/api-keys/${apiKey.id}`,
          params: { id: apiKey.id },
        }),
      ],
      ["GET /auth/profile", asKey.call(profile.GET, { path: "/api/v1/auth/profile" })],
      [
        "PATCH /auth/profile",
        asKey.call(profile.PATCH, {
          method: "PATCH",
          path: "/api/v1/auth/profile",
          body: { name: "Renamed by a key" },
        }),
      ],
      [
        "POST /auth/logout",
        asKey.call(logout.POST, { method: "POST", path: "/api/v1/auth/logout" }),
      ],
    ];
    for (const [label, attempt] of attempts) {
      const response = await attempt;
      expect(response.status, label).toBe(403);
      expect(response.body, label).toMatchObject({
        success: false,
        error: { code: "FORBIDDEN", message: expect.stringMatching(/^API keys can only call/) },
      });
    }

    // Nothing changed: one key, the old name, the old settings, and the key still works.
    const { keys } = await listKeys(owner.caller);
    expect(keys.map((item) => item.id)).toEqual([apiKey.id]);
    const me = await owner.caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
    expect(me.body.success && me.body.data.user.name).toBe("Scripter");
    expect(me.body.success && me.body.data.settings.defaultQuality).toBe("standard");
    expect((await listImages(key)).status).toBe(200);
  });

  it("stops accepting a key once it is revoked or expired", async () => {
    const owner = await signedIn();
    const revoked = await newKey(owner.caller, ["images:read"], "Soon revoked");
    const expiring = await newKey(owner.caller, ["images:read"], "Soon expired");
    expect((await listImages(revoked.key)).status).toBe(200);

    const answer = await revokeKey(owner.caller, revoked.apiKey.id);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ success: true, data: { revoked: true } });
    const after = await listImages(revoked.key);
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ success: false, error: { code: "UNAUTHORIZED" } });
    expect((await revokeKey(owner.caller, revoked.apiKey.id)).status).toBe(404);

    await studio.database.query(
      "update public.api_keys set expires_at = now() - interval '1 minute' where id = $1",
      [expiring.apiKey.id],
    );
    expect((await listImages(expiring.key)).status).toBe(401);

    // The list keeps the expired key (so it can be revoked) and drops the revoked one.
    const { keys } = await listKeys(owner.caller);
    expect(keys.map((item) => item.id)).toEqual([expiring.apiKey.id]);
  });

  it("answers 404 when another user revokes your key id, and the key keeps working", async () => {
    const owner = await signedIn();
    const intruder = await signedIn();
    const { key, apiKey } = await newKey(owner.caller, ["images:read"]);

    const attempt = await revokeKey(intruder.caller, apiKey.id);
    expect(attempt.status).toBe(404);
    expect(attempt.body).toMatchObject({ success: false, error: { code: "NOT_FOUND" } });
    expect((await revokeKey(intruder.caller, crypto.randomUUID())).status).toBe(404);
    expect((await listImages(key)).status).toBe(200);
    expect((await listKeys(intruder.caller)).keys).toEqual([]);
    expect((await listKeys(owner.caller)).keys.map((item) => item.id)).toEqual([apiKey.id]);
  });

  it("refuses bad input with VALIDATION_ERROR and creates nothing", async () => {
    const owner = await signedIn();
    const bodies: [string, unknown][] = [
      ["empty scopes", { name: "Script", scopes: [], expiresInDays: 30 }],
      ["61-character name", { name: "n".repeat(61), scopes: ["images:read"], expiresInDays: 30 }],
      ["blank name", { name: "   ", scopes: ["images:read"], expiresInDays: 30 }],
      ["unknown scope", { name: "Script", scopes: ["admin:all"], expiresInDays: 30 }],
      [
        "repeated scope",
        { name: "Script", scopes: ["images:read", "images:read"], expiresInDays: 30 },
      ],
      ["odd expiry", { name: "Script", scopes: ["images:read"], expiresInDays: 7 }],
      ["missing expiry", { name: "Script", scopes: ["images:read"] }],
      ["unknown field", { name: "Script", scopes: ["images:read"], expiresInDays: null, x: 1 }],
    ];
    for (const [label, body] of bodies) {
      const response = await createKey(owner.caller, body);
      expect(response.status, label).toBe(400);
      expect(response.body, label).toMatchObject({
        success: false,
        error: { code: "VALIDATION_ERROR" },
      });
    }
    expect(await keyRowCount(owner.user.id)).toBe(0);

    const sixty = await createKey(owner.caller, {
      name: ` ${"n".repeat(60)} `,
      scopes: ["images:read"],
      expiresInDays: null,
    });
    expect(sixty.status).toBe(201);
    expect(sixty.body.success && sixty.body.data.apiKey).toMatchObject({
      name: "n".repeat(60),
      expiresAt: null,
    });
  });

  it("refuses the 11th key with CONFLICT, and allows one again after a revoke", async () => {
    const owner = await signedIn();
    const made: CreatedApiKey[] = [];
    for (let index = 1; index <= 10; index += 1) {
      made.push(await newKey(owner.caller, ["images:read"], `Key ${index}`));
    }
    const eleventh = await createKey(owner.caller, {
      name: "Key 11",
      scopes: ["images:read"],
      expiresInDays: 30,
    });
    expect(eleventh.status).toBe(409);
    expect(eleventh.body).toMatchObject({
      success: false,
      error: { code: "CONFLICT", details: { limit: 10 } },
    });
    expect(await keyRowCount(owner.user.id)).toBe(10);

    const { keys } = await listKeys(owner.caller);
    expect(keys.map((item) => item.name)).toEqual(made.map((item) => item.apiKey.name).reverse());

    expect((await revokeKey(owner.caller, made[0]!.apiKey.id)).status).toBe(200);
    expect((await newKey(owner.caller, ["images:read"], "Key 11")).apiKey.name).toBe("Key 11");
  });

  it("never lets concurrent creates go past 10 keys", async () => {
    const owner = await signedIn();
    const answers = await Promise.all(
      Array.from({ length: 13 }, (_, index) =>
        createKey(owner.caller, {
          name: `Parallel ${index}`,
          scopes: ["images:read"],
          expiresInDays: null,
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(3);
    expect(await keyRowCount(owner.user.id)).toBe(10);
  });

  it("shows the full key once, in the create answer; stores, lists and audits only its hash or prefix", async () => {
    const owner = await signedIn();
    const response = await createKey(owner.caller, {
      name: "Once",
      scopes: ["images:read", "images:write"],
      expiresInDays: 365,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    if (!response.body.success) throw new Error("create failed");
    const { key, apiKey } = response.body.data;
    const hash = sha256(key);
    const created = JSON.stringify(response.body);
    expect(created).toContain(key);
    expect(created).not.toContain(hash);
    expect(Object.keys(apiKey).sort()).toEqual(
      ["createdAt", "expiresAt", "id", "lastUsedAt", "name", "prefix", "scopes"].sort(),
    );

    const { raw } = await listKeys(owner.caller);
    expect(raw).not.toContain(key);
    expect(raw).not.toContain(key.slice(4));
    expect(raw).not.toContain(hash);
    expect(raw).toContain(apiKey.prefix);

    const revoked = await revokeKey(owner.caller, apiKey.id);
    expect(JSON.stringify(revoked.body)).not.toContain(hash);

    const [row] = await studio.database.query<Record<string, unknown>>(
      "select * from public.api_keys where id = $1",
      [apiKey.id],
    );
    expect(row?.key_hash).toBe(hash);
    expect(JSON.stringify(row)).not.toContain(key.slice(4));

    const audits = await studio.database.query<{ action: string; metadata: unknown }>(
      "select action, metadata from public.audit_logs where actor_id = $1 and action like 'api_key.%' order by created_at",
      [owner.user.id],
    );
    expect(audits.map((entry) => entry.action)).toEqual(["api_key.create", "api_key.revoke"]);
    const audited = JSON.stringify(audits);
    expect(audited).not.toContain(key.slice(4));
    expect(audited).not.toContain(hash);
  });
});
