import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, localeFromCookieHeader, localeOfHeaders } from "./locales";

describe("choosing a request's language", () => {
  it("takes the first supported language of Accept-Language by weight", () => {
    expect(localeFromAcceptLanguage("id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("id");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,id;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,id;q=0.5,en;q=0.4")).toBe("id");
    expect(localeFromAcceptLanguage("en;q=0.2, id;q=0.8")).toBe("id");
    expect(localeFromAcceptLanguage("in-ID")).toBe("id");
  });

  it("answers null for nothing supported, a refusal (q=0) or garbage", () => {
    expect(localeFromAcceptLanguage("fr,de;q=0.9")).toBeNull();
    expect(localeFromAcceptLanguage("id;q=0")).toBeNull();
    expect(localeFromAcceptLanguage(";;;,,,")).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });

  it("reads NEXT_LOCALE, then locale, from the cookie header and ignores unknown values", () => {
    expect(localeFromCookieHeader("a=1; NEXT_LOCALE=id; b=2")).toBe("id");
    expect(localeFromCookieHeader("locale=id")).toBe("id");
    expect(localeFromCookieHeader("NEXT_LOCALE=fr; locale=en")).toBe("en");
    expect(localeFromCookieHeader("NEXT_LOCALE=<script>")).toBeNull();
  });

  it("puts the cookie before Accept-Language and falls back to English", () => {
    const headers = (init: Record<string, string>) => new Headers(init);
    expect(localeOfHeaders(headers({ cookie: "NEXT_LOCALE=en", "accept-language": "id" }))).toBe(
      "en",
    );
    expect(localeOfHeaders(headers({ "accept-language": "id-ID" }))).toBe("id");
    expect(localeOfHeaders(headers({}))).toBe("en");
  });
});
