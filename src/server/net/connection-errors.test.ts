import { describe, expect, it } from "vitest";
import { isConnectionFailure } from "./connection-errors";

const withCode = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(code), { code, ...extra });

describe("isConnectionFailure", () => {
  it("knows postgres.js's close errors, PostgreSQL's connection and shutdown codes, and socket errors", () => {
    for (const code of [
      "CONNECTION_CLOSED",
      "CONNECTION_ENDED",
      "CONNECTION_DESTROYED",
      "08006",
      "08001",
      "57P01",
      "57P03",
      "ECONNRESET",
      "ECONNREFUSED",
      "EPIPE",
      "ETIMEDOUT",
      "UND_ERR_SOCKET",
    ])
      expect(isConnectionFailure(withCode(code)), code).toBe(true);
  });

  it("looks through the causes Drizzle wraps around the driver's error", () => {
    const driver = withCode("57P01");
    const drizzle = new Error("Failed query: select 1", { cause: driver });
    expect(isConnectionFailure(drizzle)).toBe(true);
  });

  it("is not fooled by errors about the request or the disk", () => {
    expect(isConnectionFailure(withCode("23505"))).toBe(false); // unique violation
    expect(isConnectionFailure(withCode("22P02"))).toBe(false); // bad input syntax
    expect(isConnectionFailure(withCode("ENOENT", { syscall: "open" }))).toBe(false);
    expect(isConnectionFailure(new Error("plain"))).toBe(false);
    expect(isConnectionFailure("CONNECTION_CLOSED")).toBe(false);
    expect(isConnectionFailure(null)).toBe(false);
  });
});
