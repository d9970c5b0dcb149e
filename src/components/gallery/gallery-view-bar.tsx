"use client";

import { LayoutGrid, Rows3 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { Select } from "@/components/ui/select";
import type { GallerySort } from "./gallery-filters";
import type { GalleryLayoutKind, GalleryTileSize } from "./gallery-layout";
import type { GalleryViewOptions } from "./use-gallery-view-options";

const LAYOUTS = [
  { value: "justified", label: "justified", icon: Rows3 },
  { value: "grid", label: "grid", icon: LayoutGrid },
] as const satisfies readonly { value: GalleryLayoutKind; label: string; icon: typeof Rows3 }[];
/** Each size's name, and the letter its button shows. */
const SIZES = [
  { value: "small", label: "small", letter: "smallShort" },
  { value: "medium", label: "medium", letter: "mediumShort" },
  { value: "large", label: "large", letter: "largeShort" },
] as const satisfies readonly { value: GalleryTileSize; label: string; letter: string }[];
const SORTS = ["newest", "oldest"] as const satisfies readonly GallerySort[];

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
  const t = useTranslations("gallery.viewBar");
  return (
    <div
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 pb-3"
      data-testid="gallery-view-bar"
    >
      <div className="flex items-center gap-3">
        <p className="text-ink-muted text-sm" aria-live="polite" data-testid="gallery-count">
          {/* "12 images" once the whole list is here; "Showing 60" while more pages may follow. */}
          {complete ? t("count", { count }) : t("showing", { count })}
        </p>
        <Select
          id="gallery-sort"
          name="sort"
          aria-label={t("order")}
          value={sort}
          onChange={(event) => onSortChange(event.target.value === "oldest" ? "oldest" : "newest")}
          options={SORTS.map((value) => ({ value, label: t(value) }))}
          className="w-36"
          data-testid="gallery-sort"
        />
      </div>
      <div className="flex items-center gap-2">
        <Segmented
          legend={t("layout")}
          name="gallery-layout"
          value={options.layout}
          onChange={(layout) => onChange({ layout })}
          choices={LAYOUTS.map(({ value, label, icon: Icon }) => ({
            value,
            label: t(label),
            content: <Icon aria-hidden="true" className="size-4" />,
          }))}
        />
        <Segmented
          legend={t("tileSize")}
          name="gallery-size"
          value={options.size}
          onChange={(size) => onChange({ size })}
          choices={SIZES.map(({ value, label, letter }) => ({
            value,
            label: t(label),
            content: <span aria-hidden="true">{t(letter)}</span>,
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
