import "fake-indexeddb/auto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { QueryClient } from "@tanstack/react-query";

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server;
let base = "";
let handle: Handler = (_request, response) => response.end();

beforeAll(async () => {
  server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

function send(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(status, { "Content-Type": "application/json", ...headers });
    response.end(typeof body === "string" ? body : JSON.stringify(body));
  };
}

const meta = { requestId: "req-1", timestamp: "2026-01-01T00:00:00.000Z" };

async function loadRequest() {
  return import("./request");
}

describe("apiRequest", () => {
  it("returns data and meta (with pagination) from a success envelope", async () => {
    const pagination = { limit: 2, nextCursor: "abc", hasMore: true };
    let seen: IncomingMessage | null = null;
    handle = (request, response) => {
      seen = request;
      send(200, { success: true, data: [{ id: "a" }], meta: { ...meta, pagination } })(
        request,
        response,
      );
    };
    const { apiRequest } = await loadRequest();
    const result = await apiRequest<{ id: string }[]>(`${base}/api/v1/images?limit=2`);
    expect(result).toEqual({ data: [{ id: "a" }], meta: { ...meta, pagination } });
    expect(seen!.headers.accept).toBe("application/json");
  });

  it("sends `json` as a JSON body", async () => {
    let body = "";
    let type: string | undefined;
    handle = (request, response) => {
      type = request.headers["content-type"];
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () =>
        send(201, { success: true, data: { ok: true }, meta })(request, response),
      );
    };
    const { apiFetch } = await loadRequest();
    await expect(
      apiFetch(`${base}/api/v1/gallery/collections`, { method: "POST", json: { name: "Trips" } }),
    ).resolves.toEqual({ ok: true });
    expect(type).toBe("application/json");
    expect(JSON.parse(body)).toEqual({ name: "Trips" });
  });

  it("hands an unread copy of a successful answer to onResponse, and none of a failed one", async () => {
    const { apiRequest } = await loadRequest();
    const copies: unknown[] = [];
    const keep = async (copy: Response) => void copies.push(await copy.json());
    handle = send(200, { success: true, data: { id: "c" }, meta });
    await expect(apiRequest(`${base}/api/v1/x`, { onResponse: keep })).resolves.toMatchObject({
      data: { id: "c" },
    });
    expect(copies).toEqual([{ success: true, data: { id: "c" }, meta }]);
    handle = send(404, { success: false, error: { code: "NOT_FOUND", message: "Gone." }, meta });
    await expect(apiRequest(`${base}/api/v1/x`, { onResponse: keep })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(copies).toHaveLength(1);
  });

  it("fetches a file whole, and turns a refused one into ApiClientError", async () => {
    const { fetchSameOriginFile } = await loadRequest();
    handle = (_request, response) => {
      response.writeHead(200, { "Content-Type": "image/webp" });
      response.end("bytes");
    };
    await expect((await fetchSameOriginFile(`${base}/files/a.webp`)).text()).resolves.toBe("bytes");
    handle = send(404, "missing");
    await expect(fetchSameOriginFile(`${base}/files/b.webp`)).rejects.toMatchObject({
      name: "ApiClientError",
      code: "UNEXPECTED_RESPONSE",
      status: 404,
    });
  });

  it("turns an error envelope into ApiClientError with field errors and Retry-After", async () => {
    handle = send(
      429,
      {
        success: false,
        error: {
          code: "VALIDATION_ERROR",
          message: "Check the fields.",
          details: {
            issues: [
              { path: ["name"], message: "Too long." },
              { path: "name.first", message: "Second message for name." },
              { path: "description", message: "Not text." },
            ],
          },
        },
        meta,
      },
      { "Retry-After": "42" },
    );
    const { apiRequest } = await loadRequest();
    const { ApiClientError } = await import("./errors");
    const error = await apiRequest(`${base}/api/v1/x`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiClientError);
    const clientError = error as InstanceType<typeof ApiClientError>;
    expect(clientError.code).toBe("VALIDATION_ERROR");
    expect(clientError.status).toBe(429);
    expect(clientError.message).toBe("Check the fields.");
    expect(clientError.retryAfterSeconds).toBe(42);
    expect(clientError.fieldErrors()).toEqual({ name: "Too long.", description: "Not text." });
  });

  it("says UNEXPECTED_RESPONSE for an answer that is not an envelope", async () => {
    handle = (_request, response) => {
      response.writeHead(502, { "Content-Type": "text/html" });
      response.end("<html>Bad gateway</html>");
    };
    const { apiRequest } = await loadRequest();
    await expect(apiRequest(`${base}/api/v1/x`)).rejects.toMatchObject({
      name: "ApiClientError",
      code: "UNEXPECTED_RESPONSE",
      status: 502,
    });
  });

  it("says NETWORK_ERROR when the server cannot be reached, and rethrows an abort as it is", async () => {
    const { apiRequest } = await loadRequest();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(apiRequest(`http://127.0.0.1:${port}/api/v1/x`)).rejects.toMatchObject({
      code: "NETWORK_ERROR",
      status: 0,
    });

    handle = () => undefined; // never answers
    const controller = new AbortController();
    const pending = apiRequest(`${base}/api/v1/slow`, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("a 401 from the API", () => {
  function stubBrowser() {
    const replace = vi.fn<(url: string) => void>();
    vi.stubGlobal("window", { location: { pathname: "/gallery", search: "?q=cat", replace } });
    return replace;
  }

  async function openOfflineData() {
    const { claimOfflineDbFor, openOfflineDb } = await import("@/lib/offline/offline-db");
    await claimOfflineDbFor("user-a");
    await openOfflineDb();
    const { OFFLINE_DB_NAME } = await import("@/lib/pwa/offline-contract");
    return OFFLINE_DB_NAME;
  }

  it("wipes the device's private data and the query cache once, then goes to /login", async () => {
    const replace = stubBrowser();
    const dbName = await openOfflineData();
    const { getQueryClient } = await import("./query-client");
    const client: QueryClient = getQueryClient();
    client.setQueryData(["images", "list", ""], { pages: [], pageParams: [] });
    const { endSessionOnUnauthorized } = await import("@/lib/offline/session-end");
    endSessionOnUnauthorized();
    const { onPrivateDataCleared } = await import("@/lib/offline/private-data");
    let wipes = 0;
    const stop = onPrivateDataCleared(() => (wipes += 1));

    handle = send(401, {
      success: false,
      error: { code: "UNAUTHORIZED", message: "Sign in." },
      meta,
    });
    const { apiRequest } = await loadRequest();
    const answers = await Promise.allSettled([
      apiRequest(`${base}/api/v1/images`),
      apiRequest(`${base}/api/v1/auth/profile`),
      apiRequest(`${base}/api/v1/settings`),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect((answers[0] as PromiseRejectedResult).reason).toMatchObject({ code: "UNAUTHORIZED" });

    await vi.waitFor(() => expect(replace).toHaveBeenCalledTimes(1));
    expect(replace).toHaveBeenCalledWith("/login?next=%2Fgallery%3Fq%3Dcat");
    await vi.waitFor(() => expect(wipes).toBe(1));
    expect(client.getQueryCache().getAll()).toEqual([]);
    const names = (await indexedDB.databases()).map((database) => database.name);
    expect(names).not.toContain(dbName);
    // Later 401s of the same page do not wipe or navigate again.
    await apiRequest(`${base}/api/v1/images`).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(replace).toHaveBeenCalledTimes(1);
    expect(wipes).toBe(1);
    stop();
  });

  it("is only a wrong password on the sign-in endpoints", async () => {
    const replace = stubBrowser();
    const { endSessionOnUnauthorized } = await import("@/lib/offline/session-end");
    endSessionOnUnauthorized();
    handle = send(401, {
      success: false,
      error: { code: "UNAUTHORIZED", message: "Wrong email or password." },
      meta,
    });
    const { apiRequest } = await loadRequest();
    await expect(apiRequest(`${base}/api/v1/auth/login`, { method: "POST" })).rejects.toMatchObject(
      { code: "UNAUTHORIZED" },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(replace).not.toHaveBeenCalled();
  });
});
