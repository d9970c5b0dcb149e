"use client";

import { useEffect } from "react";

/**
 * Tells the server the browser's time zone (cookie `tz`, read by src/server/i18n/request-locale.ts)
 * so that the next page's dates, such as when the quota resets, are rendered in the viewer's zone.
 */
export function TimeZoneCookie({ serverTimeZone }: { serverTimeZone: string }) {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === serverTimeZone) return;
    document.cookie = `tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
  }, [serverTimeZone]);
  return null;
}
