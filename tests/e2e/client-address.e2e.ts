import { request as httpRequest } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  freePort,
  startProductionServer,
  stopServer,
  waitForHealth,
} from "../../scripts/production-build";
import { awayFromWindowEdge } from "../support/rate-window";

// Its own production server (same build), with a login limit small enough to reach.
let server: ChildProcess;
let port: number;
let dataDir: string;
beforeAll(async () => {
  port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), "ais-e2e-ip-"));
  server = startProductionServer(port, {
    DATA_DIR: dataDir,
    LOG_LEVEL: "error",
    AUTH_RATE_LIMIT_PER_MINUTE: "3",
  });
  await waitForHealth(`http://127.0.0.1:${port}`, server);
});
afterAll(() => {
  if (server) stopServer(server);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A login attempt from a chosen loopback address (127.0.0.0/8 all reach this machine). */
function attemptLogin(from: string, forwardedFor?: string): Promise<number> {
  const body = JSON.stringify({
    email: `nobody-${Math.random().toString(36).slice(2)}@example.com`,
    password: "wrong password",
  });
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: "127.0.0.1",
        port,
        localAddress: from,
        method: "POST",
        path: "/api/v1/auth/login",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

describe("the per-IP sign-in limit on the production server", () => {
  it("counts the socket's address: rotating X-Forwarded-For neither escapes the limit nor locks out the address it names", async () => {
    await awayFromWindowEdge();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(await attemptLogin("127.0.0.3", `198.51.100.${i + 1}`));
    expect(statuses).toEqual([401, 401, 401, 429]);
    // The attacker now names 127.0.0.4 as their address, three times over…
    for (let i = 0; i < 3; i++) await attemptLogin("127.0.0.5", "127.0.0.4");
    // …and 127.0.0.4 itself is not locked out.
    expect(await attemptLogin("127.0.0.4")).toBe(401);
  }, 30_000);
});
