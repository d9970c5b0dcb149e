import { useFormatter } from "next-intl";
import { useCallback } from "react";

const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** The unit (1024-based, as browsers and file managers count) and the value in it. */
export function byteUnitOf(bytes: number): { value: number; unit: (typeof UNITS)[number] } {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return { value, unit: UNITS[unit] ?? "byte" };
}

/**
 * A size in the reader's language ("850 kB", "1.2 MB"; "1,2 MB" in Indonesian) through
 * next-intl's number formatter: one decimal below 100, whole numbers above.
 */
export function useFormatBytes(): (bytes: number) => string {
  const format = useFormatter();
  return useCallback(
    (bytes: number) => {
      const { value, unit } = byteUnitOf(bytes);
      return format.number(value, {
        style: "unit",
        unit,
        unitDisplay: "short",
        maximumFractionDigits: unit === "byte" || value >= 100 ? 0 : 1,
      });
    },
    [format],
  );
}
