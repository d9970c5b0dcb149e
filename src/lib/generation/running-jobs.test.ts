import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetJob, rememberJob, RUNNING_JOB_MAX_AGE_MS, runningJobsOf } from "./running-jobs";

/** The part of Web Storage the module uses, kept in a Map. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
    items,
  };
}

let storage: ReturnType<typeof memoryStorage>;
beforeEach(() => {
  storage = memoryStorage();
  vi.stubGlobal("window", { localStorage: storage });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const job = (id: string, userId: string, startedAt: number) => ({
  id,
  userId,
  startedAt,
  count: 2,
  aspectRatio: "1:1" as const,
  prompt: "a kite",
});

describe("running jobs", () => {
  it("keeps each user's jobs, newest first, and forgets one when it is over", () => {
    const now = Date.now();
    rememberJob(job("a", "user-1", now - 2000));
    rememberJob(job("b", "user-1", now - 1000));
    rememberJob(job("c", "user-2", now));
    expect(runningJobsOf("user-1", now).map((item) => item.id)).toEqual(["b", "a"]);
    expect(runningJobsOf("user-2", now).map((item) => item.id)).toEqual(["c"]);
    forgetJob("b");
    expect(runningJobsOf("user-1", now).map((item) => item.id)).toEqual(["a"]);
  });

  it("drops jobs older than an hour, and the key when none is left", () => {
    const now = Date.now();
    rememberJob(job("old", "user-1", now - RUNNING_JOB_MAX_AGE_MS - 1));
    expect(runningJobsOf("user-1", now)).toEqual([]);
    expect(storage.items.size).toBe(0);
  });

  it("ignores what it cannot read instead of failing the page", () => {
    storage.setItem("ais.running-generations", "{not json");
    expect(runningJobsOf("user-1")).toEqual([]);
    storage.setItem("ais.running-generations", JSON.stringify([{ id: 1 }, "x", null]));
    expect(runningJobsOf("user-1")).toEqual([]);
  });
});
