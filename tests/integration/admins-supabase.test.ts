import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as settingsRoute from "@/app/api/v1/admin/settings/route";
import * as login from "@/app/api/v1/auth/login/route";
import * as register from "@/app/api/v1/auth/register/route";
import { authUsers, auditLogs } from "@/server/db/schema";
import type { SystemSettings } from "@/shared/system-settings";
import type { User } from "@/shared/api-types";
import { ApiCaller } from "../support/api-caller";
import {
  startFakeSupabaseAuthServer,
  type FakeAuthUser,
  type FakeSupabaseAuthServer,
} from "../support/fake-supabase-auth-server";
import { startTestStudio, type TestStudio } from "../support/test-services";

/**
 * ADMIN_EMAILS and the registration setting in Supabase mode: the studio's routes drive the
 * real supabase-js against the GoTrue-shaped server, which mirrors its users into auth.users
 * as GoTrue does (so the profile trigger makes the profile, as in production).
 */
const LISTED = `sb-listed-${Date.now()}@example.com`;
const PASSWORD = "correct horse battery";
let studio: TestStudio;
let gotrue: FakeSupabaseAuthServer;

async function mirror(user: FakeAuthUser) {
  await studio.services.database.db
    .insert(authUsers)
    .values({ id: user.id, email: user.email, rawUserMetaData: user.userMetadata })
    .onConflictDoNothing();
}

beforeAll(async () => {
  gotrue = await startFakeSupabaseAuthServer({ autoconfirm: true, onUserCreated: mirror });
  studio = await startTestStudio({
    SUPABASE_URL: gotrue.url,
    SUPABASE_PUBLISHABLE_KEY: gotrue.publishableKey,
    SUPABASE_SECRET_KEY: gotrue.secretKey,
    // Required beside Supabase; the test database handed to the services is what is used.
    DATABASE_URL: "postgres://unused@127.0.0.1:1/unused",
    APP_SECRET: "test-app-secret-that-is-long-enough-0123456789",
    APP_URL: "http://localhost:3000",
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    ADMIN_EMAILS: LISTED,
  });
});
afterAll(async () => {
  await studio?.dispose();
  await gotrue?.close();
});

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now()}-${++counter}@example.com`;

async function registerAs(email: string, caller = new ApiCaller()) {
  const response = await caller.call<{ user: User }>(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: { email, password: PASSWORD, name: "Supa Person" },
  });
  return { caller, response };
}

const grantsOf = (userId: string) =>
  studio.database.db
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.action, "admin.grant"), eq(auditLogs.targetId, userId)));

describe("admins and registration in Supabase mode", () => {
  it("ADMIN_EMAILS: a listed address signs up as an admin (audited) and has the admin endpoints", async () => {
    const { caller, response } = await registerAs(LISTED);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ data: { user: { role: "admin" } } });
    const userId = response.body.success ? response.body.data.user.id : "";
    expect(await grantsOf(userId)).toHaveLength(1);
    const settings = await caller.call<SystemSettings>(settingsRoute.GET, {
      path: "/api/v1/admin/settings",
    });
    expect(settings.status).toBe(200);

    const { response: other } = await registerAs(uniqueEmail("sb-member"));
    expect(other.body).toMatchObject({ data: { user: { role: "user" } } });
  });

  it("ADMIN_EMAILS: an account listed after it signed up becomes an admin when it signs in", async () => {
    const email = uniqueEmail("sb-later");
    const { response } = await registerAs(email);
    const userId = response.body.success ? response.body.data.user.id : "";
    studio.services.config.adminEmails = [LISTED, email];
    try {
      const signedIn = await new ApiCaller().call<{ user: User }>(login.POST, {
        method: "POST",
        path: "/api/v1/auth/login",
        body: { email, password: PASSWORD },
      });
      expect(signedIn.status).toBe(200);
      expect(signedIn.body).toMatchObject({ data: { user: { role: "admin" } } });
      expect(await grantsOf(userId)).toHaveLength(1);
    } finally {
      studio.services.config.adminEmails = [LISTED];
    }
  });

  it("registration closed: sign-up is refused before GoTrue is asked", async () => {
    const [admin] = await studio.database.query<{ id: string }>(
      "select id from public.profiles where email = $1",
      [LISTED],
    );
    const setRegistration = (registration: SystemSettings["registration"]) =>
      studio.services.systemSettings.update({
        actorId: admin!.id,
        patch: { registration },
        audit: { requestId: "admins-supabase", meta: { ip: null, userAgent: null } },
      });
    await setRegistration("closed");
    try {
      const usersBefore = gotrue.state.users.size;
      const { response } = await registerAs(uniqueEmail("sb-closed"));
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({
        error: { code: "FORBIDDEN", details: { reason: "REGISTRATION_CLOSED" } },
      });
      expect(gotrue.state.users.size).toBe(usersBefore);
    } finally {
      await setRegistration("open");
    }
  });
});
