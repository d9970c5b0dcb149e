import { describe, expect, it } from "vitest";
import { formatLastSeen } from "./last-seen";

const now = Date.parse("2026-12-06T12:00:00Z");
const ago = (ms: number) => new Date(now - ms).toISOString();
const MINUTE = 60_000;

describe("formatLastSeen", () => {
  it.each([
    [0, "just now"],
    [-5 * MINUTE, "just now"],
    [MINUTE + 59_000, "just now"],
    [2 * MINUTE, "2 minutes ago"],
    [59 * MINUTE, "59 minutes ago"],
    [60 * MINUTE, "an hour ago"],
    [3 * 60 * MINUTE, "3 hours ago"],
    [25 * 60 * MINUTE, "yesterday"],
    [3 * 24 * 60 * MINUTE, "3 days ago"],
    [7 * 24 * 60 * MINUTE, "Nov 29, 2026"],
  ])("%d ms ago → %s", (ms, label) => {
    expect(formatLastSeen(ago(ms), now)).toBe(label);
  });

  it("shows a value it cannot read as it is", () => {
    expect(formatLastSeen("not a date", now)).toBe("not a date");
  });
});
