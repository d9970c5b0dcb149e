"use client";

import { X } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useTemplateName } from "@/lib/i18n/template-text";
import type { TemplateName } from "@/lib/api/template-names";
import type { Collection } from "@/shared/api-types";
import {
  ASPECT_MESSAGE_KEYS,
  FILTER_KEYS,
  type FilterKey,
  type GalleryFilters,
} from "./gallery-filters";

interface ActiveFilterChipsProps {
  filters: GalleryFilters;
  onRemove: (key: FilterKey) => void;
  onClearAll: () => void;
  templates: TemplateName[] | null;
  collections: Collection[] | null;
}

/** One removable chip per active filter, and "Clear all". */
export function ActiveFilterChips({
  filters,
  onRemove,
  onClearAll,
  templates,
  collections,
}: ActiveFilterChipsProps) {
  const t = useTranslations("gallery");
  const format = useFormatter();
  const templateName = useTemplateName();

  // A filter's day is a calendar date (YYYY-MM-DD): shown as that day, whatever the time zone.
  function formatDay(value: string): string {
    const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
    return Number.isNaN(time)
      ? value
      : format.dateTime(time, { dateStyle: "medium", timeZone: "UTC" });
  }

  function chipLabel(key: FilterKey): string | null {
    switch (key) {
      case "q":
        return filters.q ? `“${filters.q}”` : null;
      case "favorite":
        return filters.favorite === undefined
          ? null
          : filters.favorite
            ? t("chips.favorites")
            : t("chips.notFavorites");
      case "tag":
        return filters.tag ? `#${filters.tag}` : null;
      case "aspectRatio":
        return filters.aspectRatio ? t(ASPECT_MESSAGE_KEYS[filters.aspectRatio]) : null;
      case "templateId": {
        if (!filters.templateId) return null;
        const template = templates?.find((item) => item.id === filters.templateId);
        return t("chips.style", { name: template ? templateName(template) : "…" });
      }
      case "collectionId":
        if (!filters.collectionId) return null;
        return t("chips.collection", {
          name: collections?.find((item) => item.id === filters.collectionId)?.name ?? "…",
        });
      case "from":
        return filters.from ? t("chips.from", { date: formatDay(filters.from) }) : null;
      case "to":
        return filters.to ? t("chips.to", { date: formatDay(filters.to) }) : null;
    }
  }

  const chips = FILTER_KEYS.flatMap((key) => {
    const label = chipLabel(key);
    return label ? [{ key, label }] : [];
  });
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="gallery-active-filters">
      <span className="sr-only">{t("chips.active")}</span>
      {chips.map((chip) => (
        <button
          key={chip.key}
          type="button"
          onClick={() => onRemove(chip.key)}
          aria-label={t("chips.remove", { label: chip.label })}
          data-testid={`filter-chip-${chip.key}`}
          className="border-primary/20 bg-primary-soft text-primary-soft-ink hover:border-primary/45 inline-flex h-9 max-w-full items-center gap-1.5 rounded-full border pr-2 pl-3 text-sm font-medium transition-colors sm:h-8"
        >
          <span className="truncate">{chip.label}</span>
          <X aria-hidden="true" className="size-3.5 shrink-0" />
        </button>
      ))}
      <button
        type="button"
        onClick={onClearAll}
        className="text-ink-muted hover:text-ink inline-flex h-9 items-center rounded-full px-2.5 text-sm font-semibold underline-offset-4 hover:underline sm:h-8"
      >
        {t("chips.clearAll")}
      </button>
    </div>
  );
}
