import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as adminAudit from "@/app/api/v1/admin/audit/route";
import * as adminUserById from "@/app/api/v1/admin/users/[id]/route";
import * as adminUsers from "@/app/api/v1/admin/users/route";
import * as apiKeysRoute from "@/app/api/v1/api-keys/route";
import * as login from "@/app/api/v1/auth/login/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as refresh from "@/app/api/v1/auth/refresh/route";
import * as imageList from "@/app/api/v1/images/route";
import type { AdminAuditEntry, AdminUser, CreatedApiKey, Session, User } from "@/shared/api-types";
import { ApiCaller } from "../support/api-caller";
import { seedImageRows } from "../support/seed-images";
import { signUp, TEST_PASSWORD, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
let admin: SignedUp;

beforeAll(async () => {
  studio = await startTestStudio({ AUTH_RATE_LIMIT_PER_MINUTE: "1000" });
  admin = await signUp("admin-users-admin", "Ada Admin");
  await studio.database.query("update public.profiles set role = 'admin' where id = $1", [
    admin.user.id,
  ]);
});
afterAll(async () => {
  await studio?.dispose();
});

const listUsers = (query: string, caller = admin.caller) =>
  caller.call<AdminUser[]>(adminUsers.GET, { path: `/api/v1/admin/users${query}` });
const patchUser = (id: string, body: unknown, caller = admin.caller) =>
  caller.call<{ user: AdminUser }>(adminUserById.PATCH, {
    method: "PATCH",
    path: `/api/v1/admin/users/${id}`,
    params: { id },
    body,
  });
const auditRows = (targetId: string) =>
  studio.database.query<{ action: string; actor_id: string; metadata: Record<string, unknown> }>(
    "select action, actor_id, metadata from public.audit_logs where target_id = $1 and action = 'admin.user_update' order by created_at",
    [targetId],
  );
const loginAs = (email: string) =>
  new ApiCaller().call<{ user: User; session: Session }>(login.POST, {
    method: "POST",
    path: "/api/v1/auth/login",
    body: { email, password: TEST_PASSWORD },
  });

describe("GET /admin/users", () => {
  it("searches email and name in any case, pages without repeats, and shows usage and storage", async () => {
    const tag = `zeta${Date.now()}`;
    const people: SignedUp[] = [];
    for (let i = 0; i < 5; i++) people.push(await signUp(`${tag}-p${i}`, `Person ${i}`));
    const named = await signUp("someone-else", `Mx ${tag.toUpperCase()} Named`);
    await seedImageRows(studio.database, { userId: people[0]!.user.id, count: 3 });
    // What each image's stored files take (original and thumbnails), as generation records it.
    await studio.database.query("update public.images set total_bytes = 12345 where user_id = $1", [
      people[0]!.user.id,
    ]);
    await studio.database.query(
      "insert into public.quota_counters (user_id, day_start, day_used, month_start, month_used) values ($1, (now() at time zone 'utc')::date, 2, date_trunc('month', now() at time zone 'utc')::date, 7)",
      [people[0]!.user.id],
    );

    const seen: AdminUser[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?q=${tag.toUpperCase()}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const response = await listUsers(query);
      expect(response.status).toBe(200);
      if (!response.body.success) throw new Error(JSON.stringify(response.body));
      seen.push(...response.body.data);
      cursor = response.body.meta.pagination?.nextCursor ?? null;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    const ids = seen.map((user) => user.id);
    expect(new Set(ids).size).toBe(6);
    expect(ids.sort()).toEqual([...people, named].map((p) => p.user.id).sort());

    const first = seen.find((user) => user.id === people[0]!.user.id)!;
    const [bytes] = await studio.database.query<{ total: string }>(
      "select coalesce(sum(total_bytes), 0)::text as total from public.images where user_id = $1",
      [people[0]!.user.id],
    );
    expect(first).toMatchObject({
      role: "user",
      tier: "free",
      suspended: false,
      dailyLimit: null,
      monthlyLimit: null,
      usage: { generationsToday: 2, generationsThisMonth: 7, images: 3 },
      storageBytes: Number(bytes!.total),
    });
    expect(first.storageBytes).toBe(3 * 12345);

    // A `%` is a character, not a wildcard.
    const literal = await listUsers("?q=%25");
    expect(literal.body.success && literal.body.data).toEqual([]);
  });

  it("refuses a forged cursor", async () => {
    const response = await listUsers("?cursor=abc.def");
    expect(response.status).toBe(400);
  });
});

describe("PATCH /admin/users/:id", () => {
  it("maps roles onto role and tier, sets and clears limits, and audits before and after", async () => {
    const person = await signUp("admin-patch");
    const id = person.user.id;
    let response = await patchUser(id, { role: "supporter", dailyLimit: 5, monthlyLimit: 40 });
    expect(response.status).toBe(200);
    expect(response.body.success && response.body.data.user).toMatchObject({
      role: "user",
      tier: "supporter",
      dailyLimit: 5,
      monthlyLimit: 40,
    });
    const quota = await person.caller.call<{ quota: { dailyLimit: number } }>(profile.GET, {
      path: "/api/v1/auth/profile",
    });
    expect(quota.body.success && quota.body.data.quota.dailyLimit).toBe(5);

    response = await patchUser(id, { role: "admin", dailyLimit: null });
    expect(response.body.success && response.body.data.user).toMatchObject({
      role: "admin",
      tier: "supporter",
      dailyLimit: null,
    });
    response = await patchUser(id, { role: "user" });
    expect(response.body.success && response.body.data.user).toMatchObject({
      role: "user",
      tier: "free",
    });

    const rows = await auditRows(id);
    expect(rows.map((row) => row.metadata)).toEqual([
      {
        before: { tier: "free", dailyLimit: null, monthlyLimit: null },
        after: { tier: "supporter", dailyLimit: 5, monthlyLimit: 40 },
      },
      { before: { role: "user", dailyLimit: 5 }, after: { role: "admin", dailyLimit: null } },
      { before: { role: "admin", tier: "supporter" }, after: { role: "user", tier: "free" } },
    ]);
    expect(rows.every((row) => row.actor_id === admin.user.id)).toBe(true);

    // Nothing changes: no audit entry.
    await patchUser(id, { role: "user" });
    expect(await auditRows(id)).toHaveLength(3);
  });

  it("answers 404 for an unknown id and 400 for a bad body", async () => {
    const unknown = "4e0c7d5e-0000-4000-8000-000000000000";
    expect((await patchUser(unknown, { suspended: true })).status).toBe(404);
    expect((await patchUser(admin.user.id, {})).status).toBe(400);
    expect((await patchUser(admin.user.id, { role: "owner" })).status).toBe(400);
    expect((await patchUser(admin.user.id, { dailyLimit: -1 })).status).toBe(400);
    expect((await patchUser(admin.user.id, { extra: 1 })).status).toBe(400);
  });

  it("refuses an admin's own suspension or demotion with 409, changing nothing", async () => {
    for (const body of [{ suspended: true }, { role: "user" }, { role: "supporter" }]) {
      const response = await patchUser(admin.user.id, body);
      expect(response.status).toBe(409);
      expect(!response.body.success && response.body.error.details).toEqual({ reason: "SELF" });
    }
    expect(await auditRows(admin.user.id)).toHaveLength(0);
    // Their own limits are theirs to set.
    expect((await patchUser(admin.user.id, { dailyLimit: 9 })).status).toBe(200);
  });
});

describe("suspension", () => {
  it("refuses the session, access token, refresh, API key and login with SUSPENDED; restore lifts it", async () => {
    const person = await signUp("admin-suspend");
    const key = await person.caller.call<CreatedApiKey>(apiKeysRoute.POST, {
      method: "POST",
      path: "/api/v1/api-keys",
      body: { name: "script", scopes: ["images:read"], expiresInDays: null },
    });
    if (!key.body.success) throw new Error("key");
    const apiKey = key.body.data.key;
    const bearer = new ApiCaller();
    const withToken = { authorization: `Bearer ${person.session.accessToken}` };
    const withKey = { authorization: `Bearer ${apiKey}` };
    // The session is remembered by this instance before the suspension.
    expect((await person.caller.call(profile.GET, { path: "/api/v1/auth/profile" })).status).toBe(
      200,
    );

    const suspended = await patchUser(person.user.id, { suspended: true });
    expect(suspended.body.success && suspended.body.data.user.suspended).toBe(true);
    const [audit] = await auditRows(person.user.id);
    expect(audit!.metadata).toMatchObject({
      before: { suspended: false },
      after: { suspended: true },
      sessionsEnded: 1,
    });

    const refusals = [
      await person.caller.call(profile.GET, { path: "/api/v1/auth/profile" }),
      await bearer.call(profile.GET, { path: "/api/v1/auth/profile", headers: withToken }),
      await bearer.call(imageList.GET, { path: "/api/v1/images", headers: withKey }),
      await loginAs(person.email),
      await new ApiCaller().call(refresh.POST, {
        method: "POST",
        path: "/api/v1/auth/refresh",
        body: { refreshToken: person.session.refreshToken },
      }),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(401);
      expect(!response.body.success && response.body.error).toMatchObject({
        code: "UNAUTHORIZED",
        details: { reason: "SUSPENDED" },
      });
    }
    expect(!refusals[3]!.body.success && refusals[3]!.body.error.message).toMatch(/suspended/i);
    // A wrong password learns nothing about the suspension.
    const wrong = await new ApiCaller().call(login.POST, {
      method: "POST",
      path: "/api/v1/auth/login",
      body: { email: person.email, password: "not the password" },
    });
    expect(wrong.status).toBe(401);
    expect(!wrong.body.success && wrong.body.error.details).toBeUndefined();

    await patchUser(person.user.id, { suspended: false });
    // The ended sessions stay ended; the key and a new sign-in work again.
    expect(
      (await bearer.call(imageList.GET, { path: "/api/v1/images", headers: withKey })).status,
    ).toBe(200);
    const again = await loginAs(person.email);
    expect(again.status).toBe(200);
    expect(
      (
        await bearer.call(profile.GET, {
          path: "/api/v1/auth/profile",
          headers: {
            authorization: `Bearer ${again.body.success && again.body.data.session.accessToken}`,
          },
        })
      ).status,
    ).toBe(200);
    const rows = await auditRows(person.user.id);
    expect(rows.at(-1)!.metadata).toEqual({
      before: { suspended: true },
      after: { suspended: false },
    });
  });
});

describe("DELETE /admin/users/:id", () => {
  it("deletes the account through the account-deletion path, audited with the admin as actor", async () => {
    const person = await signUp("admin-delete");
    await seedImageRows(studio.database, { userId: person.user.id, count: 2 });
    const removed = await admin.caller.call<{ deleted: boolean; imagesDeleted: number }>(
      adminUserById.DELETE,
      {
        method: "DELETE",
        path: `/api/v1/admin/users/${person.user.id}`,
        params: { id: person.user.id },
      },
    );
    expect(removed.status).toBe(200);
    expect(removed.body.success && removed.body.data).toEqual({ deleted: true, imagesDeleted: 2 });

    const [left] = await studio.database.query<{ profiles: number; images: number }>(
      "select (select count(*) from public.profiles where id = $1)::int as profiles, (select count(*) from public.images where user_id = $1)::int as images",
      [person.user.id],
    );
    expect(left).toEqual({ profiles: 0, images: 0 });
    const entries = await studio.database.query<{ actor_id: string; metadata: unknown }>(
      "select actor_id, metadata from public.audit_logs where action = 'admin.user_delete' and target_id = $1",
      [person.user.id],
    );
    expect(entries).toEqual([{ actor_id: admin.user.id, metadata: { images: 2 } }]);
    // Their session is gone with them; the admin's own is untouched.
    expect((await person.caller.call(profile.GET, { path: "/api/v1/auth/profile" })).status).toBe(
      401,
    );
    expect((await admin.caller.call(profile.GET, { path: "/api/v1/auth/profile" })).status).toBe(
      200,
    );
    // Gone: 404 now.
    const again = await admin.caller.call(adminUserById.DELETE, {
      method: "DELETE",
      path: `/api/v1/admin/users/${person.user.id}`,
      params: { id: person.user.id },
    });
    expect(again.status).toBe(404);
  });

  it("refuses an admin's own deletion with 409", async () => {
    const response = await admin.caller.call(adminUserById.DELETE, {
      method: "DELETE",
      path: `/api/v1/admin/users/${admin.user.id}`,
      params: { id: admin.user.id },
    });
    expect(response.status).toBe(409);
    expect(!response.body.success && response.body.error.details).toEqual({ reason: "SELF" });
  });
});

describe("GET /admin/audit", () => {
  it("filters by actor, action, target and dates, pages, and exports CSV safely", async () => {
    const person = await signUp("audit-target");
    await patchUser(person.user.id, { dailyLimit: 3 });
    await patchUser(person.user.id, { dailyLimit: 4 });
    await patchUser(person.user.id, { dailyLimit: 5 });
    // An entry with text a spreadsheet would run.
    await studio.database.query(
      `insert into public.audit_logs (actor_id, action, target_type, target_id, user_agent, metadata) values ($1, 'admin.user_update', 'user', $2, '=HYPERLINK("http://evil")', '{"note": "a \\"quote\\", and, commas"}')`,
      [admin.user.id, person.user.id],
    );
    const get = (query: string) =>
      admin.caller.call<AdminAuditEntry[]>(adminAudit.GET, { path: `/api/v1/admin/audit${query}` });

    const byTarget = await get(`?target=${person.user.id}&limit=3`);
    expect(byTarget.status).toBe(200);
    if (!byTarget.body.success) throw new Error("audit");
    expect(byTarget.body.data).toHaveLength(3);
    expect(byTarget.body.data[0]!.actorEmail).toBe(admin.email);
    const next = byTarget.body.meta.pagination!.nextCursor!;
    const second = await get(
      `?target=${person.user.id}&limit=3&cursor=${encodeURIComponent(next)}`,
    );
    expect(second.body.success && second.body.data).toHaveLength(1);
    expect(second.body.meta.pagination?.hasMore).toBe(false);

    const byActorEmail = await get(
      `?actor=${encodeURIComponent(admin.email.toUpperCase())}&action=admin.&target=${person.user.id}`,
    );
    expect(byActorEmail.body.success && byActorEmail.body.data).toHaveLength(4);
    const byActorId = await get(`?actor=${person.user.id}&action=auth.register`);
    expect(byActorId.body.success && byActorId.body.data.map((e) => e.action)).toEqual([
      "auth.register",
    ]);
    const today = new Date().toISOString().slice(0, 10);
    const inRange = await get(`?target=${person.user.id}&from=${today}&to=${today}`);
    expect(inRange.body.success && inRange.body.data).toHaveLength(4);
    const before = await get(`?target=${person.user.id}&to=2020-01-01`);
    expect(before.body.success && before.body.data).toHaveLength(0);
    expect((await get("?from=yesterday")).status).toBe(400);

    const csv = await admin.caller.raw(adminAudit.GET, {
      path: `/api/v1/admin/audit?format=csv&target=${person.user.id}`,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-/);
    const text = await csv.text();
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      '"created_at","action","actor_id","actor_email","target_type","target_id","ip","user_agent","request_id","metadata"',
    );
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain(`"{""note"":""a \\""quote\\"", and, commas""}"`);
  });
});
