"use client";

import { X } from "lucide-react";
import { PlainImage } from "@/components/ui/plain-image";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useFormatBytes } from "@/lib/i18n/format-bytes";
import type { InputImage } from "./use-composer";

/** The chosen input images as numbered thumbnails ("image 1"…), each removable. */
export function InputImageList({
  images,
  onRemove,
}: {
  images: InputImage[];
  onRemove: (key: string) => void;
}) {
  const t = useTranslations("generate.inputImages");
  const fileSize = useFormatBytes();
  return (
    <ol className="grid grid-cols-2 gap-2 min-[440px]:grid-cols-4" aria-label={t("listLabel")}>
      {images.map((item, index) => (
        <li
          key={item.key}
          className="border-line bg-surface relative overflow-hidden rounded-2xl border"
          data-testid="input-image-item"
        >
          <PlainImage
            src={item.previewUrl}
            alt={t("alt", { number: index + 1 })}
            width={150}
            height={150}
            className="aspect-square w-full object-cover"
            data-testid="input-image-preview"
          />
          <span className="absolute top-1.5 left-1.5 rounded-full bg-black/65 px-2 py-0.5 text-xs font-semibold text-white">
            {t("badge", { number: index + 1 })}
          </span>
          <Button
            variant="secondary"
            size="icon"
            onClick={() => onRemove(item.key)}
            aria-label={t("remove", { number: index + 1 })}
            className="absolute top-1 right-1 size-9 rounded-full sm:size-8"
            data-testid="input-image-remove"
          >
            <X aria-hidden="true" />
          </Button>
          <p className="text-ink-muted truncate px-2 py-1 text-xs">
            {item.kind === "file"
              ? t("fileCaption", {
                  name: item.file.name || t("pasted"),
                  size: fileSize(item.file.size),
                })
              : t("fromYourGallery")}
          </p>
        </li>
      ))}
    </ol>
  );
}
