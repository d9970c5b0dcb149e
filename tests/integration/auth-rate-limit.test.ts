import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as login from "@/app/api/v1/auth/login/route";
import { ApiCaller } from "../support/api-caller";
import { awayFromWindowEdge, freshIp } from "../support/rate-window";
import { startTestStudio, type TestStudio } from "../support/test-services";

// Runs on the memory KV, or on Redis when REDIS_URL is set (CI runs both).
let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio({ AUTH_RATE_LIMIT_PER_MINUTE: "3" });
});
afterAll(async () => {
  await studio?.dispose();
});

// Each case counts up to a one-minute limit: it starts away from a window's end.
beforeEach(() => awayFromWindowEdge(), 20_000);

const attempt = (email: string, ip: string) =>
  new ApiCaller().call(login.POST, {
    method: "POST",
    path: "/api/v1/auth/login",
    body: { email, password: "wrong password" },
    // What the HTTP server's guard derives from the socket (see request-guard.ts).
    headers: { "x-studio-client-ip": ip },
  });

describe("login and register rate limits", () => {
  it("limits attempts per email across IPs, with Retry-After and RateLimit headers", async () => {
    const email = `target${Date.now()}@example.com`;
    for (let i = 0; i < 3; i++) {
      const response = await attempt(email, `10.0.0.${i + 1}`);
      expect(response.status).toBe(401);
      expect(response.headers.get("ratelimit-remaining")).toBe(String(2 - i));
    }
    const blocked = await attempt(email, "10.0.0.99");
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ success: false, error: { code: "RATE_LIMITED" } });
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(blocked.headers.get("ratelimit-limit")).toBe("3");
  });

  it("limits attempts per IP across emails", async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++)
      expect((await attempt(`spray${i}${Date.now()}@example.com`, ip)).status).toBe(401);
    expect((await attempt(`spray-last${Date.now()}@example.com`, ip)).status).toBe(429);
    expect((await attempt(`other${Date.now()}@example.com`, "198.51.100.7")).status).toBe(401);
  });

  it("ignores a client's X-Forwarded-For, so rotating it gets no fresh bucket", async () => {
    const ip = freshIp();
    const spoofed = (i: number) =>
      new ApiCaller().call(login.POST, {
        method: "POST",
        path: "/api/v1/auth/login",
        body: { email: `rotate${i}-${Date.now()}@example.com`, password: "wrong password" },
        headers: { "x-studio-client-ip": ip, "x-forwarded-for": `203.0.113.${i}` },
      });
    for (let i = 0; i < 3; i++) expect((await spoofed(i)).status).toBe(401);
    expect((await spoofed(3)).status).toBe(429);
  });
});
