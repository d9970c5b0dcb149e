import { describe, expect, it } from "vitest";
import { describeQuota, formatResetsIn } from "./quota-text";

const NOW = Date.parse("2026-03-10T19:00:00.000Z");
const quota = {
  dailyLimit: 50,
  usedToday: 38,
  remainingToday: 12,
  monthlyLimit: 1000,
  usedThisMonth: 38,
  resetsAt: "2026-03-11T00:00:00.000Z",
};

describe("describeQuota", () => {
  it("reads like the page says it", () => {
    expect(describeQuota(quota, NOW)).toEqual({
      text: "12 of 50 left today · resets in 5 h",
      tone: "normal",
      remaining: 12,
    });
  });

  it("marks a low and an empty quota", () => {
    expect(describeQuota({ ...quota, remainingToday: 10 }, NOW).tone).toBe("low");
    expect(describeQuota({ ...quota, dailyLimit: 3, remainingToday: 3 }, NOW).tone).toBe("normal");
    expect(describeQuota({ ...quota, remainingToday: 0 }, NOW)).toMatchObject({
      tone: "empty",
      remaining: 0,
    });
  });

  it("has no limit for admins", () => {
    expect(describeQuota({ ...quota, dailyLimit: null, remainingToday: null }, NOW)).toEqual({
      text: "No daily limit",
      tone: "normal",
      remaining: null,
    });
  });
});

describe("formatResetsIn", () => {
  it("uses minutes under an hour and hours after", () => {
    expect(formatResetsIn("2026-03-10T19:42:00.000Z", NOW)).toBe("in 42 min");
    expect(formatResetsIn("2026-03-10T19:00:30.000Z", NOW)).toBe("in under a minute");
    expect(formatResetsIn("2026-03-10T20:20:00.000Z", NOW)).toBe("in 1 h");
    expect(formatResetsIn("2026-03-11T00:00:00.000Z", NOW)).toBe("in 5 h");
    expect(formatResetsIn("not a date", NOW)).toBeNull();
  });
});
