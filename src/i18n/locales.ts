/**
 * The studio's languages and how a request picks one: the account's choice, else the locale
 * cookie, else the browser's Accept-Language, else English. Safe on the client and the server.
 */
export const LOCALES = ["en", "id"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** next-intl's cookie; `locale` is read too (API.md names both). */
export const LOCALE_COOKIE = "NEXT_LOCALE";
const LOCALE_COOKIES = [LOCALE_COOKIE, "locale"];
/** A year: the choice outlives the session, like the theme. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** Each language's name in itself, as a switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", id: "Bahasa Indonesia" };
/** For og:locale. */
export const OG_LOCALES: Record<Locale, string> = { en: "en_US", id: "id_ID" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** "id-ID,id;q=0.9,en;q=0.8" → "id": the first supported language by weight, else null. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    // "in" is the old ISO 639 code for Indonesian, still sent by some Android builds.
    if (primary === "id" || primary === "in") return "id";
    if (primary === "en") return "en";
  }
  return null;
}

/** The locale named by a cookie header's NEXT_LOCALE (or `locale`), else null. */
export function localeFromCookieHeader(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  for (const name of LOCALE_COOKIES) {
    const value = cookies.get(name);
    if (isLocale(value)) return value;
  }
  return null;
}

/** The language a request asks for by cookie, then Accept-Language; null when it says none. */
export function requestedLocale(headers: Pick<Headers, "get">): Locale | null {
  return (
    localeFromCookieHeader(headers.get("cookie")) ??
    localeFromAcceptLanguage(headers.get("accept-language"))
  );
}

/** What a request without an account's choice gets: cookie, then Accept-Language, then English. */
export function localeOfHeaders(headers: Pick<Headers, "get">): Locale {
  return (
    localeFromCookieHeader(headers.get("cookie")) ??
    localeFromAcceptLanguage(headers.get("accept-language")) ??
    DEFAULT_LOCALE
  );
}
