import { Download } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { initialsOf } from "@/components/shell/user-avatar";
import type { Image } from "@/shared/api-types";
import { ImageThumb } from "./image-thumb";
import { ShareButton } from "./share-button";

export const TILE_GRID_CLASSES =
  "grid grid-cols-2 gap-x-3 gap-y-6 sm:grid-cols-3 sm:gap-x-4 lg:grid-cols-4";
export const TILE_SIZES = "(min-width: 1024px) 270px, (min-width: 640px) 33vw, 50vw";

interface PublicImageTileProps {
  image: Image;
  authorName?: string;
  showDownloads?: boolean;
  /** Extra lines under the caption, e.g. tag buttons. */
  footer?: ReactNode;
  eager?: boolean;
}

/** A public image in a grid: opens its share page; a share button sits on the picture. */
export function PublicImageTile({
  image,
  authorName,
  showDownloads = false,
  footer,
  eager,
}: PublicImageTileProps) {
  const t = useTranslations("share");
  const href = image.shareUrl ?? `/images/${image.id}`;
  return (
    <li className="flex min-w-0 flex-col gap-2" data-testid="public-image-tile">
      <div className="group relative">
        <Link
          href={href}
          className="border-line bg-surface-sunken shadow-card block aspect-square overflow-hidden rounded-2xl border"
        >
          <ImageThumb
            image={image}
            alt={image.prompt}
            sizes={TILE_SIZES}
            eager={eager}
            className="transition-transform duration-300 group-hover:scale-[1.03]"
          />
        </Link>
        {image.shareUrl ? (
          <div className="absolute top-2 right-2">
            <ShareButton
              url={image.shareUrl}
              title={image.prompt}
              appearance="overlay"
              label={t("button.shareImage")}
            />
          </div>
        ) : null}
      </div>
      <div className="flex min-w-0 flex-col gap-1.5 px-0.5">
        <p className="text-ink line-clamp-2 text-sm leading-snug">{image.prompt}</p>
        {authorName || showDownloads ? (
          <div className="text-ink-muted flex min-w-0 items-center justify-between gap-2 text-xs">
            {authorName ? (
              <span className="flex min-w-0 items-center gap-1.5">
                <span
                  aria-hidden="true"
                  className="bg-prism inline-flex size-5 shrink-0 items-center justify-center rounded-full text-[0.55rem] font-bold text-white"
                >
                  {initialsOf(authorName, "?")}
                </span>
                <span className="truncate">{authorName}</span>
              </span>
            ) : (
              <span />
            )}
            {showDownloads ? (
              <span className="inline-flex shrink-0 items-center gap-1" title={t("tile.downloads")}>
                <Download aria-hidden="true" className="size-3.5" />
                <span className="sr-only">{t("tile.downloadsCount")}</span>
                {image.downloadCount}
              </span>
            ) : null}
          </div>
        ) : null}
        {footer}
      </div>
    </li>
  );
}
