"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { apiFetch } from "@/lib/api/request";
import { cn } from "@/lib/cn";
import { Select } from "@/components/ui/select";
import {
  LOCALE_COOKIE,
  LOCALE_COOKIE_MAX_AGE,
  LOCALE_NAMES,
  LOCALES,
  isLocale,
  type Locale,
} from "@/i18n/locales";

/** Remembers the language in the cookie (and on the account when signed in), then reloads. */
export async function chooseLocale(locale: Locale, { signedIn }: { signedIn: boolean }) {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax`;
  if (signedIn) {
    await apiFetch("/api/v1/settings", { method: "PATCH", json: { locale } });
  }
  window.location.reload();
}

/**
 * The language picker: a labelled native select (keyboard and screen-reader friendly), each
 * language named in itself. Public pages show it in their footer; Settings shows it under
 * Preferences, where it also saves the choice on the account.
 */
export function LanguageSwitcher({
  signedIn,
  className,
  compact = false,
}: {
  signedIn: boolean;
  className?: string;
  /** Hide the visible label (the select keeps its accessible name). */
  compact?: boolean;
}) {
  const t = useTranslations("common.language");
  const current = useLocale();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  return (
    <div className={cn("flex flex-wrap items-center gap-2 text-sm", className)}>
      <label htmlFor={id} className={compact ? "sr-only" : "text-ink-muted font-medium"}>
        {t("label")}
      </label>
      <Select
        id={id}
        name="locale"
        value={current}
        disabled={busy}
        aria-describedby={failed ? `${id}-error` : undefined}
        className="min-w-44"
        onChange={async (event) => {
          const next = event.target.value;
          if (!isLocale(next) || next === current) return;
          setBusy(true);
          setFailed(false);
          try {
            await chooseLocale(next, { signedIn });
          } catch {
            setFailed(true);
            setBusy(false);
          }
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </Select>
      {failed ? (
        <span id={`${id}-error`} role="alert" className="text-danger text-xs">
          {t("failed")}
        </span>
      ) : null}
    </div>
  );
}
