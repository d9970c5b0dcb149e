import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthIdentity, AuthPort, RequestMeta } from "@/server/auth/auth-port";
import { createAdminUsersService } from "@/server/admin/users-admin";
import { createSessionLiveness } from "@/server/auth/session-liveness";
import type { SessionsPort } from "@/server/auth/sessions-port";
import { createSupabaseAuthAdapter } from "@/server/auth/supabase/supabase-auth-adapter";
import { createSupabaseSessions } from "@/server/auth/supabase/supabase-sessions";
import { authUsers } from "@/server/db/schema";
import { createCursorCodec } from "@/server/gallery/cursor";
import type { KvPort } from "@/server/kv/kv-port";
import { createMemoryKv } from "@/server/kv/memory-kv";
import { createRedisKv } from "@/server/kv/redis-kv";
import {
  startFakeSupabaseAuthServer,
  type FakeSupabaseAuthServer,
} from "../support/fake-supabase-auth-server";
import { createMemoryCookieJar, type MemoryCookieJar } from "../support/memory-cookie-jar";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The sessions list in Supabase mode, against the GoTrue-shaped server and real Postgres
 * (PGlite, or the server with TEST_DATABASE_URL): the studio records the sessions it sees,
 * refuses the ones it ended even though their JWTs still verify, and has GoTrue end them too.
 */

const PASSWORD = "correct horse battery";
const audit = { requestId: "sessions-supabase", meta: { ip: null, userAgent: null } };
const PHONE: RequestMeta = {
  ip: "203.0.113.20",
  userAgent:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
};
const LAPTOP: RequestMeta = {
  ip: "198.51.100.20",
  userAgent:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
};

let gotrue: FakeSupabaseAuthServer;
let database: TestDatabase;
let kv: KvPort;
let counter = 0;

beforeAll(async () => {
  gotrue = await startFakeSupabaseAuthServer();
  database = await createTestDatabase();
  kv = process.env.REDIS_URL
    ? createRedisKv(process.env.REDIS_URL, { prefix: `ais-test:${process.pid}:${Date.now()}:` })
    : createMemoryKv();
});
afterAll(async () => {
  await kv?.close();
  await gotrue?.close();
  await database?.dispose();
});

/** One studio instance in Supabase mode: the adapter guarded by its sessions record. */
function instance(): { auth: AuthPort; sessions: SessionsPort } {
  const sessions = createSupabaseSessions({
    db: database.db,
    url: gotrue.url,
    publishableKey: gotrue.publishableKey,
    liveness: createSessionLiveness<true>({ ttlMs: 10_000, kv }),
  });
  const auth = createSupabaseAuthAdapter({
    url: gotrue.url,
    publishableKey: gotrue.publishableKey,
    secretKey: gotrue.secretKey,
    sessionCacheMs: 10_000,
    guard: sessions.guard,
  });
  return { auth, sessions };
}

interface Device {
  jar: MemoryCookieJar;
  meta: RequestMeta;
}

/** A request from a device: authenticate its cookies (as every route does) and record it seen. */
async function visit(
  studio: { auth: AuthPort; sessions: SessionsPort },
  device: Device,
): Promise<AuthIdentity | null> {
  const identity = await studio.auth.authenticateCookies(device.jar);
  if (identity) await studio.sessions.touch(identity, device.meta);
  return identity;
}

/** A GoTrue account with two signed-in browsers; GoTrue's users live in auth.users as in Supabase. */
async function account(studio: { auth: AuthPort }) {
  const email = `supabase-sessions-${Date.now()}-${++counter}@example.com`;
  const phone: Device = { jar: createMemoryCookieJar(), meta: PHONE };
  const registered = await studio.auth.register(
    { email, password: PASSWORD, name: "S" },
    phone.jar,
    PHONE,
  );
  await database.db
    .insert(authUsers)
    .values({ id: registered.userId, email, rawUserMetaData: {} })
    .onConflictDoNothing();
  const laptop: Device = { jar: createMemoryCookieJar(), meta: LAPTOP };
  await studio.auth.login({ email, password: PASSWORD }, laptop.jar, LAPTOP);
  return { email, userId: registered.userId, phone, laptop };
}

