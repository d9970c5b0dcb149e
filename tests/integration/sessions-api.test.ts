import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as login from "@/app/api/v1/auth/login/route";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as sessions from "@/app/api/v1/auth/sessions/route";
import * as oneSession from "@/app/api/v1/auth/sessions/[id]/route";
import * as apiKeys from "@/app/api/v1/api-keys/route";
import type { Session, SessionInfo } from "@/shared/api-types";
import { CLIENT_ADDRESS_HEADER } from "@/server/http/request-guard";
import { ApiCaller } from "../support/api-caller";
import { signUp, TEST_PASSWORD, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const WINDOWS_FIREFOX =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

let studio: TestStudio;

beforeAll(async () => {
  // The cache on (10 s), as in production: ending a session must not wait for it.
  studio = await startTestStudio({
    AUTH_SESSION_CACHE_SECONDS: "10",
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
  });
});
afterAll(async () => {
  await studio?.dispose();
});

interface Device {
  caller: ApiCaller;
  session: Session;
  headers: Record<string, string>;
}

/** Another device signing in to the account: its own cookie jar, user agent and address. */
async function signInFrom(email: string, userAgent: string, ip: string): Promise<Device> {
  const caller = new ApiCaller();
  const headers = { "user-agent": userAgent, [CLIENT_ADDRESS_HEADER]: ip };
  const response = await caller.call<{ session: Session }>(login.POST, {
    method: "POST",
    path: "/api/v1/auth/login",
    body: { email, password: TEST_PASSWORD },
    headers,
  });
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return { caller, session: response.body.data.session, headers };
}

const listFrom = (device: { caller: ApiCaller; headers?: Record<string, string> }) =>
  device.caller.call<SessionInfo[]>(sessions.GET, {
    path: "/api/v1/auth/sessions",
    headers: device.headers,
  });

const profileStatus = async (device: { caller: ApiCaller; headers?: Record<string, string> }) =>
  (await device.caller.call(profile.GET, { path: "/api/v1/auth/profile", headers: device.headers }))
    .status;

const endOne = (device: Device, id: string) =>
  device.caller.call<{ ended: true; current: boolean }>(oneSession.DELETE, {
    method: "DELETE",
    path: `/api/v1/auth/sessions/${id}`,
    params: { id },
    headers: device.headers,
  });

const ok = <T>(response: { body: { success: boolean } }): T => {
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return (response.body as unknown as { data: T }).data;
};

describe("GET /auth/sessions", () => {
  let account: SignedUp;
  let phone: Device;
  let laptop: Device;

  beforeAll(async () => {
    account = await signUp("sessions-list");
    phone = await signInFrom(account.email, ANDROID_CHROME, "203.0.113.7");
    laptop = await signInFrom(account.email, WINDOWS_FIREFOX, "2001:db8::42");
  });

  it("lists the account's live sessions, this one first and marked current, with device and address", async () => {
    const listed = ok<SessionInfo[]>(await listFrom(phone));
    expect(listed).toHaveLength(3);
    expect(listed[0]).toMatchObject({
      current: true,
      device: "Chrome on Android",
      userAgent: ANDROID_CHROME,
      ip: "203.0.113.7",
    });
    expect(listed.filter((one) => one.current)).toHaveLength(1);
    const other = listed.find((one) => one.device === "Firefox on Windows");
    expect(other).toMatchObject({ current: false, ip: "2001:db8::42" });
    for (const one of listed) {
      expect(Date.parse(one.createdAt)).not.toBeNaN();
      expect(Date.parse(one.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(one.createdAt));
    }
  });

  it("shows only the caller's own sessions", async () => {
    const stranger = await signUp("sessions-stranger");
    const mine = ok<SessionInfo[]>(await listFrom(phone)).map((one) => one.id);
    const theirs = ok<SessionInfo[]>(await listFrom({ caller: stranger.caller }));
    expect(theirs).toHaveLength(1);
    expect(mine).not.toContain(theirs[0]!.id);
  });

  it("marks the bearer token's own session current", async () => {
    const bearer = new ApiCaller();
    const listed = ok<SessionInfo[]>(
      await bearer.call(sessions.GET, {
        path: "/api/v1/auth/sessions",
        headers: { authorization: `Bearer ${laptop.session.accessToken}` },
      }),
    );
    expect(listed[0]).toMatchObject({ current: true, device: "Firefox on Windows" });
  });

  it("refuses API keys: they are not sessions", async () => {
    const created = ok<{ key: string }>(
      await account.caller.call(apiKeys.POST, {
        method: "POST",
        path: "/api/v1/api-keys",
        body: { name: "Sessions test", scopes: ["images:read", "images:write"], expiresInDays: 30 },
      }),
    );
    const keyCaller = new ApiCaller();
    const response = await keyCaller.call(sessions.GET, {
      path: "/api/v1/auth/sessions",
      headers: { authorization: `Bearer ${created.key}` },
    });
    expect(response.status).toBe(403);
  });
});

describe("DELETE /auth/sessions/:id", () => {
  it("signs that session out: its cookie and its access token are refused at once", async () => {
    const account = await signUp("sessions-end");
    const phone = await signInFrom(account.email, ANDROID_CHROME, "203.0.113.8");
    const laptop = await signInFrom(account.email, WINDOWS_FIREFOX, "198.51.100.2");
    // Both found live, so both sit in the session cache.
    expect(await profileStatus(laptop)).toBe(200);
    const token = new ApiCaller();
    const bearer = {
      caller: token,
      headers: { authorization: `Bearer ${laptop.session.accessToken}` },
    };
    expect(await profileStatus(bearer)).toBe(200);

    const laptopId = ok<SessionInfo[]>(await listFrom(phone)).find(
      (one) => one.device === "Firefox on Windows",
    )!.id;
    const ended = await endOne(phone, laptopId);
    expect(ended.status).toBe(200);
    expect(ok(ended)).toEqual({ ended: true, current: false });

    expect(await profileStatus(laptop)).toBe(401);
    expect(await profileStatus(bearer)).toBe(401);
    expect(await profileStatus(phone)).toBe(200);
    const left = ok<SessionInfo[]>(await listFrom(phone)).map((one) => one.id);
    expect(left).not.toContain(laptopId);
    // Ended once: a second time is an unknown session.
    expect((await endOne(phone, laptopId)).status).toBe(404);

    const [entry] = await studio.database.query<{ action: string; target_id: string }>(
      "select action, target_id from public.audit_logs where action = 'auth.session_end' and target_id = $1",
      [laptopId],
    );
    expect(entry).toBeDefined();
  });

  it("answers 404 for another user's session and for an unknown id, and ends nothing", async () => {
    const owner = await signUp("sessions-owner");
    const intruder = await signInFrom(
      (await signUp("sessions-intruder")).email,
      ANDROID_CHROME,
      "192.0.2.1",
    );
    const ownerSessionId = ok<SessionInfo[]>(await listFrom({ caller: owner.caller }))[0]!.id;

    expect((await endOne(intruder, ownerSessionId)).status).toBe(404);
    expect((await endOne(intruder, randomUUID())).status).toBe(404);
    const malformed = await endOne(intruder, "not-a-session");
    expect(malformed.status).toBe(400);
    expect(await profileStatus({ caller: owner.caller })).toBe(200);
  });

  it("ending the caller's own session signs this browser out", async () => {
    const account = await signUp("sessions-self");
    const phone = await signInFrom(account.email, ANDROID_CHROME, "203.0.113.9");
    const ownId = ok<SessionInfo[]>(await listFrom(phone))[0]!.id;
    const response = await endOne(phone, ownId);
    expect(ok(response)).toEqual({ ended: true, current: true });
    expect(response.headers.get("set-cookie")).toMatch(/ais_session=;/);
    expect(await profileStatus(phone)).toBe(401);
  });
});

describe("DELETE /auth/sessions (sign out everywhere else)", () => {
  it("ends every other session and keeps this one", async () => {
    const account = await signUp("sessions-others");
    const phone = await signInFrom(account.email, ANDROID_CHROME, "203.0.113.10");
    const laptop = await signInFrom(account.email, WINDOWS_FIREFOX, "198.51.100.3");
    const stranger = await signUp("sessions-others-stranger");
    expect(await profileStatus(laptop)).toBe(200);
    expect(await profileStatus({ caller: account.caller })).toBe(200);

    const response = await phone.caller.call<{ ended: number }>(sessions.DELETE, {
      method: "DELETE",
      path: "/api/v1/auth/sessions",
      headers: phone.headers,
    });
    expect(ok(response)).toEqual({ ended: 2 });

    expect(await profileStatus(phone)).toBe(200);
    expect(await profileStatus(laptop)).toBe(401);
    expect(await profileStatus({ caller: account.caller })).toBe(401);
    // Someone else's sessions are not touched.
    expect(await profileStatus({ caller: stranger.caller })).toBe(200);
    const left = ok<SessionInfo[]>(await listFrom(phone));
    expect(left.map((one) => one.current)).toEqual([true]);
  });

  it("refuses a cross-origin request with the cookie", async () => {
    const account = await signUp("sessions-csrf");
    const response = await account.caller.call(sessions.DELETE, {
      method: "DELETE",
      path: "/api/v1/auth/sessions",
      origin: "https://evil.example",
    });
    expect(response.status).toBe(403);
  });
});
