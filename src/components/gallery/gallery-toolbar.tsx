"use client";

import { Heart } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import type { TemplateName } from "@/lib/api/template-names";
import type { Collection } from "@/shared/api-types";
import { useStuck } from "@/components/ui/use-stuck";
import { FilterFields } from "./filter-fields";
import { FilterSheet } from "./filter-sheet";
import {
  hasActiveFilters,
  withoutFilter,
  withoutFilters,
  type GalleryFilters,
} from "./gallery-filters";
import { GallerySearch } from "./gallery-search";

// Not in the page's first script: the chips exist only while a filter is on. Rendered in the
// browser only (a chunk rendered on the server is preloaded by a link without the CSP nonce,
// which the browser refuses); until it arrives, a row of the chips' height keeps the grid still.
const ActiveFilterChips = dynamic(
  () => import("./active-filter-chips").then((module) => module.ActiveFilterChips),
  { ssr: false, loading: () => <div aria-hidden="true" className="h-9 sm:h-8" /> },
);

interface GalleryToolbarProps {
  filters: GalleryFilters;
  onFiltersChange: (next: GalleryFilters) => void;
  templates: TemplateName[] | null;
  collections: Collection[] | null;
  knownTags: string[];
}

/**
 * Search, favourites and the filters, pinned under the top bar while scrolling: a row of
 * fields from lg up, a sheet below that. Active filters show as removable chips.
 */
export function GalleryToolbar({
  filters,
  onFiltersChange,
  templates,
  collections,
  knownTags,
}: GalleryToolbarProps) {
  const t = useTranslations("gallery.toolbar");
  const favoritesOnly = filters.favorite === true;
  // Frosted, with a hairline, only while tiles pass beneath it (see useStuck).
  const [toolbarRef, stuck] = useStuck<HTMLDivElement>();
  return (
    <div
      ref={toolbarRef}
      className={cn(
        // Pinned under the top bar and any pinned banners (StickyBanners' --sticky-banners).
        "bg-canvas/85 sticky top-[calc(3.5rem+env(safe-area-inset-top)+var(--sticky-banners,0px))] z-20 mt-6 flex flex-col gap-2.5 border-b border-transparent py-3 lg:top-[var(--sticky-banners,0px)]",
        "-mx-4 px-4 sm:-mx-6 sm:px-6 lg:-mx-10 lg:px-10",
        stuck && "border-line backdrop-blur-xl",
      )}
      data-testid="gallery-toolbar"
      data-stuck={stuck ? "true" : undefined}
    >
      <div className="flex items-center gap-2">
        <GallerySearch
          value={filters.q ?? ""}
          onSearch={(q) => onFiltersChange({ ...filters, q: q || undefined })}
        />
        <button
          type="button"
          aria-pressed={favoritesOnly}
          onClick={() =>
            onFiltersChange(
              favoritesOnly ? withoutFilter(filters, "favorite") : { ...filters, favorite: true },
            )
          }
          data-testid="filter-favorites"
          className={cn(
            "rounded-control inline-flex h-11 shrink-0 items-center justify-center gap-2 border px-3.5 text-sm font-semibold shadow-xs transition-colors",
            favoritesOnly
              ? "border-accent/40 bg-accent-soft text-ink"
              : "border-line-strong bg-surface text-ink hover:border-primary/40 hover:bg-surface-raised",
          )}
        >
          <Heart
            aria-hidden="true"
            className={cn("size-4", favoritesOnly ? "fill-accent text-accent" : "text-ink-muted")}
          />
          <span className="sr-only sm:not-sr-only">{t("favorites")}</span>
        </button>
        <div className="lg:hidden">
          <FilterSheet
            filters={filters}
            onApply={onFiltersChange}
            templates={templates}
            collections={collections}
            knownTags={knownTags}
          />
        </div>
      </div>
      <div className="hidden lg:block">
        <FilterFields
          layout="bar"
          filters={filters}
          onChange={onFiltersChange}
          templates={templates}
          collections={collections}
          knownTags={knownTags}
        />
      </div>
      {hasActiveFilters(filters) ? (
        <ActiveFilterChips
          filters={filters}
          onRemove={(key) => onFiltersChange(withoutFilter(filters, key))}
          onClearAll={() => onFiltersChange(withoutFilters(filters))}
          templates={templates}
          collections={collections}
        />
      ) : null}
    </div>
  );
}
