import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { formatLastSeen } from "./last-seen";

const now = Date.parse("2026-12-06T12:00:00Z");
const ago = (ms: number) => new Date(now - ms).toISOString();
const MINUTE = 60_000;
const en = createFormatter({ locale: "en", timeZone: "UTC" });
const id = createFormatter({ locale: "id", timeZone: "UTC" });

describe("formatLastSeen", () => {
  it.each([
    [0, null],
    [-5 * MINUTE, null],
    [MINUTE + 59_000, null],
    [2 * MINUTE, "2 minutes ago"],
    [59 * MINUTE + 50_000, "59 minutes ago"],
    [60 * MINUTE, "1 hour ago"],
    [3 * 60 * MINUTE + 59 * MINUTE, "3 hours ago"],
    [25 * 60 * MINUTE, "1 day ago"],
    [3 * 24 * 60 * MINUTE, "3 days ago"],
    [7 * 24 * 60 * MINUTE, "Nov 29, 2026"],
  ])("%d ms ago → %s", (ms, label) => {
    expect(formatLastSeen(en, ago(ms), now)).toBe(label);
  });

  it("speaks the reader's language", () => {
    expect(formatLastSeen(id, ago(3 * 60 * MINUTE), now)).toBe("3 jam yang lalu");
    expect(formatLastSeen(id, ago(7 * 24 * 60 * MINUTE), now)).toBe("29 Nov 2026");
  });

  it("shows a value it cannot read as it is", () => {
    expect(formatLastSeen(en, "not a date", now)).toBe("not a date");
  });
});
