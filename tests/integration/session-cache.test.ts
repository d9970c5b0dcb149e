import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthPort } from "@/server/auth/auth-port";
import {
  createLocalAuthAdapter,
  type LocalLiveSession,
} from "@/server/auth/local/local-auth-adapter";
import { createLocalSessions } from "@/server/auth/local/local-sessions";
import { createSessionLiveness } from "@/server/auth/session-liveness";
import type { KvPort } from "@/server/kv/kv-port";
import { createMemoryKv } from "@/server/kv/memory-kv";
import { createRedisKv } from "@/server/kv/redis-kv";
import { createFileMailer } from "@/server/mail/file-mailer";
import { createMailService } from "@/server/mail/mail-service";
import { createMemoryCookieJar } from "../support/memory-cookie-jar";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const SECRET = "test-app-secret-that-is-long-enough-0123456789";
const noMeta = { ip: null, userAgent: null };

let database: TestDatabase;
let time = Date.now();
const now = () => time;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});

/** One server instance: its own adapter (and so its own memory of live sessions). */
function instance(sessionCacheMs: number): AuthPort {
  return createLocalAuthAdapter({
    db: database.db,
    appSecret: SECRET,
    secureCookies: false,
    sessionCacheMs,
    now,
  });
}

let counter = 0;
async function signIn(auth: AuthPort) {
  const jar = createMemoryCookieJar();
  const email = `cache${Date.now()}${++counter}@example.com`;
  const result = await auth.register(
    { email, password: "correct horse battery", name: "C" },
    jar,
    noMeta,
  );
  return { token: result.session.accessToken, jar };
}

describe("session liveness cache (local auth)", () => {
  it("logout on this instance refuses the access token and the cookie at once", async () => {
    const auth = instance(10_000);
    const { token, jar } = await signIn(auth);
    const identity = await auth.authenticateAccessToken(token);
    expect(identity).not.toBeNull();
    expect(await auth.authenticateCookies(createMemoryCookieJar(jar.getAll()))).not.toBeNull();

    await auth.logout(identity!, createMemoryCookieJar());

    expect(await auth.authenticateAccessToken(token)).toBeNull();
    expect(await auth.authenticateCookies(createMemoryCookieJar(jar.getAll()))).toBeNull();
  });

  it("a session ended on another instance stops working here once the interval runs out", async () => {
    const here = instance(10_000);
    const elsewhere = instance(10_000);
    const { token } = await signIn(here);
    const identity = await here.authenticateAccessToken(token);
    expect(identity).not.toBeNull();

    await elsewhere.logout(identity!, createMemoryCookieJar());
    expect(await elsewhere.authenticateAccessToken(token)).toBeNull();
    // This instance found it live moments ago and trusts that for up to 10 s...
    expect(await here.authenticateAccessToken(token)).not.toBeNull();
    time += 10_000;
    // ...then asks the database again, which says revoked.
    expect(await here.authenticateAccessToken(token)).toBeNull();
  });

  it("with the cache off (0 s), a session ended elsewhere is refused on the very next request", async () => {
    const here = instance(0);
    const elsewhere = instance(0);
    const { token } = await signIn(here);
    const identity = await here.authenticateAccessToken(token);
    await elsewhere.logout(identity!, createMemoryCookieJar());
    expect(await here.authenticateAccessToken(token)).toBeNull();
  });

  it("a remembered session still needs a valid token and the right cookie secret", async () => {
    const auth = instance(10_000);
    const { token, jar } = await signIn(auth);
    expect(await auth.authenticateAccessToken(token)).not.toBeNull();
    const [header, payload] = token.split(".");
    expect(await auth.authenticateAccessToken(`${header}.${payload}.forged`)).toBeNull();

    const cookie = jar.getAll()[0]!;
    expect(await auth.authenticateCookies(createMemoryCookieJar(jar.getAll()))).not.toBeNull();
    const [sessionId] = cookie.value.split(".");
    const forged = createMemoryCookieJar([
      { name: cookie.name, value: `${sessionId}.${"x".repeat(43)}` },
    ]);
    expect(await auth.authenticateCookies(forged)).toBeNull();
  });

  it("a remembered access token is refused once it expires, though its session lives on", async () => {
    const auth = instance(10_000);
    const { token, jar } = await signIn(auth);
    expect(await auth.authenticateAccessToken(token)).not.toBeNull();
    time += 15 * 60 * 1000;
    expect(await auth.authenticateAccessToken(token)).toBeNull();
    expect(await auth.authenticateCookies(createMemoryCookieJar(jar.getAll()))).not.toBeNull();
  });
});

