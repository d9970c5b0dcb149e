"use client";

import { SlidersHorizontal } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useOpenedOnce } from "@/components/ui/use-opened-once";
import type { TemplateName } from "@/lib/api/template-names";
import type { Collection } from "@/shared/api-types";
import { countSheetFilters, type GalleryFilters } from "./gallery-filters";

// Radix's dialog and the sheet's fields load on the first opening, not with the gallery.
const FilterSheetDialog = dynamic(
  () => import("./filter-sheet-dialog").then((module) => module.FilterSheetDialog),
  { ssr: false },
);

interface FilterSheetProps {
  filters: GalleryFilters;
  onApply: (next: GalleryFilters) => void;
  templates: TemplateName[] | null;
  collections: Collection[] | null;
  knownTags: string[];
}

/** Phones and tablets: the filters in a bottom sheet, applied together with "Show results". */
export function FilterSheet({
  filters,
  onApply,
  templates,
  collections,
  knownTags,
}: FilterSheetProps) {
  const t = useTranslations("gallery.sheet");
  const [open, setOpen] = useState(false);
  const mounted = useOpenedOnce(open);
  const trigger = useRef<HTMLButtonElement>(null);
  const active = countSheetFilters(filters);

  return (
    <>
      <Button
        ref={trigger}
        variant="secondary"
        className="relative px-3.5"
        aria-label={active > 0 ? t("openActive", { count: active }) : t("open")}
        aria-haspopup="dialog"
        aria-expanded={open}
        data-state={open ? "open" : "closed"}
        onClick={() => setOpen(true)}
        data-testid="gallery-filters-open"
      >
        <SlidersHorizontal aria-hidden="true" />
        <span className="hidden sm:inline">{t("open")}</span>
        {active > 0 ? (
          <span
            aria-hidden="true"
            className="bg-primary text-on-primary absolute -top-1.5 -right-1.5 flex size-5 items-center justify-center rounded-full text-[0.7rem] font-bold"
          >
            {active}
          </span>
        ) : null}
      </Button>
      {mounted ? (
        <FilterSheetDialog
          open={open}
          onOpenChange={setOpen}
          trigger={trigger}
          filters={filters}
          onApply={onApply}
          templates={templates}
          collections={collections}
          knownTags={knownTags}
        />
      ) : null}
    </>
  );
}
