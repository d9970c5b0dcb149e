import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { BASE_URL } from "./support/browser";

/**
 * Every answer under /api/v1 of the production server is the envelope: a method a route does
 * not take, and paths that Next's router cannot decode or that climb out with `..`. Sent with
 * node:http so the path goes out exactly as written (fetch would normalise `..`).
 */

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(method: string, path: string): Promise<RawAnswer> {
  const base = new URL(BASE_URL);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: base.hostname, port: base.port, method, path, headers: { accept: "*/*" } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    request.on("error", reject);
    request.end();
  });
}

function expectEnvelope(answer: RawAnswer, label: string) {
  expect(answer.status, label).toBeLessThan(500);
  expect(String(answer.headers["content-type"]), label).toContain("application/json");
  const body = JSON.parse(answer.body) as {
    success: boolean;
    error?: { code: string };
    meta?: { requestId: string };
  };
  expect(body.success, label).toBe(false);
  expect(typeof body.meta?.requestId, label).toBe("string");
  return body;
}

describe("answers under /api/v1 are always the envelope", () => {
  it.each([
    ["PUT", "/api/v1/images", "GET"],
    ["DELETE", "/api/v1/templates", "GET"],
    ["PATCH", "/api/v1/images/generate", "POST"],
    ["POST", "/api/v1/gallery/public", "GET"],
    ["GET", "/api/v1/auth/logout", "POST"],
  ])("%s %s is 405 METHOD_NOT_ALLOWED with an Allow header", async (method, path, allowed) => {
    const answer = await send(method, path);
    expect(answer.status).toBe(405);
    expect(expectEnvelope(answer, `${method} ${path}`).error?.code).toBe("METHOD_NOT_ALLOWED");
    expect(String(answer.headers.allow)).toContain(allowed);
  });

  it.each(["PROPFIND", "PURGE", "LOCK", "TRACE"])(
    "%s, a method Next does not route, is 405 in the envelope (not a bare 400 or an HTML 500)",
    async (method) => {
      const answer = await send(method, "/api/v1/images");
      expect(answer.status).toBe(405);
      expect(expectEnvelope(answer, method).error?.code).toBe("METHOD_NOT_ALLOWED");
      expect(String(answer.headers.allow)).toContain("GET");
    },
  );

  it("answers OPTIONS with the methods and HEAD without a body", async () => {
    const options = await send("OPTIONS", "/api/v1/images");
    expect(options.status).toBe(200);
    expect(JSON.parse(options.body)).toMatchObject({
      success: true,
      data: { allow: expect.arrayContaining(["GET", "HEAD", "OPTIONS"]) },
    });
    const head = await send("HEAD", "/api/v1/templates");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });

  it.each([
    "/api/v1/%FF",
    "/api/v1/images/%FF",
    "/api/v1/images/%FF/edit",
    "/api/v1/gallery/collections/%E0%A4%A",
    "/api/v1/..%2f",
    "/api/v1/..%2F..%2Fetc%2Fpasswd",
    "/api/v1/a/../b",
    "/api/v1/..",
    "/api/v1/../health",
    "/api/v1/images/%2e%2e/%2e%2e/health",
    "/api/v1",
    "/api/v1/images/../templates/../nothing",
    "/api/v1/%00",
    "/api/v1/images/%00",
    "/api/v1/no-such-endpoint",
    "/api/v1/%C3%BC%C3%B1%C3%AF",
  ])("GET %s is answered in the envelope", async (path) => {
    for (const method of ["GET", "POST", "DELETE"]) {
      const answer = await send(method, path);
      expectEnvelope(answer, `${method} ${path}`);
    }
  });

  it.each([
    ["/api/v1/templates/", 200],
    ["/api/v1//templates", 200],
    ["/api/v1/templates/categories/", 200],
    ["/api/health/", 200],
    ["/api/v1/", 404],
    ["/api/v1/no-such-endpoint/", 404],
  ])(
    "GET %s (a trailing slash or an empty segment) is its tidy path's answer, not a bare 308",
    async (path, status) => {
      const answer = await send("GET", path);
      expect(answer.status, path).toBe(status);
      expect(answer.headers["x-request-id"], path).toBeTruthy();
      const body = JSON.parse(answer.body) as { success: boolean; meta?: { requestId: string } };
      expect(body.success, path).toBe(status === 200);
      expect(body.meta?.requestId, path).toBe(answer.headers["x-request-id"]);
    },
  );

  it.each(["/api/nothing", "/api/v2/images", "/api/health/extra", "/api/cron/other"])(
    "GET %s, under /api/ but outside the API, is the envelope's 404, not the HTML page",
    async (path) => {
      for (const method of ["GET", "POST", "DELETE"]) {
        const answer = await send(method, path);
        expect(answer.status, `${method} ${path}`).toBe(404);
        expect(expectEnvelope(answer, `${method} ${path}`).error?.code).toBe("NOT_FOUND");
      }
    },
  );
});
