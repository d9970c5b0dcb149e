import { describe, expect, it } from "vitest";
import { createMemoryKv } from "./memory-kv";

describe("memory rate limiter", () => {
  it("allows the limit within a window, refuses the next, and starts afresh in the next window", async () => {
    let now = 120_000;
    const kv = createMemoryKv(() => now);
    const rule = { limit: 2, windowSeconds: 60 };
    expect((await kv.limit("k", rule)).success).toBe(true);
    const second = await kv.limit("k", rule);
    expect(second).toMatchObject({ success: true, remaining: 0, resetAt: 180_000 });
    expect((await kv.limit("k", rule)).success).toBe(false);
    expect((await kv.limit("other", rule)).success).toBe(true);
    now = 180_000;
    expect(await kv.limit("k", rule)).toMatchObject({ success: true, remaining: 1 });
  });

  it("keeps a flag until its time to live runs out", async () => {
    let now = 1_000;
    const kv = createMemoryKv(() => now);
    expect(await kv.hasFlag("f")).toBe(false);
    await kv.setFlag("f", 60);
    expect(await kv.hasFlag("f")).toBe(true);
    now += 59_999;
    expect(await kv.hasFlag("f")).toBe(true);
    now += 1;
    expect(await kv.hasFlag("f")).toBe(false);
  });
});
