import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as settingsRoute from "@/app/api/v1/admin/settings/route";
import * as profileRoute from "@/app/api/v1/auth/profile/route";
import * as register from "@/app/api/v1/auth/register/route";
import * as generate from "@/app/api/v1/images/generate/route";
import { promoteConfiguredAdmins, setAdminRole, systemAuditContext } from "@/server/admin/admins";
import { createSystemSettingsService, settingsDefaultsOf } from "@/server/admin/system-settings";
import { applyMigrations } from "@/server/db/migrate";
import { openPgliteDatabase } from "@/server/db/pglite-database";
import { auditLogs, profiles } from "@/server/db/schema";
import type { Profile, Session, User } from "@/shared/api-types";
import type { SystemSettings } from "@/shared/system-settings";
import { runAdminCommand } from "../../scripts/admin";
import { ApiCaller } from "../support/api-caller";
import { awayFromWindowEdge } from "../support/rate-window";
import { signUp, TEST_PASSWORD, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

// Runs on PGlite and memory KV, or on the PostgreSQL server and Redis when TEST_DATABASE_URL
// and REDIS_URL are set.
const LISTED_ADMIN = `listed-admin-${Date.now()}@example.com`;
let studio: TestStudio;
let admin: SignedUp;
let person: SignedUp;

beforeAll(async () => {
  studio = await startTestStudio({
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    DAILY_GENERATION_LIMIT: "50",
    ADMIN_EMAILS: ` ${LISTED_ADMIN.toUpperCase()} , someone-else@example.com`,
  });
  admin = await signUp("settings-admin");
  await studio.database.query("update public.profiles set role = 'admin' where id = $1", [
    admin.user.id,
  ]);
  person = await signUp("settings-person");
});
afterAll(async () => {
  await studio?.dispose();
});

const readSettings = (caller: ApiCaller) =>
  caller.call<SystemSettings>(settingsRoute.GET, { path: "/api/v1/admin/settings" });
const patchSettings = (caller: ApiCaller, body: unknown) =>
  caller.call<SystemSettings>(settingsRoute.PATCH, {
    method: "PATCH",
    path: "/api/v1/admin/settings",
    body,
  });
async function changeSettings(body: Partial<SystemSettings>) {
  const response = await patchSettings(admin.caller, body);
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return response.body.data;
}
const registerAs = (email: string) =>
  new ApiCaller().call<{ user: User; session: Session }>(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: { email, password: TEST_PASSWORD, name: "New Person" },
  });
const readProfile = async (caller: ApiCaller) => {
  const response = await caller.call<Profile>(profileRoute.GET, { path: "/api/v1/auth/profile" });
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return response.body.data;
};

describe("system settings service", () => {
  it("keeps what it read for the cache period: another instance's change is seen once it ends", async () => {
    let clock = 1_000_000;
    const make = () =>
      createSystemSettingsService({
        db: studio.database.db,
        defaults: () => settingsDefaultsOf(studio.config),
        cacheMs: 5000,
        now: () => clock,
      });
    // Two app instances sharing one database.
    const first = make();
    const second = make();
    const before = await second.get();
    expect(before.maintenanceMessage).toBeNull();

    const written = await first.update({
      actorId: admin.user.id,
      patch: { maintenanceMessage: "Back at five" },
      audit: systemAuditContext("settings-test"),
    });
    expect(written.maintenanceMessage).toBe("Back at five");
    // The instance that wrote it sees it at once; the other still has its copy.
    expect((await first.get()).maintenanceMessage).toBe("Back at five");
    clock += 4999;
    expect((await second.get()).maintenanceMessage).toBeNull();
    clock += 2;
    expect((await second.get()).maintenanceMessage).toBe("Back at five");

    await first.update({
      actorId: admin.user.id,
      patch: { maintenanceMessage: null },
      audit: systemAuditContext("settings-test"),
    });
    clock += 5001;
    expect((await second.get()).maintenanceMessage).toBeNull();
  });

  it("takes the environment as defaults until a setting is stored, and ignores a broken row", async () => {
    const settings = await studio.services.systemSettings.get();
    expect(settings).toMatchObject({
      registration: "open",
      defaultDailyLimit: 50,
      defaultMonthlyLimit: studio.config.limits.monthlyGenerations,
      requireEmailVerification: false,
      privateImageRetentionDays: null,
      auditRetentionDays: 365,
      moderationPhrases: [],
    });
    await studio.database.query(
      `insert into public.system_settings (key, value) values ('defaultMonthlyLimit', '"lots"')`,
    );
    const service = createSystemSettingsService({
      db: studio.database.db,
      defaults: () => settingsDefaultsOf(studio.config),
      cacheMs: 0,
    });
    expect((await service.get()).defaultMonthlyLimit).toBe(studio.config.limits.monthlyGenerations);
    await studio.database.query(
      `delete from public.system_settings where key = 'defaultMonthlyLimit'`,
    );
  });
});

