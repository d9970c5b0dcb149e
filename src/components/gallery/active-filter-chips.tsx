"use client";

import { X } from "lucide-react";
import type { Collection, StyleTemplate } from "@/shared/api-types";
import { ASPECT_LABELS, FILTER_KEYS, type FilterKey, type GalleryFilters } from "./gallery-filters";

const dateLabel = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

function formatDay(value: string): string {
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(time) ? value : dateLabel.format(time);
}

function chipLabel(
  key: FilterKey,
  filters: GalleryFilters,
  templates: StyleTemplate[] | null,
  collections: Collection[] | null,
): string | null {
  switch (key) {
    case "q":
      return filters.q ? `“${filters.q}”` : null;
    case "favorite":
      return filters.favorite === undefined
        ? null
        : filters.favorite
          ? "Favorites"
          : "Not favorites";
    case "tag":
      return filters.tag ? `#${filters.tag}` : null;
    case "aspectRatio":
      return filters.aspectRatio ? ASPECT_LABELS[filters.aspectRatio] : null;
    case "templateId":
      if (!filters.templateId) return null;
      return `Style: ${templates?.find((template) => template.id === filters.templateId)?.name ?? "…"}`;
    case "collectionId":
      if (!filters.collectionId) return null;
      return `In: ${collections?.find((item) => item.id === filters.collectionId)?.name ?? "…"}`;
    case "from":
      return filters.from ? `From ${formatDay(filters.from)}` : null;
    case "to":
      return filters.to ? `Until ${formatDay(filters.to)}` : null;
  }
}

interface ActiveFilterChipsProps {
  filters: GalleryFilters;
  onRemove: (key: FilterKey) => void;
  onClearAll: () => void;
  templates: StyleTemplate[] | null;
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
  const chips = FILTER_KEYS.flatMap((key) => {
    const label = chipLabel(key, filters, templates, collections);
    return label ? [{ key, label }] : [];
  });
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="gallery-active-filters">
      <span className="sr-only">Active filters:</span>
      {chips.map((chip) => (
        <button
          key={chip.key}
          type="button"
          onClick={() => onRemove(chip.key)}
          aria-label={`Remove filter ${chip.label}`}
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
        Clear all
      </button>
    </div>
  );
}
