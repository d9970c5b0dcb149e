"use client";

import { CircleAlert, ImagePlus, RefreshCw, Trash2 } from "lucide-react";
import Image from "next/image";
import { forwardRef, useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { formatBytes, INPUT_IMAGE_ACCEPT } from "./input-image";
import type { InputImage } from "./use-composer";

interface InputImageFieldProps {
  id: string;
  image: InputImage | null;
  error?: string;
  onPick: (file: File) => void;
  onRemove: () => void;
}

/**
 * An optional input image for image-to-image: pick, drop here (or anywhere on the page), or
 * paste. The forwarded ref is the file input, so "Choose another image" can open it.
 */
export const InputImageField = forwardRef<HTMLInputElement, InputImageFieldProps>(
  function InputImageField({ id, image, error, onPick, onRemove }, ref) {
    const [over, setOver] = useState(false);
    const errorId = `${id}-error`;
    const hintId = `${id}-hint`;

    // The file itself is taken by the page-wide drop handler (usePageImageInput).
    function onDrop(event: DragEvent<HTMLDivElement>) {
      event.preventDefault();
      setOver(false);
    }

    const fileInput = (
      <input
        ref={ref}
        id={id}
        type="file"
        name="image"
        accept={INPUT_IMAGE_ACCEPT}
        className="sr-only"
        aria-describedby={[error ? errorId : null, hintId].filter(Boolean).join(" ")}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onPick(file);
          event.target.value = "";
        }}
        data-testid="input-image-file"
      />
    );

    return (
      <div className="flex flex-col gap-2" data-testid="input-image">
        <div className="flex items-baseline justify-between gap-3">
          <span className="text-ink text-sm font-medium">
            Input image <span className="text-ink-subtle font-normal">(optional)</span>
          </span>
        </div>
        {image ? (
          <div className="border-line bg-surface has-[input:focus-visible]:ring-ring/35 flex items-center gap-3 rounded-2xl border p-2.5 pr-3 has-[input:focus-visible]:ring-4">
            <Image
              src={image.previewUrl}
              alt="Input image preview"
              width={72}
              height={72}
              unoptimized
              className="size-16 shrink-0 rounded-xl object-cover sm:size-18"
              data-testid="input-image-preview"
            />
            <div className="flex min-w-0 flex-1 flex-col">
              <p className="text-ink truncate text-sm font-semibold">
                {image.file.name || "Pasted image"}
              </p>
              <p id={hintId} className="text-ink-muted text-xs">
                {formatBytes(image.file.size)} · the image is sent with your prompt
              </p>
            </div>
            <div className="flex shrink-0 gap-1">
              <label
                htmlFor={id}
                className="rounded-control text-ink-muted hover:bg-surface-raised hover:text-ink inline-flex size-11 cursor-pointer items-center justify-center sm:size-10"
                title="Replace the image"
              >
                <RefreshCw aria-hidden="true" className="size-4" />
                <span className="sr-only">Replace the input image</span>
              </label>
              {fileInput}
              <Button
                variant="ghost"
                size="icon"
                onClick={onRemove}
                aria-label="Remove the input image"
                data-testid="input-image-remove"
              >
                <Trash2 aria-hidden="true" />
              </Button>
            </div>
          </div>
        ) : (
          <div
            data-invalid={error ? "true" : undefined}
            onDragOver={(event) => {
              event.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={onDrop}
            className={cn(
              "relative flex items-center gap-3 rounded-2xl border border-dashed px-3.5 py-3 transition-colors",
              "has-[input:focus-visible]:ring-ring/35 has-[input:focus-visible]:ring-4",
              over ? "border-primary bg-primary-soft" : "border-line-strong bg-surface-raised/40",
              "data-[invalid=true]:border-danger",
            )}
          >
            <span className="bg-surface text-primary flex size-10 shrink-0 items-center justify-center rounded-xl shadow-xs">
              <ImagePlus aria-hidden="true" className="size-5" />
            </span>
            <p id={hintId} className="text-ink-muted min-w-0 flex-1 text-sm">
              <label
                htmlFor={id}
                className="text-primary decoration-primary/30 hover:decoration-primary font-semibold underline underline-offset-4"
              >
                Choose an image
              </label>
              , drop one here or paste it. PNG, JPEG or WebP up to 10 MB.
            </p>
            {fileInput}
          </div>
        )}
        {error ? (
          <p id={errorId} role="alert" className="text-danger flex items-start gap-1.5 text-sm">
            <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <span>{error}</span>
          </p>
        ) : null}
      </div>
    );
  },
);
