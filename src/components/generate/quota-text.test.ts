import { describe, expect, it } from "vitest";
import { describeQuota } from "./quota-text";

const quota = {
  dailyLimit: 50,
  usedToday: 38,
  remainingToday: 12,
  monthlyLimit: 1000,
  usedThisMonth: 38,
  resetsAt: "2026-03-11T00:00:00.000Z",
};

describe("describeQuota", () => {
  it("gives what is left of the limit and when it resets", () => {
    expect(describeQuota(quota)).toEqual({
      kind: "limited",
      tone: "normal",
      remaining: 12,
      limit: 50,
      resetsAt: new Date("2026-03-11T00:00:00.000Z"),
    });
    expect(describeQuota({ ...quota, resetsAt: "not a date" })).toMatchObject({ resetsAt: null });
  });

  it("marks a low and an empty quota", () => {
    expect(describeQuota({ ...quota, remainingToday: 10 }).tone).toBe("low");
    expect(describeQuota({ ...quota, dailyLimit: 3, remainingToday: 3 }).tone).toBe("normal");
    expect(describeQuota({ ...quota, remainingToday: 0 })).toMatchObject({
      tone: "empty",
      remaining: 0,
    });
    expect(describeQuota({ ...quota, remainingToday: -2 }).remaining).toBe(0);
  });

  it("has no limit for admins", () => {
    expect(describeQuota({ ...quota, dailyLimit: null, remainingToday: null })).toEqual({
      kind: "unlimited",
      tone: "normal",
      remaining: null,
    });
  });
});
