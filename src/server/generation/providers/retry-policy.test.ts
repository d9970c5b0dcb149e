import { describe, expect, it } from "vitest";
import { fullJitterDelay, parseDurationMs, sleepUnlessAborted } from "./retry-policy";

describe("retry policy", () => {
  it("draws full-jitter delays below min(20 s, 1 s·2^(n-1))", () => {
    expect(fullJitterDelay(1, () => 0)).toBe(0);
    expect(fullJitterDelay(1, () => 0.5)).toBe(500);
    expect(fullJitterDelay(3, () => 0.5)).toBe(2_000);
    expect(fullJitterDelay(30, () => 0.999)).toBe(19_980);
  });

  it("reads google.protobuf.Duration strings as milliseconds", () => {
    expect(parseDurationMs("7s")).toBe(7_000);
    expect(parseDurationMs("20.397s")).toBe(20_397);
    expect(parseDurationMs("0.5s")).toBe(500);
    expect(parseDurationMs("7")).toBeNull();
    expect(parseDurationMs(7)).toBeNull();
  });

  it("ends a backoff wait early with an AbortError when the caller aborts", async () => {
    const controller = new AbortController();
    const waiting = sleepUnlessAborted(60_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
  });
});
