"use client";

import { CircleAlert, Images, ImagePlus } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { forwardRef, useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { useOpenedOnce } from "@/components/ui/use-opened-once";
import { cn } from "@/lib/cn";
import type { Image as StudioImage } from "@/shared/api-types";
import { INPUT_IMAGES_MAX } from "@/shared/limits";
import { INPUT_IMAGE_ACCEPT } from "./input-image";
import type { InputImage } from "./use-composer";

// The thumbnails load with the first input image; the gallery list when the picker opens.
const InputImageList = dynamic(() =>
  import("./input-image-list").then((module) => module.InputImageList),
);
const GalleryPickerDialog = dynamic(
  () => import("./gallery-picker-dialog").then((module) => module.GalleryPickerDialog),
  { ssr: false },
);

interface InputImageFieldProps {
  id: string;
  images: InputImage[];
  error?: string;
  onPick: (files: File[]) => void;
  onPickFromGallery: (images: StudioImage[]) => void;
  onRemove: (key: string) => void;
}

/**
 * Up to four input images: pick files, drop them here (or anywhere on the page), paste, or
 * choose from the gallery. Each shows as "image 1"… so the prompt can name it. The forwarded
 * ref is the file input, so "Choose another image" can open it.
 */
export const InputImageField = forwardRef<HTMLInputElement, InputImageFieldProps>(
  function InputImageField({ id, images, error, onPick, onPickFromGallery, onRemove }, ref) {
    const t = useTranslations("generate.inputImages");
    const [over, setOver] = useState(false);
    const [pickerOpen, setPickerOpen] = useState(false);
    const pickerMounted = useOpenedOnce(pickerOpen);
    const errorId = `${id}-error`;
    const hintId = `${id}-hint`;
    const room = INPUT_IMAGES_MAX - images.length;

    // The files themselves are taken by the page-wide drop handler (usePageImageInput).
    function onDrop(event: DragEvent<HTMLDivElement>) {
      event.preventDefault();
      setOver(false);
    }

    return (
      <div className="flex flex-col gap-2" data-testid="input-image">
        <div className="flex items-baseline justify-between gap-3">
          <span className="text-ink text-sm font-medium">
            {t("label")}{" "}
            <span className="text-ink-subtle font-normal">
              {t("optional", { max: INPUT_IMAGES_MAX })}
            </span>
          </span>
          {images.length > 0 ? (
            <span className="text-ink-subtle text-xs tabular-nums" data-testid="input-image-count">
              {t("count", { count: images.length, max: INPUT_IMAGES_MAX })}
            </span>
          ) : null}
        </div>
        {images.length > 0 ? <InputImageList images={images} onRemove={onRemove} /> : null}
        {room > 0 ? (
          <div
            data-invalid={error ? "true" : undefined}
            onDragOver={(event) => {
              event.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={onDrop}
            className={cn(
              "relative flex flex-wrap items-center gap-3 rounded-2xl border border-dashed px-3.5 py-3 transition-colors",
              "has-[input:focus-visible]:ring-ring/35 has-[input:focus-visible]:ring-4",
              over ? "border-primary bg-primary-soft" : "border-line-strong bg-surface-raised/40",
              "data-[invalid=true]:border-danger",
            )}
          >
            <span className="bg-surface text-primary flex size-10 shrink-0 items-center justify-center rounded-xl shadow-xs">
              <ImagePlus aria-hidden="true" className="size-5" />
            </span>
            <p id={hintId} className="text-ink-muted min-w-0 flex-1 basis-48 text-sm">
              {t.rich(images.length === 0 ? "pickHint" : "addHint", {
                room,
                pick: (chunks) => (
                  <label
                    htmlFor={id}
                    className="text-primary decoration-primary/30 hover:decoration-primary font-semibold underline underline-offset-4"
                  >
                    {chunks}
                  </label>
                ),
              })}
            </p>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => setPickerOpen(true)}
              data-testid="input-image-from-gallery"
            >
              <Images aria-hidden="true" />
              {t("fromGallery")}
            </Button>
            <input
              ref={ref}
              id={id}
              type="file"
              name="image"
              multiple
              accept={INPUT_IMAGE_ACCEPT}
              className="sr-only"
              aria-describedby={[error ? errorId : null, hintId].filter(Boolean).join(" ")}
              aria-invalid={error ? true : undefined}
              onChange={(event) => {
                const files = Array.from(event.target.files ?? []);
                if (files.length > 0) onPick(files);
                event.target.value = "";
              }}
              data-testid="input-image-file"
            />
          </div>
        ) : (
          <p id={hintId} className="text-ink-muted text-xs">
            {t("full")}
          </p>
        )}
        {error ? (
          <p id={errorId} role="alert" className="text-danger flex items-start gap-1.5 text-sm">
            <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <span>{error}</span>
          </p>
        ) : null}
        {pickerMounted ? (
          <GalleryPickerDialog
            open={pickerOpen}
            onOpenChange={setPickerOpen}
            max={room}
            excludeIds={images.flatMap((item) => (item.kind === "gallery" ? [item.image.id] : []))}
            onPick={onPickFromGallery}
          />
        ) : null}
      </div>
    );
  },
);
