import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { localeOfHeaders, type Locale } from "@/i18n/locales";
import { getCurrentIdentity } from "@/server/auth/current-user";
import { getServices } from "@/server/services";

/**
 * The language of the page being rendered: the signed-in account's choice, else the locale
 * cookie, else Accept-Language, else English. Once per render.
 */
export const getRequestLocale = cache(async (): Promise<Locale> => {
  const identity = await getCurrentIdentity();
  if (identity) {
    const services = await getServices();
    const stored = await services.users
      .getStoredLocale({ userId: identity.userId })
      .catch(() => null);
    if (stored) return stored;
  }
  return localeOfHeaders(await headers());
});

/** The cookie the browser writes with its own time zone (src/components/i18n/time-zone-cookie.tsx). */
export const TIME_ZONE_COOKIE = "tz";

/**
 * The viewer's IANA time zone from their browser's cookie, so that dates rendered on the server
 * match the ones rendered in the browser; UTC until the browser has said.
 */
export const getRequestTimeZone = cache(async (): Promise<string> => {
  const value = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return value && isTimeZone(value) ? value : "UTC";
});

export function isTimeZone(value: string): boolean {
  if (value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
