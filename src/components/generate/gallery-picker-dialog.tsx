"use client";

import { Check, ImageOff, RotateCw } from "lucide-react";
import { PlainImage } from "@/components/ui/plain-image";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { imagesPath } from "@/lib/api/gallery-query";
import { useCursorPages } from "@/lib/api/hooks";
import { fetchApiPage, withCursor } from "@/lib/api/pages";
import { queryKeys } from "@/lib/api/query-keys";
import { cn } from "@/lib/cn";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { Image } from "@/shared/api-types";

interface GalleryPickerDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** How many more input images fit. */
  max: number;
  /** Gallery images already chosen (shown as chosen, not offered again). */
  excludeIds: string[];
  onPick: (images: Image[]) => void;
}

/** "From gallery": choose up to `max` of the user's own images as input images. */
export function GalleryPickerDialog({
  open,
  onOpenChange,
  max,
  excludeIds,
  onPick,
}: GalleryPickerDialogProps) {
  const t = useTranslations("generate.galleryPicker");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-2xl" data-testid="gallery-picker">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{max === 1 ? t("oneMore") : t("upTo", { max })}</DialogDescription>
        </DialogHeader>
        {open ? (
          <PickerChoices
            max={max}
            excludeIds={excludeIds}
            onDone={(images) => {
              onPick(images);
              onOpenChange(false);
            }}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

const PICKER_KEY = [...queryKeys.imageLists, "input-picker"] as const;

function PickerChoices({
  max,
  excludeIds,
  onDone,
}: {
  max: number;
  excludeIds: string[];
  onDone: (images: Image[]) => void;
}) {
  const t = useTranslations("generate.galleryPicker");
  const errorText = useErrorMessage();
  const list = useCursorPages(PICKER_KEY, (cursor, signal) =>
    fetchApiPage<Image>(withCursor(imagesPath(""), cursor), { signal }),
  );
  const [chosen, setChosen] = useState<Image[]>([]);
  const full = chosen.length >= max;

  function toggle(image: Image) {
    setChosen((current) =>
      current.some((item) => item.id === image.id)
        ? current.filter((item) => item.id !== image.id)
        : current.length >= max
          ? current
          : [...current, image],
    );
  }

  if (list.status === "loading") {
    return (
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-4" aria-busy="true">
        {Array.from({ length: 8 }, (_, index) => (
          <Skeleton key={index} className="aspect-square rounded-xl" />
        ))}
      </div>
    );
  }
  if (list.status === "error") {
    return (
      <div className="flex flex-col gap-3" data-testid="gallery-picker-error">
        <Alert variant="danger" role="alert" title={t("errorTitle")}>
          {errorText(list.error)}
        </Alert>
        <div>
          <Button variant="secondary" onClick={list.reload}>
            <RotateCw aria-hidden="true" />
            {t("retry")}
          </Button>
        </div>
      </div>
    );
  }
  if (list.items.length === 0) {
    return (
      <div
        className="text-ink-muted flex flex-col items-center gap-2 py-8 text-center text-sm"
        data-testid="gallery-picker-empty"
      >
        <ImageOff aria-hidden="true" className="size-6" />
        {t("empty")}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <ul
        className="-mx-1 grid max-h-[55dvh] grid-cols-3 gap-2 overflow-y-auto px-1 py-1 sm:grid-cols-4"
        aria-label={t("listLabel")}
      >
        {list.items.map((image) => {
          const already = excludeIds.includes(image.id);
          const position = chosen.findIndex((item) => item.id === image.id);
          const selected = position >= 0;
          return (
            <li key={image.id}>
              <button
                type="button"
                aria-pressed={selected}
                disabled={already || (full && !selected)}
                onClick={() => toggle(image)}
                aria-label={already ? t("alreadyChosen", { prompt: image.prompt }) : image.prompt}
                className={cn(
                  "focus-visible:ring-ring/35 relative block aspect-square w-full overflow-hidden rounded-xl border-2 focus-visible:ring-4 focus-visible:outline-none",
                  selected ? "border-primary" : "border-transparent",
                  (already || (full && !selected)) && "opacity-45",
                )}
                data-testid="gallery-picker-item"
              >
                <PlainImage
                  src={image.urls.thumbnails["300"] ?? image.urls.original}
                  alt=""
                  width={150}
                  height={150}
                  className="size-full object-cover"
                />
                {selected ? (
                  <span className="bg-primary text-on-primary absolute top-1.5 right-1.5 flex size-6 items-center justify-center rounded-full text-xs font-bold">
                    {position + 1}
                  </span>
                ) : already ? (
                  <span className="absolute top-1.5 right-1.5 flex size-6 items-center justify-center rounded-full bg-black/60 text-white">
                    <Check aria-hidden="true" className="size-3.5" />
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      {list.hasMore ? (
        <Button
          variant="ghost"
          onClick={list.loadMore}
          loading={list.status === "loading-more"}
          className="self-center"
        >
          {t("showMore")}
        </Button>
      ) : null}
      {list.status === "error-more" ? (
        <p role="alert" className="text-danger text-sm">
          {t("moreFailed")}{" "}
          <button type="button" className="font-semibold underline" onClick={list.retry}>
            {t("retry")}
          </button>
        </p>
      ) : null}
      <DialogFooter>
        <Button
          disabled={chosen.length === 0}
          onClick={() => onDone(chosen)}
          data-testid="gallery-picker-use"
        >
          {t("use", { count: Math.max(1, chosen.length) })}
        </Button>
      </DialogFooter>
    </div>
  );
}
