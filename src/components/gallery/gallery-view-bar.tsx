"use client";

import { LayoutGrid, Rows3 } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { Select } from "@/components/ui/select";
import type { GallerySort } from "./gallery-filters";
import type { GalleryLayoutKind, GalleryTileSize } from "./gallery-layout";
import type { GalleryViewOptions } from "./use-gallery-view-options";

const LAYOUTS: { value: GalleryLayoutKind; label: string; icon: typeof Rows3 }[] = [
  { value: "justified", label: "Rows at each image's shape", icon: Rows3 },
  { value: "grid", label: "Square grid", icon: LayoutGrid },
];
const SIZES: { value: GalleryTileSize; label: string }[] = [
  { value: "small", label: "S" },
  { value: "medium", label: "M" },
  { value: "large", label: "L" },
];
const SIZE_NAMES: Record<GalleryTileSize, string> = {
  small: "Small",
  medium: "Medium",
  large: "Large",
};

const SORTS: { value: GallerySort; label: string }[] = [
  { value: "newest", label: "Newest first" },
  { value: "oldest", label: "Oldest first" },
];

const numberFormat = new Intl.NumberFormat("en");

/** "12 images" once the whole list is here; "Showing 60" while more pages may follow. */
export function galleryCountLabel(count: number, complete: boolean): string {
  if (!complete) return `Showing ${numberFormat.format(count)}`;
  return count === 1 ? "1 image" : `${numberFormat.format(count)} images`;
}

/**
 * How many images, in which order (kept in the URL with the filters), and how they are shown:
 * layout and tile size (kept in this browser).
 */
export function GalleryViewBar({
  count,
  complete,
  sort,
  onSortChange,
  options,
  onChange,
}: {
  count: number;
  complete: boolean;
  sort: GallerySort;
  onSortChange: (sort: GallerySort) => void;
  options: GalleryViewOptions;
  onChange: (changes: Partial<GalleryViewOptions>) => void;
}) {
  return (
    <div
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 pb-3"
      data-testid="gallery-view-bar"
    >
      <div className="flex items-center gap-3">
        <p className="text-ink-muted text-sm" aria-live="polite" data-testid="gallery-count">
          {galleryCountLabel(count, complete)}
        </p>
        <Select
          id="gallery-sort"
          name="sort"
          aria-label="Order"
          value={sort}
          onChange={(event) => onSortChange(event.target.value === "oldest" ? "oldest" : "newest")}
          options={SORTS}
          className="w-36"
          data-testid="gallery-sort"
        />
      </div>
      <div className="flex items-center gap-2">
        <Segmented
          legend="Layout"
          name="gallery-layout"
          value={options.layout}
          onChange={(layout) => onChange({ layout })}
          choices={LAYOUTS.map(({ value, label, icon: Icon }) => ({
            value,
            label,
            content: <Icon aria-hidden="true" className="size-4" />,
          }))}
        />
        <Segmented
          legend="Tile size"
          name="gallery-size"
          value={options.size}
          onChange={(size) => onChange({ size })}
          choices={SIZES.map(({ value, label }) => ({
            value,
            label: SIZE_NAMES[value],
            content: <span aria-hidden="true">{label}</span>,
          }))}
        />
      </div>
    </div>
  );
}

/** A row of radio buttons (arrow keys move between them), icons or letters with hidden names. */
function Segmented<Value extends string>({
  legend,
  name,
  value,
  onChange,
  choices,
}: {
  legend: string;
  name: string;
  value: Value;
  onChange: (value: Value) => void;
  choices: { value: Value; label: string; content: ReactNode }[];
}) {
  return (
    <fieldset
      className="border-line bg-surface-sunken inline-flex items-center gap-0.5 rounded-full border p-0.5"
      data-testid={`${name}-choice`}
    >
      <legend className="sr-only">{legend}</legend>
      {choices.map((choice) => {
        const checked = choice.value === value;
        const id = `${name}-${choice.value}`;
        return (
          <label
            key={choice.value}
            htmlFor={id}
            title={choice.label}
            className={cn(
              "relative inline-flex size-10 cursor-pointer items-center justify-center rounded-full text-xs font-semibold transition-colors sm:size-8",
              "has-[:focus-visible]:outline-ring has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2",
              checked
                ? "bg-surface text-ink shadow-card dark:bg-primary-soft dark:text-primary-soft-ink"
                : "text-ink-muted hover:text-ink",
            )}
          >
            <input
              type="radio"
              id={id}
              name={name}
              value={choice.value}
              checked={checked}
              onChange={() => onChange(choice.value)}
              className="sr-only"
              data-testid={id}
            />
            <span className="sr-only">{choice.label}</span>
            {choice.content}
          </label>
        );
      })}
    </fieldset>
  );
}
