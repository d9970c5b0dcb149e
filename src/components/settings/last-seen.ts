import type { createFormatter } from "next-intl";

type Formatter = ReturnType<typeof createFormatter>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * When a session was last seen, in the reader's language: "5 minutes ago", "3 hours ago",
 * "4 days ago" (a relative time in the unit that fits), a date from a week on; `null` under two
 * minutes, which the caller words as "just now". A value it cannot read comes back as it is.
 */
export function formatLastSeen(format: Formatter, iso: string, now: number): string | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const ago = Math.max(0, now - time);
  if (ago < 2 * MINUTE) return null;
  if (ago >= 7 * DAY) return format.dateTime(time, { dateStyle: "medium" });
  const unit = ago < HOUR ? "minute" : ago < DAY ? "hour" : "day";
  // Whole units, counted down as before ("59 minutes ago", never "1 hour ago" at 59½).
  const step = unit === "minute" ? MINUTE : unit === "hour" ? HOUR : DAY;
  return format.relativeTime(now - Math.floor(ago / step) * step, { now, unit });
}
