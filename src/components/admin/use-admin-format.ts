"use client";

import { useFormatter } from "next-intl";
import { useMemo } from "react";

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB"];

/** A day of the stats ("2026-12-01") as the instant it starts: the stats' days are UTC days. */
function dayStart(day: string): Date | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null;
}

/**
 * The admin section's numbers, sizes, durations and days in the reader's language. Units stay
 * symbols ("1.2 MB", "450 ms", "1.2 s"); only the digits follow the locale ("1,2 MB" in id).
 */
export function useAdminFormat() {
  const format = useFormatter();
  return useMemo(() => {
    const count = (value: number) => format.number(value);
    const bytes = (value: number) => {
      let scaled = value;
      let unit = 0;
      while (scaled >= 1024 && unit < BYTE_UNITS.length - 1) {
        scaled /= 1024;
        unit++;
      }
      const digits = unit === 0 ? 0 : 1;
      return `${format.number(scaled, { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${BYTE_UNITS[unit]}`;
    };
    const ms = (value: number) =>
      value >= 1000
        ? `${format.number(value / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`
        : `${format.number(value)} ms`;
    const msOrDash = (value: number | null) => (value === null ? "–" : ms(value));
    const share = (value: number | null) =>
      value === null
        ? "–"
        : format.number(value, {
            style: "percent",
            minimumFractionDigits: value < 0.1 ? 1 : 0,
            maximumFractionDigits: value < 0.1 ? 1 : 0,
          });
    // Stats days are UTC days: shown in UTC, or a day would slip into its neighbour west of it.
    const day = (value: unknown) => {
      const start = typeof value === "string" ? dayStart(value) : null;
      return start
        ? format.dateTime(start, { dateStyle: "medium", timeZone: "UTC" })
        : String(value);
    };
    const shortDay = (value: unknown) => {
      const start = typeof value === "string" ? dayStart(value) : null;
      return start
        ? format.dateTime(start, { month: "short", day: "numeric", timeZone: "UTC" })
        : String(value);
    };
    const date = (iso: string) => {
      const value = new Date(iso);
      return Number.isNaN(value.getTime()) ? iso : format.dateTime(value, { dateStyle: "medium" });
    };
    return { count, bytes, ms, msOrDash, share, day, shortDay, date };
  }, [format]);
}