describe("GET and PATCH /api/v1/admin/settings", () => {
  it("answers admins, and no one else (404 as for an unknown endpoint)", async () => {
    const read = await readSettings(admin.caller);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ success: true, data: { registration: "open" } });
    for (const caller of [person.caller, new ApiCaller()]) {
      expect((await readSettings(caller)).status).toBe(404);
      const refused = await patchSettings(caller, { registration: "closed" });
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
    expect((await studio.services.systemSettings.get()).registration).toBe("open");
  });

  it("audits each change with its old and new value, in the change's transaction", async () => {
    const saved = await changeSettings({
      defaultMonthlyLimit: 700,
      moderationPhrases: ["Glass Owl", "glass owl "],
    });
    expect(saved.defaultMonthlyLimit).toBe(700);
    // Trimmed, lower-cased, duplicates dropped.
    expect(saved.moderationPhrases).toEqual(["glass owl"]);
    const [entry] = await studio.database.db
      .select()
      .from(auditLogs)
      .where(
        and(eq(auditLogs.action, "admin.settings_update"), eq(auditLogs.actorId, admin.user.id)),
      )
      .orderBy(desc(auditLogs.createdAt))
      .limit(1);
    expect(entry?.metadata).toEqual({
      fields: ["defaultMonthlyLimit", "moderationPhrases"],
      changes: {
        defaultMonthlyLimit: { from: studio.config.limits.monthlyGenerations, to: 700 },
        moderationPhrases: { from: [], to: ["glass owl"] },
      },
    });
    // Sending the same values again changes nothing and writes no entry.
    const count = async () =>
      (
        await studio.database.db
          .select()
          .from(auditLogs)
          .where(eq(auditLogs.action, "admin.settings_update"))
      ).length;
    const before = await count();
    await changeSettings({ defaultMonthlyLimit: 700 });
    expect(await count()).toBe(before);
    await changeSettings({
      defaultMonthlyLimit: studio.config.limits.monthlyGenerations,
      moderationPhrases: [],
    });
  });

  it("refuses what its schema does not allow (VALIDATION_ERROR naming the field)", async () => {
    for (const [body, field] of [
      [{}, ""],
      [{ registration: "sometimes" }, "registration"],
      [{ defaultDailyLimit: -1 }, "defaultDailyLimit"],
      [{ defaultDailyLimit: 2.5 }, "defaultDailyLimit"],
      [{ privateImageRetentionDays: 3 }, "privateImageRetentionDays"],
      [{ auditRetentionDays: 29 }, "auditRetentionDays"],
      [{ auditRetentionDays: null }, "auditRetentionDays"],
      [{ maintenanceMessage: "x".repeat(281) }, "maintenanceMessage"],
      [{ maintenanceMessage: "bad\u0000text" }, "maintenanceMessage"],
      [{ moderationPhrases: ["ok phrase", "x"] }, "moderationPhrases.1"],
      [{ invitedEmails: ["not an email"] }, "invitedEmails.0"],
      [{ somethingElse: true }, ""],
    ] as const) {
      const response = await patchSettings(admin.caller, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({ error: { code: "VALIDATION_ERROR" } });
      if (field)
        expect(JSON.stringify(response.body), JSON.stringify(body)).toContain(`"path":"${field}"`);
    }
  });
});

