import { getRequestConfig } from "next-intl/server";
import { getRequestLocale, getRequestTimeZone } from "@/server/i18n/request-locale";
import { CATALOGUES } from "./catalogues";

// next-intl's per-request configuration (no locale in the URL: the studio's pages keep theirs).
export default getRequestConfig(async () => {
  const [locale, timeZone] = await Promise.all([getRequestLocale(), getRequestTimeZone()]);
  return { locale, timeZone, messages: CATALOGUES[locale] };
});
