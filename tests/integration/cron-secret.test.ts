import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cron from "@/app/api/cron/daily/route";
import { ApiCaller } from "../support/api-caller";
import { startTestStudio, type TestStudio } from "../support/test-services";

const CRON_SECRET = "cron-secret-for-tests-0123456789";
let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio({ CRON_SECRET });
});
afterAll(async () => {
  await studio?.dispose();
});

const callCron = (authorization?: string) =>
  new ApiCaller().call(cron.GET, {
    path: "/api/cron/daily",
    headers: authorization === undefined ? {} : { authorization },
  });

describe("the cron secret check", () => {
  it("refuses a multi-byte secret of the right length with 401, not a 500 that reveals the length", async () => {
    // Same length in UTF-16 units as the secret, more bytes in UTF-8.
    const lookalike = "é".repeat(CRON_SECRET.length);
    const response = await callCron(`Bearer ${lookalike}`);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ success: false, error: { code: "UNAUTHORIZED" } });
  });

  it("answers wrong secrets of every length the same way", async () => {
    for (const secret of ["x", CRON_SECRET.slice(0, -1), `${CRON_SECRET}x`, "ü".repeat(40)]) {
      const response = await callCron(`Bearer ${secret}`);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: { message: "Cron secret missing or wrong." } });
    }
    expect((await callCron()).status).toBe(401);
  });

  it("runs the daily jobs for the right secret", async () => {
    const response = await callCron(`Bearer ${CRON_SECRET}`);
    expect(response.status).toBe(200);
    expect(response.body.success).toBe(true);
  });

  it("answers any other method 401 without the secret (the contract's “anything else”), 405 with it", async () => {
    for (const method of ["OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const) {
      const call = (authorization?: string) =>
        new ApiCaller().call(cron[method], {
          method,
          path: "/api/cron/daily",
          headers: authorization === undefined ? {} : { authorization },
        });
      for (const refused of [await call(), await call("Bearer not-the-secret")]) {
        expect(refused.status, method).toBe(401);
        expect(refused.headers.get("x-request-id"), method).toBeTruthy();
        expect(refused.body, method).toMatchObject({
          success: false,
          error: { code: "UNAUTHORIZED" },
        });
      }
      const wrongMethod = await call(`Bearer ${CRON_SECRET}`);
      expect(wrongMethod.status, method).toBe(405);
      expect(wrongMethod.headers.get("allow"), method).toBe("GET, HEAD");
      expect(wrongMethod.body, method).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
    }
  });
});