describe("the settings take effect", () => {
  it("registration: closed refuses every sign-up, invite all but the invited addresses", async () => {
    const invited = `invited-${Date.now()}@example.com`;
    await changeSettings({ registration: "closed", invitedEmails: [invited.toUpperCase()] });
    try {
      const closed = await registerAs(invited);
      expect(closed.status).toBe(403);
      expect(closed.body).toMatchObject({
        error: { code: "FORBIDDEN", details: { reason: "REGISTRATION_CLOSED" } },
      });
      await changeSettings({ registration: "invite" });
      const stranger = await registerAs(`stranger-${Date.now()}@example.com`);
      expect(stranger.status).toBe(403);
      expect(stranger.body).toMatchObject({
        error: { code: "FORBIDDEN", details: { reason: "INVITE_ONLY" } },
      });
      expect((await registerAs(invited)).status).toBe(201);
    } finally {
      await changeSettings({ registration: "open", invitedEmails: [] });
    }
    expect((await registerAs(`open-${Date.now()}@example.com`)).status).toBe(201);
  });

  it("default limits: the quota of accounts without their own limit follows them; overrides and admins keep theirs", async () => {
    const withOverride = await signUp("settings-override");
    await studio.database.db
      .update(profiles)
      .set({ dailyLimitOverride: 3 })
      .where(eq(profiles.id, withOverride.user.id));
    await changeSettings({ defaultDailyLimit: 7, defaultMonthlyLimit: 70 });
    try {
      expect((await readProfile(person.caller)).quota).toMatchObject({
        dailyLimit: 7,
        monthlyLimit: 70,
      });
      expect((await readProfile(withOverride.caller)).quota).toMatchObject({
        dailyLimit: 3,
        monthlyLimit: 70,
      });
      expect((await readProfile(admin.caller)).quota.dailyLimit).toBeNull();
      // Generation spends against the new limit: with 0 a day, the next image is refused.
      await changeSettings({ defaultDailyLimit: 0 });
      const refused = await person.caller.call(generate.POST, {
        method: "POST",
        path: "/api/v1/images/generate",
        body: { prompt: "a lighthouse at dusk" },
      });
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ error: { code: "QUOTA_EXCEEDED" } });
    } finally {
      await changeSettings({
        defaultDailyLimit: 50,
        defaultMonthlyLimit: studio.config.limits.monthlyGenerations,
      });
    }
  });

  it("requireEmailVerification gates generation; moderation phrases refuse prompts", async () => {
    const generateAs = (caller: ApiCaller, prompt: string) =>
      caller.call(generate.POST, {
        method: "POST",
        path: "/api/v1/images/generate",
        body: { prompt },
      });
    await changeSettings({ requireEmailVerification: true });
    try {
      const refused = await generateAs(person.caller, "a paper boat");
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { details: { reason: "EMAIL_NOT_VERIFIED" } } });
    } finally {
      await changeSettings({ requireEmailVerification: false });
    }
    await changeSettings({ moderationPhrases: ["glass owl"] });
    try {
      const blocked = await generateAs(person.caller, "A Glass-Owl on a branch");
      expect(blocked.status).toBe(422);
      expect(blocked.body).toMatchObject({
        error: { code: "CONTENT_BLOCKED", details: { reason: "PROMPT_BLOCKLIST" } },
      });
    } finally {
      await changeSettings({ moderationPhrases: [] });
    }
    expect((await generateAs(person.caller, "A glass owl on a branch")).status).toBe(201);
  });
});

describe("per-role generation rate limits", () => {
  /**
   * What a new account of `kind` gets from `allowed + 1` generations in a row. The limiter counts
   * per clock minute: a run that straddles a minute boundary is made again with a new account.
   */
  async function statusesInOneMinute(kind: "account" | "supporter" | "admin", allowed: number) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const minute = Math.floor(Date.now() / 60_000);
      const who = await signUp(`rate-${kind}`);
      if (kind === "supporter") {
        await studio.database.db
          .update(profiles)
          .set({ tier: "supporter" })
          .where(eq(profiles.id, who.user.id));
      }
      if (kind === "admin") {
        await studio.database.query("update public.profiles set role = 'admin' where id = $1", [
          who.user.id,
        ]);
      }
      const answers = [];
      for (let started = 0; started <= allowed; started++) {
        answers.push(
          await who.caller.call(generate.POST, {
            method: "POST",
            path: "/api/v1/images/generate",
            body: { prompt: "a kite over the dunes" },
          }),
        );
      }
      if (Math.floor(Date.now() / 60_000) === minute) return answers;
    }
    throw new Error("three runs in a row straddled a minute boundary");
  }

  it("an account, a supporter and an admin each start as many images a minute as their role's live setting allows", async () => {
    await awayFromWindowEdge();
    const saved = await readSettings(admin.caller);
    if (!saved.body.success) throw new Error(JSON.stringify(saved.body));
    const before = saved.body.data;
    await changeSettings({
      userGenerationsPerMinute: 1,
      supporterGenerationsPerMinute: 2,
      adminGenerationsPerMinute: 3,
    });
    try {
      for (const [kind, allowed] of [
        ["account", 1],
        ["supporter", 2],
        ["admin", 3],
      ] as const) {
        const answers = await statusesInOneMinute(kind, allowed);
        expect(answers.map((answer) => answer.status)).toEqual([
          ...Array.from({ length: allowed }, () => 201),
          429,
        ]);
        expect(answers.at(-1)!.body).toMatchObject({ error: { code: "RATE_LIMITED" } });
      }
    } finally {
      await changeSettings({
        userGenerationsPerMinute: before.userGenerationsPerMinute,
        supporterGenerationsPerMinute: before.supporterGenerationsPerMinute,
        adminGenerationsPerMinute: before.adminGenerationsPerMinute,
      });
    }
  });

  it("defaults to GENERATE_RATE_LIMIT_PER_MINUTE for accounts, twice that for supporters, six times for admins", () => {
    const defaults = settingsDefaultsOf(studio.config);
    const perMinute = studio.config.limits.generatePerMinute;
    expect(defaults.userGenerationsPerMinute).toBe(perMinute);
    expect(defaults.supporterGenerationsPerMinute).toBe(perMinute * 2);
    expect(defaults.adminGenerationsPerMinute).toBe(perMinute * 6);
  });
});