describe("session liveness across instances that share the KV (Redis when REDIS_URL is set)", () => {
  const audit = { requestId: "session-cache", meta: { ip: null, userAgent: null } };
  let kv: KvPort;

  beforeAll(() => {
    kv = process.env.REDIS_URL
      ? createRedisKv(process.env.REDIS_URL, { prefix: `ais-test:${process.pid}:${Date.now()}:` })
      : createMemoryKv(now);
  });
  afterAll(async () => {
    await kv?.close();
  });

  /** One server instance on the shared KV: its adapter and sessions list share one memory. */
  function sharedInstance(kvPort: KvPort = kv) {
    const liveness = createSessionLiveness<LocalLiveSession>({ ttlMs: 10_000, kv: kvPort, now });
    return {
      auth: createLocalAuthAdapter({
        db: database.db,
        appSecret: SECRET,
        secureCookies: false,
        sessionCacheMs: 10_000,
        liveness,
        now,
      }),
      sessions: createLocalSessions({ db: database.db, liveness, secureCookies: false, now }),
    };
  }

  async function bothLive(
    here: AuthPort,
    token: string,
    jar: ReturnType<typeof createMemoryCookieJar>,
  ) {
    expect(await here.authenticateAccessToken(token)).not.toBeNull();
    expect(await here.authenticateCookies(createMemoryCookieJar(jar.getAll()))).not.toBeNull();
  }

  it("a logout on another instance is refused here at once, cookie and token", async () => {
    const here = sharedInstance();
    const elsewhere = sharedInstance();
    const { token, jar } = await signIn(here.auth);
    await bothLive(here.auth, token, jar);

    const identity = await elsewhere.auth.authenticateAccessToken(token);
    await elsewhere.auth.logout(identity!, createMemoryCookieJar());

    expect(await here.auth.authenticateAccessToken(token)).toBeNull();
    expect(await here.auth.authenticateCookies(createMemoryCookieJar(jar.getAll()))).toBeNull();
  });

  it("a session signed out from the sessions list on another instance is refused here at once", async () => {
    const here = sharedInstance();
    const elsewhere = sharedInstance();
    const { token, jar } = await signIn(here.auth);
    await bothLive(here.auth, token, jar);
    const identity = (await here.auth.authenticateAccessToken(token))!;

    expect(
      await elsewhere.sessions.end({
        identity,
        sessionId: identity.sessionId!,
        jar: createMemoryCookieJar(),
        audit,
      }),
    ).toBe(true);

    expect(await here.auth.authenticateAccessToken(token)).toBeNull();
    expect(await here.auth.authenticateCookies(createMemoryCookieJar(jar.getAll()))).toBeNull();
  });

  it("sign out everywhere else on one instance ends the others on every instance, and keeps the caller", async () => {
    const first = sharedInstance();
    const second = sharedInstance();
    const email = `cache-others${Date.now()}@example.com`;
    const keptJar = createMemoryCookieJar();
    await first.auth.register(
      { email, password: "correct horse battery", name: "C" },
      keptJar,
      noMeta,
    );
    const otherJar = createMemoryCookieJar();
    const other = await first.auth.login(
      { email, password: "correct horse battery" },
      otherJar,
      noMeta,
    );
    await bothLive(second.auth, other.session.accessToken, otherJar);
    const caller = (await first.auth.authenticateCookies(createMemoryCookieJar(keptJar.getAll())))!;

    expect(await first.sessions.endOthers({ identity: caller, jar: keptJar, audit })).toBe(1);

    expect(await second.auth.authenticateAccessToken(other.session.accessToken)).toBeNull();
    expect(
      await second.auth.authenticateCookies(createMemoryCookieJar(otherJar.getAll())),
    ).toBeNull();
    expect(
      await second.auth.authenticateCookies(createMemoryCookieJar(keptJar.getAll())),
    ).not.toBeNull();
  });

  it("a password change on one instance ends the other sessions on every instance at once", async () => {
    const first = sharedInstance();
    const second = sharedInstance();
    const email = `cache-password${Date.now()}@example.com`;
    const keptJar = createMemoryCookieJar();
    await first.auth.register(
      { email, password: "correct horse battery", name: "C" },
      keptJar,
      noMeta,
    );
    const otherJar = createMemoryCookieJar();
    const other = await first.auth.login(
      { email, password: "correct horse battery" },
      otherJar,
      noMeta,
    );
    await bothLive(second.auth, other.session.accessToken, otherJar);
    const caller = (await first.auth.authenticateCookies(createMemoryCookieJar(keptJar.getAll())))!;
    const mail = createMailService({
      db: database.db,
      mailer: createFileMailer({
        dir: join(mkdtempSync(join(tmpdir(), "ais-mail-")), "mail"),
        linkFor: () => null,
      }),
      from: "studio@example.com",
      context: { studioName: "AI Image Studio", appUrl: "http://localhost:3000" },
    });

    await first.auth.changePassword(
      caller,
      { currentPassword: "correct horse battery", newPassword: "a brand new password" },
      { audit, mail },
    );

    expect(await second.auth.authenticateAccessToken(other.session.accessToken)).toBeNull();
    expect(
      await second.auth.authenticateCookies(createMemoryCookieJar(otherJar.getAll())),
    ).toBeNull();
    expect(
      await second.auth.authenticateCookies(createMemoryCookieJar(keptJar.getAll())),
    ).not.toBeNull();
  });

  it("an account deleted through one instance leaves no session trusted on another", async () => {
    const here = sharedInstance();
    const elsewhere = sharedInstance();
    const { token, jar } = await signIn(here.auth);
    await bothLive(here.auth, token, jar);
    const identity = (await here.auth.authenticateAccessToken(token))!;

    // What DELETE /account does: note the sessions, delete the user (rows cascade), tell everyone.
    const ids = (await elsewhere.sessions.list(identity.userId)).map(({ id }) => id);
    await database.query("delete from auth.users where id = $1", [identity.userId]);
    await elsewhere.sessions.forgetEnded(ids);

    expect(await here.auth.authenticateAccessToken(token)).toBeNull();
    expect(await here.auth.authenticateCookies(createMemoryCookieJar(jar.getAll()))).toBeNull();
  });

  it("when the KV fails, a remembered session is checked with the database instead of trusted", async () => {
    const failing: KvPort = {
      ...kv,
      kind: kv.kind,
      limit: (key, rule) => kv.limit(key, rule),
      setFlag: () => Promise.reject(new Error("KV down")),
      hasFlag: () => Promise.reject(new Error("KV down")),
      ping: () => kv.ping(),
      close: async () => {},
    };
    const here = sharedInstance(failing);
    const elsewhere = sharedInstance(failing);
    const { token } = await signIn(here.auth);
    const identity = await here.auth.authenticateAccessToken(token);
    expect(identity).not.toBeNull();
    // The flag cannot be set, but the database has the session ended.
    await elsewhere.auth.logout(identity!, createMemoryCookieJar());
    expect(await here.auth.authenticateAccessToken(token)).toBeNull();
  });
});
