"use client";

import { CheckCircle2, X } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { dismissReadyImage, useReadyImages } from "./ready-images";

/** "Your queued prompt is ready", with a link to each image, until the user dismisses it. */
export function ReadyImagesNotice() {
  const t = useTranslations("shell.readyImages");
  const images = useReadyImages((state) => state.images);
  if (images.length === 0) return null;
  return (
    <div
      className="fixed inset-x-0 top-[calc(4rem+env(safe-area-inset-top))] z-[55] mx-auto flex w-full max-w-sm flex-col gap-2 px-4 lg:top-4 lg:right-4 lg:left-auto lg:mx-0"
      data-testid="ready-images"
    >
      {images.map((image) => (
        <div
          key={image.id}
          role="status"
          className="border-line bg-surface shadow-pop motion-safe:animate-toast-in flex items-center gap-3 rounded-2xl border py-3 pr-2 pl-4"
          data-testid="ready-image"
        >
          <CheckCircle2 aria-hidden="true" className="text-success size-5 shrink-0" />
          <div className="min-w-0 flex-1">
            <p className="text-ink text-sm font-semibold">{t("title")}</p>
            <p className="text-ink-muted truncate text-xs">{image.prompt}</p>
          </div>
          <Button asChild variant="secondary" size="sm">
            <Link
              href={`/images/${image.id}`}
              onClick={() => dismissReadyImage(image.id)}
              aria-label={t("viewLabel", { prompt: image.prompt })}
            >
              {t("view")}
            </Link>
          </Button>
          <Button
            variant="ghost"
            size="icon"
            aria-label={t("dismissLabel", { prompt: image.prompt })}
            onClick={() => dismissReadyImage(image.id)}
          >
            <X aria-hidden="true" />
          </Button>
        </div>
      ))}
    </div>
  );
}
