"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { cn } from "@/lib/cn";
import { parseTheme } from "@/lib/theme";
import { THEME_OPTIONS } from "./theme-options";
import { useTheme } from "./use-theme";

interface ThemeSwitcherProps {
  /** "full" shows icon and label; "compact" shows icons only (labels stay for screen readers). */
  size?: "full" | "compact";
  className?: string;
  /** Prefix of the radios' test ids, so that two switchers on one page stay distinct. */
  testIdPrefix?: string;
}

/** A segmented control built on native radio buttons, so arrow keys work as expected. */
export function ThemeSwitcher({
  size = "full",
  className,
  testIdPrefix = "theme",
}: ThemeSwitcherProps) {
  const t = useTranslations("shell.theme");
  const { theme, setTheme } = useTheme();
  const name = useId();
  return (
    <fieldset
      className={cn(
        // min-w-0: a fieldset never shrinks below its content unless told (320 px phones).
        "border-line bg-surface-sunken inline-flex min-w-0 items-center gap-1 rounded-full border p-1",
        size === "full" && "w-full sm:w-auto",
        className,
      )}
      data-testid={`${testIdPrefix}-switcher`}
    >
      <legend className="sr-only">{t("label")}</legend>
      {THEME_OPTIONS.map((option) => {
        const Icon = option.icon;
        const checked = theme === option.value;
        const label = t(option.value);
        return (
          <label
            key={option.value}
            htmlFor={`${name}-${option.value}`}
            title={size === "compact" ? label : undefined}
            className={cn(
              "relative inline-flex items-center justify-center gap-2 rounded-full text-sm font-medium transition-colors",
              "has-[:focus-visible]:outline-ring has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2",
              size === "full" ? "h-10 min-w-0 flex-1 px-2 sm:h-9 sm:px-4" : "size-10 sm:size-8",
              checked
                ? "bg-surface text-ink shadow-card dark:bg-primary-soft dark:text-primary-soft-ink"
                : "text-ink-muted hover:text-ink",
            )}
          >
            <input
              type="radio"
              id={`${name}-${option.value}`}
              name={name}
              value={option.value}
              checked={checked}
              onChange={(event) => setTheme(parseTheme(event.target.value))}
              className="sr-only"
              data-testid={`${testIdPrefix}-${option.value}`}
            />
            <Icon aria-hidden="true" className="size-4" />
            <span className={size === "compact" ? "sr-only" : undefined}>{label}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
