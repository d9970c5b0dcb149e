"use client";

import { Heart } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import type { TemplateName } from "@/lib/api/template-names";
import type { Collection } from "@/shared/api-types";
import { FilterFields } from "./filter-fields";
import type { GalleryFilters } from "./gallery-filters";

interface FilterSheetDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where the focus returns when the sheet closes. */
  trigger: RefObject<HTMLButtonElement | null>;
  filters: GalleryFilters;
  onApply: (next: GalleryFilters) => void;
  templates: TemplateName[] | null;
  collections: Collection[] | null;
  knownTags: string[];
}

/** The filter sheet itself; FilterSheet loads it the first time the sheet opens. */
export function FilterSheetDialog({
  open,
  onOpenChange,
  trigger,
  filters,
  onApply,
  templates,
  collections,
  knownTags,
}: FilterSheetDialogProps) {
  const t = useTranslations("gallery.sheet");
  const [draft, setDraft] = useState(filters);
  // Each opening starts from the filters in force.
  const [shownFor, setShownFor] = useState(open);
  if (open !== shownFor) {
    setShownFor(open);
    if (open) setDraft(filters);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        data-testid="gallery-filter-sheet"
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          trigger.current?.focus();
        }}
      >
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <div className="border-line bg-surface-raised/60 flex items-center justify-between gap-4 rounded-2xl border px-4 py-3">
          <Label htmlFor="filter-sheet-favorites" className="flex items-center gap-2">
            <Heart aria-hidden="true" className="text-accent size-4" />
            {t("favoritesOnly")}
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
            {t("reset")}
          </Button>
          <Button
            onClick={() => {
              onApply(draft);
              onOpenChange(false);
            }}
            data-testid="gallery-filters-apply"
          >
            {t("apply")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
