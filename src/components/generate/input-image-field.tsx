"use client";

import { CircleAlert, Images, ImagePlus, X } from "lucide-react";
import dynamic from "next/dynamic";
import Image from "next/image";
import { forwardRef, useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { useOpenedOnce } from "@/components/ui/use-opened-once";
import { cn } from "@/lib/cn";
import type { Image as StudioImage } from "@/shared/api-types";
import { INPUT_IMAGES_MAX } from "@/shared/limits";
import { formatBytes, INPUT_IMAGE_ACCEPT } from "./input-image";
import type { InputImage } from "./use-composer";

// The gallery list loads when the picker is first opened.
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
            Input images <span className="text-ink-subtle font-normal">(optional, up to 4)</span>
          </span>
          {images.length > 0 ? (
            <span className="text-ink-subtle text-xs tabular-nums" data-testid="input-image-count">
              {images.length} of {INPUT_IMAGES_MAX}
            </span>
          ) : null}
        </div>
        {images.length > 0 ? (
          <ol className="grid grid-cols-2 gap-2 min-[440px]:grid-cols-4" aria-label="Input images">
            {images.map((item, index) => (
              <li
                key={item.key}
                className="border-line bg-surface relative overflow-hidden rounded-2xl border"
                data-testid="input-image-item"
              >
                <Image
                  src={item.previewUrl}
                  alt={`Input image ${index + 1}`}
                  width={150}
                  height={150}
                  unoptimized
                  className="aspect-square w-full object-cover"
                  data-testid="input-image-preview"
                />
                <span className="absolute top-1.5 left-1.5 rounded-full bg-black/65 px-2 py-0.5 text-xs font-semibold text-white">
                  image {index + 1}
                </span>
                <Button
                  variant="secondary"
                  size="icon"
                  onClick={() => onRemove(item.key)}
                  aria-label={`Remove input image ${index + 1}`}
                  className="absolute top-1 right-1 size-9 rounded-full sm:size-8"
                  data-testid="input-image-remove"
                >
                  <X aria-hidden="true" />
                </Button>
                <p className="text-ink-muted truncate px-2 py-1 text-xs">
                  {item.kind === "file"
                    ? `${item.file.name || "Pasted image"} · ${formatBytes(item.file.size)}`
                    : "From your gallery"}
                </p>
              </li>
            ))}
          </ol>
        ) : null}
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
              <label
                htmlFor={id}
                className="text-primary decoration-primary/30 hover:decoration-primary font-semibold underline underline-offset-4"
              >
                {images.length === 0 ? "Choose images" : "Add images"}
              </label>
              , drop or paste them. PNG, JPEG or WebP up to 10 MB
              {images.length > 0 ? `; ${room} more fit.` : "."}
            </p>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => setPickerOpen(true)}
              data-testid="input-image-from-gallery"
            >
              <Images aria-hidden="true" />
              From gallery
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
            Four images is the most one prompt can use. Refer to them as “image 1” to “image 4”.
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
