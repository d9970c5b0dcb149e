"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Download, X } from "lucide-react";
import { PlainImage } from "@/components/ui/plain-image";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import type { Image as StudioImage } from "@/shared/api-types";

interface ImageZoomDialogProps {
  image: StudioImage;
  downloadHref: string;
  /** The element that opens the dialog (rendered as the trigger). */
  children: ReactNode;
}

/** The original image, as large as the screen allows, over a dark scrim. */
export function ImageZoomDialog({ image, downloadHref, children }: ImageZoomDialogProps) {
  const t = useTranslations("results.zoom");
  return (
    <DialogPrimitive.Root>
      <DialogPrimitive.Trigger asChild>{children}</DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="data-[state=closed]:animate-fade-out data-[state=open]:animate-fade-in fixed inset-0 z-50 bg-[rgb(8_6_16/0.88)] backdrop-blur-sm" />
        <DialogPrimitive.Content
          className="data-[state=open]:animate-fade-in fixed inset-0 z-50 flex flex-col items-center justify-center gap-3 p-3 outline-none sm:p-8"
          data-testid="image-zoom"
        >
          <DialogPrimitive.Title className="sr-only">{t("title")}</DialogPrimitive.Title>
          <DialogPrimitive.Description className="sr-only">
            {image.prompt}
          </DialogPrimitive.Description>
          <div className="flex w-full max-w-6xl items-center justify-end gap-2">
            <a
              href={downloadHref}
              download
              className={buttonClasses({ variant: "inverse-ghost", size: "sm" })}
            >
              <Download aria-hidden="true" />
              {t("download")}
            </a>
            <DialogPrimitive.Close
              aria-label={t("close")}
              className={buttonClasses({ variant: "inverse-ghost", size: "icon" })}
            >
              <X aria-hidden="true" className="size-5" />
            </DialogPrimitive.Close>
          </div>
          <div className="flex min-h-0 w-full flex-1 items-center justify-center">
            <PlainImage
              src={image.urls.original}
              alt={image.prompt}
              width={image.width}
              height={image.height}
              className="shadow-pop max-h-full w-auto max-w-full rounded-xl object-contain"
            />
          </div>
          <p className="line-clamp-2 max-w-3xl text-center text-sm text-white/75">{image.prompt}</p>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