describe("admins", () => {
  it("ADMIN_EMAILS: a listed address is an admin from sign-up, audited", async () => {
    const response = await registerAs(LISTED_ADMIN);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ data: { user: { role: "admin" } } });
    const userId = response.body.success ? response.body.data.user.id : "";
    const grants = await studio.database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, "admin.grant"), eq(auditLogs.targetId, userId)));
    expect(grants).toHaveLength(1);
    expect(grants[0]?.metadata).toMatchObject({ source: "ADMIN_EMAILS" });
    expect((await signUp("not-listed")).user.role).toBe("user");
  });

  it("ADMIN_EMAILS at start-up: existing accounts are promoted once; a second run changes nothing", async () => {
    const existing = await signUp("existing");
    expect(existing.user.role).toBe("user");
    const run = () =>
      promoteConfiguredAdmins({
        db: studio.database.db,
        adminEmails: [existing.email.toUpperCase()],
        audit: systemAuditContext("startup"),
      });
    expect(await run()).toEqual([existing.user.id]);
    expect(await run()).toEqual([]);
    const [row] = await studio.database.db
      .select({ role: profiles.role })
      .from(profiles)
      .where(eq(profiles.id, existing.user.id));
    expect(row?.role).toBe("admin");
    // An admin has the admin endpoints; revoked, they are gone again.
    expect((await readSettings(existing.caller)).status).toBe(200);
    await setAdminRole({
      db: studio.database.db,
      email: existing.email,
      admin: false,
      source: "admin-script",
      audit: systemAuditContext("test"),
    });
    expect((await readSettings(existing.caller)).status).toBe(404);
  });

  it("npm run admin -- grant|revoke <email> changes the role on the configured database, audited", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ais-admin-script-"));
    try {
      const handle = await openPgliteDatabase(join(dataDir, "pglite"));
      await applyMigrations(handle);
      const userId = crypto.randomUUID();
      await handle.query(
        `insert into auth.users (id, email, raw_user_meta_data) values ($1, 'op@example.com', '{}')`,
        [userId],
      );
      await handle.query(
        `insert into public.profiles (id, email, name, role, tier) values ($1, 'op@example.com', 'Op', 'user', 'free') on conflict (id) do nothing`,
        [userId],
      );
      await handle.close();
      const env = { NODE_ENV: "test", DATA_DIR: dataDir, LOG_LEVEL: "silent" };

      expect(await runAdminCommand(["grant"], env)).toMatchObject({ code: 2 });
      expect(await runAdminCommand(["grant", "nobody@example.com"], env)).toMatchObject({
        code: 1,
        message: expect.stringContaining("No account uses nobody@example.com"),
      });
      expect(await runAdminCommand(["grant", "OP@example.com"], env)).toEqual({
        code: 0,
        message: "admin: OP@example.com is now an admin",
      });
      expect(await runAdminCommand(["grant", "op@example.com"], env)).toMatchObject({
        code: 0,
        message: expect.stringContaining("already"),
      });
      expect(await runAdminCommand(["revoke", "op@example.com"], env)).toMatchObject({ code: 0 });

      const check = await openPgliteDatabase(join(dataDir, "pglite"));
      const [role] = await check.query<{ role: string }>(
        "select role from public.profiles where id = $1",
        [userId],
      );
      const entries = await check.query<{ action: string }>(
        "select action from public.audit_logs where target_id = $1 order by created_at",
        [userId],
      );
      await check.close();
      expect(role?.role).toBe("user");
      expect(entries.map((entry) => entry.action)).toEqual(["admin.grant", "admin.revoke"]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // On the PostgreSQL server (TEST_DATABASE_URL), through DATABASE_URL as in production.
    if (studio.database.url) {
      const target = await signUp("script-pg");
      const env = {
        NODE_ENV: "test",
        DATABASE_URL: studio.database.url,
        APP_SECRET: "test-app-secret-that-is-long-enough-0123456789",
        LOG_LEVEL: "silent",
      };
      expect(await runAdminCommand(["grant", target.email], env)).toMatchObject({ code: 0 });
      expect((await readSettings(target.caller)).status).toBe(200);
    }
  });
});
