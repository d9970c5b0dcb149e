"use client";

import { useFormatter } from "next-intl";
import { useCallback } from "react";

/** A due date as "Sun, 13 Dec" (Indonesian: "Min, 13 Des"): short weekday, day and month. */
export const DUE_DATE_FORMAT = { weekday: "short", day: "numeric", month: "short" } as const;

/** Formats a retention due date in the person's language and time zone. */
export function useFormatDueDate(): (iso: string) => string {
  const format = useFormatter();
  return useCallback((iso: string) => format.dateTime(new Date(iso), DUE_DATE_FORMAT), [format]);
}
