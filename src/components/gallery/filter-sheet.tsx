"use client";

import { Heart, SlidersHorizontal } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import type { Collection, StyleTemplate } from "@/shared/api-types";
import { FilterFields } from "./filter-fields";
import { countSheetFilters, type GalleryFilters } from "./gallery-filters";

interface FilterSheetProps {
  filters: GalleryFilters;
  onApply: (next: GalleryFilters) => void;
  templates: StyleTemplate[] | null;
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
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(filters);
  const active = countSheetFilters(filters);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) setDraft(filters);
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button
          variant="secondary"
          className="relative px-3.5"
          aria-label={active > 0 ? `Filters, ${active} active` : "Filters"}
          data-testid="gallery-filters-open"
        >
          <SlidersHorizontal aria-hidden="true" />
          <span className="hidden sm:inline">Filters</span>
          {active > 0 ? (
            <span
              aria-hidden="true"
              className="bg-primary text-on-primary absolute -top-1.5 -right-1.5 flex size-5 items-center justify-center rounded-full text-[0.7rem] font-bold"
            >
              {active}
            </span>
          ) : null}
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="gallery-filter-sheet">
        <DialogHeader>
          <DialogTitle>Filters</DialogTitle>
          <DialogDescription>
            Narrow your gallery by shape, style, collection, tag or date.
          </DialogDescription>
        </DialogHeader>
        <div className="border-line bg-surface-raised/60 flex items-center justify-between gap-4 rounded-2xl border px-4 py-3">
          <Label htmlFor="filter-sheet-favorites" className="flex items-center gap-2">
            <Heart aria-hidden="true" className="text-accent size-4" />
            Favorites only
          </Label>
          <Switch
            id="filter-sheet-favorites"
            checked={draft.favorite === true}
            onCheckedChange={(checked) => {
              const next = { ...draft };
              if (checked) next.favorite = true;
              else delete next.favorite;
              setDraft(next);
            }}
          />
        </div>
        <FilterFields
          layout="sheet"
          filters={draft}
          onChange={setDraft}
          templates={templates}
          collections={collections}
          knownTags={knownTags}
        />
        <DialogFooter>
          <Button variant="ghost" onClick={() => setDraft(draft.q ? { q: draft.q } : {})}>
            Reset filters
          </Button>
          <Button
            onClick={() => {
              onApply(draft);
              setOpen(false);
            }}
            data-testid="gallery-filters-apply"
          >
            Show results
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
