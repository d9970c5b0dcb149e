"use client";

import { Clock, Flame } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { cn } from "@/lib/cn";
import type { ExploreSort } from "./explore-query";

const OPTIONS = [
  { value: "newest", icon: Clock },
  { value: "popular", icon: Flame },
] as const;

/** Newest or popular, as native radios drawn as a segmented control (arrow keys switch). */
export function SortToggle({
  value,
  onChange,
}: {
  value: ExploreSort;
  onChange: (sort: ExploreSort) => void;
}) {
  const name = useId();
  const t = useTranslations("explore.sort");
  return (
    <fieldset
      className="border-line bg-surface-sunken inline-flex shrink-0 items-center gap-1 rounded-full border p-1"
      data-testid="explore-sort"
    >
      <legend className="sr-only">{t("legend")}</legend>
      {OPTIONS.map((option) => {
        const checked = option.value === value;
        const Icon = option.icon;
        return (
          <label
            key={option.value}
            htmlFor={`${name}-${option.value}`}
            className={cn(
              "relative inline-flex h-9 flex-1 items-center justify-center gap-2 rounded-full px-4 text-sm font-medium transition-colors sm:h-8",
              "has-[:focus-visible]:outline-ring has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2",
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
              onChange={() => onChange(option.value)}
              className="sr-only"
              data-testid={`explore-sort-${option.value}`}
            />
            <Icon aria-hidden="true" className="size-4" />
            {t(option.value)}
          </label>
        );
      })}
    </fieldset>
  );
}
