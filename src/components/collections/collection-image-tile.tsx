"use client";

import { FolderMinus, ImageIcon, Lock, Maximize2, MoreHorizontal, Star } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ImageThumb } from "@/components/share/image-thumb";
import { TILE_SIZES } from "@/components/share/public-image-tile";
import { Badge } from "@/components/ui/badge";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/cn";
import type { Image } from "@/shared/api-types";

interface CollectionImageTileProps {
  image: Image;
  isCover: boolean;
  /** The collection is public: mark the images its visitors cannot see. */
  markPrivate: boolean;
  busy: boolean;
  eager: boolean;
  onSetCover: (image: Image) => void;
  onRemove: (image: Image) => void;
}

export function CollectionImageTile({
  image,
  isCover,
  markPrivate,
  busy,
  eager,
  onSetCover,
  onRemove,
}: CollectionImageTileProps) {
  const t = useTranslations("collections.tile");
  const short = image.prompt.length > 40 ? `${image.prompt.slice(0, 40)}…` : image.prompt;
  return (
    <li
      className={cn(
        "flex min-w-0 flex-col gap-2 transition-opacity",
        busy && "pointer-events-none opacity-50",
      )}
      aria-busy={busy || undefined}
      data-testid="collection-image"
    >
      <div className="group relative">
        <Link
          href={`/images/${image.id}`}
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
        <div className="pointer-events-none absolute top-2 left-2 flex flex-wrap gap-1">
          {isCover ? (
            <Badge variant="prism" className="shadow-sm" data-testid="cover-badge">
              <Star aria-hidden="true" />
              {t("cover")}
            </Badge>
          ) : null}
          {markPrivate && !image.isPublic ? (
            <Badge className="shadow-sm" title={t("privateHint")}>
              <Lock aria-hidden="true" />
              {t("private")}
            </Badge>
          ) : null}
        </div>
        <div className="absolute top-2 right-2">
          <DropdownMenu>
            <DropdownMenuTrigger
              aria-label={t("actions", { prompt: short })}
              className="inline-flex size-10 items-center justify-center rounded-full bg-black/45 text-white shadow-sm backdrop-blur-md transition-colors hover:bg-black/65 data-[state=open]:bg-black/70 sm:size-9"
              data-testid="collection-image-menu"
            >
              <MoreHorizontal aria-hidden="true" className="size-5" />
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem
                disabled={isCover}
                onSelect={() => onSetCover(image)}
                data-testid="set-cover"
              >
                <ImageIcon aria-hidden="true" />
                {isCover ? t("isCover") : t("setCover")}
              </DropdownMenuItem>
              <DropdownMenuItem asChild>
                <Link href={`/images/${image.id}`}>
                  <Maximize2 aria-hidden="true" />
                  {t("open")}
                </Link>
              </DropdownMenuItem>
              <DropdownMenuSeparator />
              <DropdownMenuItem
                tone="danger"
                onSelect={() => onRemove(image)}
                data-testid="remove-from-collection"
              >
                <FolderMinus aria-hidden="true" />
                {t("remove")}
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        </div>
      </div>
      <p className="text-ink line-clamp-2 px-0.5 text-sm leading-snug">{image.prompt}</p>
    </li>
  );
}