describe("sessions list in Supabase mode", () => {
  it("records the sessions it sees, with device and address, and lists only the user's own", async () => {
    const studio = instance();
    const { userId, phone, laptop } = await account(studio);
    const stranger = await account(studio);
    const phoneIdentity = (await visit(studio, phone))!;
    const laptopIdentity = (await visit(studio, laptop))!;
    await visit(studio, stranger.phone);

    const listed = await studio.sessions.list(userId);
    expect(listed.map((one) => one.id).sort()).toEqual(
      [phoneIdentity.sessionId, laptopIdentity.sessionId].sort(),
    );
    expect(listed.find((one) => one.id === phoneIdentity.sessionId)).toMatchObject({
      userAgent: PHONE.userAgent,
      ip: PHONE.ip,
    });
    // The ids are GoTrue's own session ids.
    for (const one of listed) expect(gotrue.state.sessions.get(one.id)?.userId).toBe(userId);
  });

  it("signing one session out refuses it at once, though its JWT still verifies, and GoTrue ends it", async () => {
    const studio = instance();
    const { phone, laptop } = await account(studio);
    const stranger = await account(studio);
    const phoneIdentity = (await visit(studio, phone))!;
    const laptopIdentity = (await visit(studio, laptop))!;
    const laptopId = laptopIdentity.sessionId!;
    expect(gotrue.state.sessions.has(laptopId)).toBe(true);

    // Someone else's session, or one the studio never saw: nothing ends.
    const strangerIdentity = (await visit(studio, stranger.phone))!;
    expect(
      await studio.sessions.end({
        identity: phoneIdentity,
        sessionId: strangerIdentity.sessionId!,
        jar: phone.jar,
        audit,
      }),
    ).toBe(false);
    expect(await visit(studio, stranger.phone)).not.toBeNull();

    expect(
      await studio.sessions.end({
        identity: phoneIdentity,
        sessionId: laptopId,
        jar: phone.jar,
        audit,
      }),
    ).toBe(true);

    expect(await visit(studio, laptop)).toBeNull();
    // Refused with its token at hand, GoTrue was told to end it, and its cookies went.
    expect(gotrue.state.sessions.has(laptopId)).toBe(false);
    expect(laptop.jar.getAll().filter(({ value }) => value !== "")).toEqual([]);
    expect(await visit(studio, phone)).not.toBeNull();
  });

  it("a session ended on one instance is refused at once by another that had it cached", async () => {
    const first = instance();
    const second = instance();
    const { phone, laptop } = await account(first);
    const phoneIdentity = (await visit(first, phone))!;
    const laptopIdentity = (await visit(second, laptop))!;
    // The second instance has the laptop's session cached as live now.
    expect(
      await visit(second, { jar: createMemoryCookieJar(laptop.jar.getAll()), meta: LAPTOP }),
    ).not.toBeNull();

    await first.sessions.end({
      identity: phoneIdentity,
      sessionId: laptopIdentity.sessionId!,
      jar: phone.jar,
      audit,
    });

    expect(await visit(second, laptop)).toBeNull();
  });

  it("sign out everywhere else ends the others in the record and in GoTrue, and keeps this one", async () => {
    const studio = instance();
    const { userId, phone, laptop } = await account(studio);
    const phoneIdentity = (await visit(studio, phone))!;
    await visit(studio, laptop);
    // A third browser the studio has never seen: GoTrue's scope=others ends it too.
    const unseen = createMemoryCookieJar();
    const { email } = (await studio.auth.authenticateCookies(phone.jar))!;
    await studio.auth.login({ email, password: PASSWORD }, unseen, PHONE);

    const ended = await studio.sessions.endOthers({
      identity: phoneIdentity,
      jar: phone.jar,
      audit,
    });

    expect(ended).toBe(1);
    expect(await visit(studio, laptop)).toBeNull();
    const left = [...gotrue.state.sessions.values()].filter((one) => one.userId === userId);
    expect(left.map((one) => one.id)).toEqual([phoneIdentity.sessionId]);
    expect(gotrue.state.requests).toContain("POST /auth/v1/logout?scope=others");
    expect(await visit(studio, phone)).not.toBeNull();
    expect((await studio.sessions.list(userId)).map((one) => one.id)).toEqual([
      phoneIdentity.sessionId,
    ]);
  });

  it("after a logout, a copy of the session's cookies is refused (GoTrue's JWT alone would still verify)", async () => {
    const studio = instance();
    const { phone } = await account(studio);
    const identity = (await visit(studio, phone))!;
    const copy = createMemoryCookieJar(phone.jar.getAll());

    await studio.auth.logout(identity, phone.jar);

    expect(await visit(studio, { jar: copy, meta: PHONE })).toBeNull();
  });
});

describe("suspension in Supabase mode", () => {
  it("refuses the seen and unseen sessions and the sign-in of a suspended account with SUSPENDED; restore lifts it", async () => {
    const studio = instance();
    const { email, userId, phone, laptop } = await account(studio);
    expect(await visit(studio, phone)).not.toBeNull();
    const admin = createAdminUsersService({
      db: database.db,
      cursors: createCursorCodec("a test secret that is long enough to use here"),
      forgetEndedSessions: (ids) => studio.sessions.forgetEnded(ids),
    });
    const suspended = { reason: "SUSPENDED" };

    // The admin: another account (the service does not look at roles; the routes do).
    const adminId = (await account(studio)).userId;
    await admin.update({
      actorId: adminId,
      userId,
      patch: { suspended: true },
      audit,
    });

    // Seen before (ended in the record) and never seen (the laptop): both refused.
    await expect(visit(studio, phone)).rejects.toMatchObject({ details: suspended });
    await expect(visit(studio, laptop)).rejects.toMatchObject({ details: suspended });
    const fresh = createMemoryCookieJar();
    await expect(
      studio.auth.login({ email, password: PASSWORD }, fresh, PHONE),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED", details: suspended });

    await admin.update({ actorId: adminId, userId, patch: { suspended: false }, audit });
    await studio.auth.login({ email, password: PASSWORD }, fresh, PHONE);
    expect(await visit(studio, { jar: fresh, meta: PHONE })).not.toBeNull();
  });
});
