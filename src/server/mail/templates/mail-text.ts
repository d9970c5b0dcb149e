import { createFormatter, createTranslator } from "use-intl/core";
import { CATALOGUES } from "@/i18n/catalogues";
import type { Locale } from "@/i18n/locales";

/**
 * A mail's words and formats in its reader's language (the account's locale, English when
 * unknown). Mail is read long after it is sent, with no browser at hand: times are given in UTC
 * and say so.
 */
export function mailText(locale: Locale) {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "mail" });
  const format = createFormatter({ locale, timeZone: "UTC" });
  return {
    t,
    /** "December 6, 2026 at 09:00 PM UTC" / "6 Desember 2026 pukul 21.00 UTC". */
    when: (iso: string) =>
      format.dateTime(new Date(iso), {
        year: "numeric",
        month: "long",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "UTC",
        timeZoneName: "short",
      }),
    /** Megabytes with one decimal ("460.0 MB" / "460,0 MB"). */
    megabytes: (bytes: number) =>
      `${format.number(bytes / 1024 ** 2, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
        useGrouping: false,
      })} MB`,
    /** A share as a percentage with at most one decimal ("92%", "12.5%"). */
    percent: (share: number) =>
      format.number(share, { style: "percent", maximumFractionDigits: 1 }),
    number: (value: number, digits = 0) =>
      format.number(value, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  };
}

export type MailText = ReturnType<typeof mailText>;
