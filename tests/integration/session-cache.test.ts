import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthPort } from "@/server/auth/auth-port";
import { createLocalAuthAdapter } from "@/server/auth/local/local-auth-adapter";
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
