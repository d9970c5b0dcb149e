import { describe, expect, it } from "vitest";
import { AppError } from "./app-error";

describe("AppError", () => {
  it("is recognised by instanceof even when it comes from another copy of the module (dev hot reload)", async () => {
    const fresh = await import(`./app-error?copy=${Date.now()}`);
    const foreign: unknown = new fresh.AppError("UNAUTHORIZED", "Wrong email or password.");
    expect(fresh.AppError).not.toBe(AppError);
    expect(foreign instanceof AppError).toBe(true);
    expect(new Error("plain") instanceof AppError).toBe(false);
  });

  it("carries the status of its code", () => {
    expect(new AppError("QUOTA_EXCEEDED", "x").status).toBe(429);
  });
});
