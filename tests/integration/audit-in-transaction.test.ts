import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiKeyById from "@/app/api/v1/api-keys/[id]/route";
import * as apiKeysRoute from "@/app/api/v1/api-keys/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as imageRoute from "@/app/api/v1/images/[id]/route";
import * as bulk from "@/app/api/v1/images/bulk/route";
import * as providerKey from "@/app/api/v1/settings/provider-key/route";
import * as settings from "@/app/api/v1/settings/route";
import type { ApiKey, CreatedApiKey, Profile, Settings } from "@/shared/api-types";
import type { ApiResponse } from "../support/api-caller";
import { failWrites } from "../support/database-faults";
import {
  FAKE_GEMINI_KEY,
  startFakeGeminiServer,
  type FakeGeminiServer,
} from "../support/fake-gemini-server";
import { seedImagesWithFiles } from "../support/seed-image-files";
import { signUp, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
let gemini: FakeGeminiServer;

beforeAll(async () => {
  gemini = await startFakeGeminiServer();
  studio = await startTestStudio({
    GEMINI_API_BASE_URL: gemini.url,
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
  });
});
afterAll(async () => {
  await studio?.dispose();
  await gemini?.close();
});

const dataOf = <T>(response: ApiResponse<unknown>): T => {
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return response.body.data as T;
};
const profileOf = async (owner: SignedUp) =>
  dataOf<Profile>(await owner.caller.call(profile.GET, { path: "/api/v1/auth/profile" }));
const keysOf = async (owner: SignedUp) =>
  dataOf<ApiKey[]>(await owner.caller.call(apiKeysRoute.GET, { path: "/api/v1/api-keys" }));
const saveGeminiKey = (owner: SignedUp) =>
  owner.caller.call(providerKey.PUT, {
    method: "PUT",
    path: "/api/v1/settings/provider-key",
    body: { provider: "gemini", apiKey: FAKE_GEMINI_KEY },
  });
async function imagesExist(ids: string[]): Promise<boolean[]> {
  const rows = await studio.database.query<{ id: string }>(
    "select id from public.images where id = any($1::uuid[])",
    [ids],
  );
  return ids.map((id) => rows.some((row) => row.id === id));
}
async function filesExist(ids: string[]): Promise<boolean> {
  const rows = await studio.database.query<{ storage_key: string }>(
    "select storage_key from public.images where id = any($1::uuid[])",
    [ids],
  );
  const files = await Promise.all(
    rows.map((row) => studio.services.objectStore.get(`${row.storage_key}/original.webp`)),
  );
  return files.length === ids.length && files.every((file) => file !== null);
}

/** One change a route asks a service for, and how to tell whether it happened. */
interface AuditedChange {
  name: string;
  action: string;
  /** The table the change writes, and how (for the fault that makes the change itself fail). */
  writes: { table: string; operation: "INSERT" | "UPDATE" | "DELETE" };
  prepare(owner: SignedUp): Promise<Record<string, string[]>>;
  request(owner: SignedUp, fixture: Record<string, string[]>): Promise<ApiResponse<unknown>>;
  happened(owner: SignedUp, fixture: Record<string, string[]>): Promise<boolean>;
}

const changes: AuditedChange[] = [
  {
    name: "PATCH /settings",
    action: "settings.update",
    writes: { table: "user_settings", operation: "UPDATE" },
    prepare: async () => ({}),
    request: (owner) =>
      owner.caller.call(settings.PATCH, {
        method: "PATCH",
        path: "/api/v1/settings",
        body: { defaultQuality: "high" },
      }),
    happened: async (owner) =>
      dataOf<Settings>(await owner.caller.call(settings.GET, { path: "/api/v1/settings" }))
        .defaultQuality === "high",
  },
  {
    name: "PATCH /auth/profile",
    action: "profile.update",
    writes: { table: "profiles", operation: "UPDATE" },
    prepare: async () => ({}),
    request: (owner) =>
      owner.caller.call(profile.PATCH, {
        method: "PATCH",
        path: "/api/v1/auth/profile",
        body: { name: "Renamed" },
      }),
    happened: async (owner) => (await profileOf(owner)).user.name === "Renamed",
  },
  {
    name: "POST /api-keys",
    action: "api_key.create",
    writes: { table: "api_keys", operation: "INSERT" },
    prepare: async () => ({}),
    request: (owner) =>
      owner.caller.call(apiKeysRoute.POST, {
        method: "POST",
        path: "/api/v1/api-keys",
        body: { name: "Audited", scopes: ["images:read"], expiresInDays: null },
      }),
    happened: async (owner) => (await keysOf(owner)).length === 1,
  },
  {
    name: "DELETE /api-keys/:id",
    action: "api_key.revoke",
    writes: { table: "api_keys", operation: "UPDATE" },
    async prepare(owner) {
      const created = dataOf<CreatedApiKey>(
        await owner.caller.call(apiKeysRoute.POST, {
          method: "POST",
          path: "/api/v1/api-keys",
          body: { name: "Soon revoked", scopes: ["images:read"], expiresInDays: null },
        }),
      );
      return { key: [created.apiKey.id] };
    },
    request: (owner, { key }) =>
      owner.caller.call(apiKeyById.DELETE, {
        method: "DELETE",
        path: `/api/v1/api-keys/${key![0]}`,
        params: { id: key![0]! },
      }),
    happened: async (owner) => (await keysOf(owner)).length === 0,
  },
  {
    name: "PUT /settings/provider-key",
    action: "provider_key.save",
    writes: { table: "provider_keys", operation: "INSERT" },
    prepare: async () => ({}),
    request: (owner) => saveGeminiKey(owner),
    happened: async (owner) => (await profileOf(owner)).providerKey !== null,
  },
  {
    name: "DELETE /settings/provider-key",
    action: "provider_key.delete",
    writes: { table: "provider_keys", operation: "DELETE" },
    async prepare(owner) {
      expect((await saveGeminiKey(owner)).status).toBe(200);
      return {};
    },
    request: (owner) =>
      owner.caller.call(providerKey.DELETE, {
        method: "DELETE",
        path: "/api/v1/settings/provider-key",
      }),
    happened: async (owner) => (await profileOf(owner)).providerKey === null,
  },
  {
    name: "DELETE /images/:id",
    action: "image.delete",
    writes: { table: "images", operation: "DELETE" },
    prepare: async (owner) => ({
      images: await seedImagesWithFiles(studio, { userId: owner.user.id, count: 1 }),
    }),
    request: (owner, { images }) =>
      owner.caller.call(imageRoute.DELETE, {
        method: "DELETE",
        path: `/api/v1/images/${images![0]}`,
        params: { id: images![0]! },
      }),
    happened: async (_owner, { images }) => !(await imagesExist(images!)).some(Boolean),
  },
  {
    name: "POST /images/bulk (delete)",
    action: "image.delete",
    writes: { table: "images", operation: "DELETE" },
    prepare: async (owner) => ({
      images: await seedImagesWithFiles(studio, { userId: owner.user.id, count: 3 }),
    }),
    request: (owner, { images }) =>
      owner.caller.call(bulk.POST, {
        method: "POST",
        path: "/api/v1/images/bulk",
        body: { action: "delete", imageIds: images },
      }),
    happened: async (_owner, { images }) => !(await imagesExist(images!)).some(Boolean),
  },
];

async function auditRows(actorId: string, action: string) {
  return studio.database.query<{ request_id: string; ip: string | null }>(
    "select request_id, ip from public.audit_logs where actor_id = $1 and action = $2",
    [actorId, action],
  );
}

describe("services write their audit entry in the transaction of the change", () => {
  it.each(changes)(
    "$name: when the audit entry cannot be written, the change is rolled back (500), and goes through with its entry once it can",
    async (change) => {
      const owner = await signUp("audit-rollback");
      const fixture = await change.prepare(owner);
      const restore = await failWrites(studio.database, {
        table: "audit_logs",
        operation: "INSERT",
        when: `new.action = '${change.action}'`,
      });
      let refused: ApiResponse<unknown>;
      try {
        refused = await change.request(owner, fixture);
      } finally {
        await restore();
      }
      expect(refused.status).toBe(500);
      expect(refused.body).toMatchObject({ success: false, error: { code: "INTERNAL_ERROR" } });
      expect(await change.happened(owner, fixture)).toBe(false);
      if (fixture.images) expect(await filesExist(fixture.images)).toBe(true);
      const pending = await studio.database.query(
        "select key from public.pending_file_removals where key like $1",
        [`${owner.user.id}/%`],
      );
      expect(pending).toEqual([]);
      expect(await auditRows(owner.user.id, change.action)).toEqual([]);

      const accepted = await change.request(owner, fixture);
      expect(accepted.status).toBeLessThan(300);
      expect(await change.happened(owner, fixture)).toBe(true);
      const entries = await auditRows(owner.user.id, change.action);
      expect(entries).toHaveLength(1);
      expect(entries[0]!.request_id).toBe(accepted.headers.get("x-request-id"));
    },
  );

  it.each(changes)(
    "$name: when the change itself fails, no audit entry is left behind",
    async (change) => {
      const owner = await signUp("audit-change-fails");
      const fixture = await change.prepare(owner);
      const restore = await failWrites(studio.database, change.writes);
      let refused: ApiResponse<unknown>;
      try {
        refused = await change.request(owner, fixture);
      } finally {
        await restore();
      }
      expect(refused.status).toBe(500);
      expect(await change.happened(owner, fixture)).toBe(false);
      expect(await auditRows(owner.user.id, change.action)).toEqual([]);
    },
  );
});
