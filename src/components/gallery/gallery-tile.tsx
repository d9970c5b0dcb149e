"use client";

import { Check, Globe, Heart } from "lucide-react";
import { PlainImage } from "@/components/ui/plain-image";
import { useTranslations } from "next-intl";
import { memo, useState, type MouseEvent } from "react";
import { cn } from "@/lib/cn";
import type { Image } from "@/shared/api-types";
import { imageHref } from "./lightbox-history";
import { thumbnailOf, thumbnailSrcSet, tintOf } from "./image-tint";
import { useLongPress } from "./use-long-press";

interface GalleryTileProps {
  image: Image;
  index: number;
  /** The tile's width in CSS px, for `sizes`. */
  size: number;
  selectMode: boolean;
  selected: boolean;
  onActivate: (index: number, event: MouseEvent) => void;
  onLongPress: (index: number) => void;
  /** Starts selecting with this image (the hover checkbox on desktop). */
  onPick: (index: number) => void;
  /**
   * The first row: fetched first, never lazily, and shown without the fade-in (which waits for
   * React's onLoad): it is the page's largest paint and must not wait for the scripts.
   */
  priority?: boolean;
  /**
   * Fades in once loaded (tiles that scroll into view). The tiles of the first HTML do not: their
   * pictures paint as soon as the browser has them, without waiting for the scripts and React's
   * onLoad.
   */
  fadeIn?: boolean;
}

/** The tile's accessible name: its prompt (shortened), and whether it is a favorite or public. */
function useTileLabel(image: Image): string {
  const t = useTranslations("gallery.tile");
  const prompt = image.prompt.length > 120 ? `${image.prompt.slice(0, 117)}…` : image.prompt;
  if (image.favorite && image.isPublic) return t("favoritePublic", { prompt });
  if (image.favorite) return t("favorite", { prompt });
  if (image.isPublic) return t("public", { prompt });
  return prompt;
}

/** One thumbnail, filling the box its row gives it: a link to the image, or a toggle while selecting. */
export const GalleryTile = memo(function GalleryTile({
  image,
  index,
  size,
  selectMode,
  selected,
  onActivate,
  onLongPress,
  onPick,
  priority = false,
  fadeIn = true,
}: GalleryTileProps) {
  const t = useTranslations("gallery.tile");
  const label = useTileLabel(image);
  const [loaded, setLoaded] = useState(false);
  const longPress = useLongPress(() => onLongPress(index));

  const onClick = (event: MouseEvent) => {
    if (longPress.consumeClick()) {
      event.preventDefault();
      return;
    }
    onActivate(index, event);
  };

  const content = (
    <>
      {loaded ? null : (
        // The image's own tint, still: a sheen on every waiting tile (most of them lazy, below
        // the fold) kept the page animating long after it had loaded.
        <span
          aria-hidden="true"
          className="absolute inset-0"
          style={{ backgroundImage: tintOf(image.id) }}
        />
      )}
      <PlainImage
        src={thumbnailOf(image)}
        srcSet={thumbnailSrcSet(image, size)}
        alt=""
        fill
        sizes={`${Math.ceil(size)}px`}
        priority={priority}
        fetchPriority={priority ? "high" : undefined}
        loading={priority ? undefined : "lazy"}
        // The first row paints with the frame that lays it out (it is the largest paint).
        decoding={priority ? "sync" : "async"}
        draggable={false}
        onLoad={() => setLoaded(true)}
        className={cn(
          "object-cover transition-[opacity,transform] duration-300 ease-out",
          loaded || priority || !fadeIn ? "opacity-100" : "opacity-0",
          !selectMode && "[@media(hover:hover)]:group-hover:scale-[1.04]",
        )}
      />
      <span
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 rounded-[inherit] ring-1 ring-black/5 ring-inset dark:ring-white/5"
      />
      {!selectMode ? (
        <span
          aria-hidden="true"
          className="pointer-events-none absolute inset-x-0 bottom-0 hidden bg-gradient-to-t from-black/70 via-black/25 to-transparent px-2.5 pt-8 pb-2 text-left text-xs leading-snug font-medium text-white opacity-0 transition-opacity duration-200 sm:block [@media(hover:hover)]:group-hover:opacity-100"
        >
          <span className="line-clamp-2">{image.prompt}</span>
        </span>
      ) : null}
      {image.favorite || image.isPublic ? (
        <span
          aria-hidden="true"
          className="pointer-events-none absolute bottom-1.5 left-1.5 flex gap-1"
        >
          {image.favorite ? (
            <span className="flex size-6 items-center justify-center rounded-full bg-black/45 text-white backdrop-blur-sm">
              <Heart className="size-3.5 fill-current" />
            </span>
          ) : null}
          {image.isPublic ? (
            <span className="flex size-6 items-center justify-center rounded-full bg-black/45 text-white backdrop-blur-sm">
              <Globe className="size-3.5" />
            </span>
          ) : null}
        </span>
      ) : null}
      {selectMode ? (
        <span
          aria-hidden="true"
          className={cn(
            "absolute top-2 right-2 flex size-6 items-center justify-center rounded-full border-2 shadow-sm transition-colors",
            selected
              ? "border-primary bg-primary text-on-primary"
              : "border-white/90 bg-black/20 text-transparent",
          )}
        >
          <Check className="size-3.5" strokeWidth={3} />
        </span>
      ) : null}
    </>
  );

  const shared = {
    "data-testid": "gallery-tile",
    "data-image-id": image.id,
    "data-tile-index": index,
    onClick,
    ...longPress.handlers,
    className: cn(
      "group relative block size-full scroll-mt-40 overflow-hidden rounded-xl bg-surface-raised select-none [-webkit-touch-callout:none] sm:rounded-2xl",
      "transition-[transform,box-shadow] duration-150 focus-visible:outline-offset-2",
      selected && "scale-[0.93] ring-3 ring-primary",
    ),
  };

  return (
    <div role="listitem" className="group/tile relative size-full">
      {selectMode ? (
        <button type="button" aria-pressed={selected} aria-label={label} {...shared}>
          {content}
        </button>
      ) : (
        <a href={imageHref(image.id)} aria-label={label} draggable={false} {...shared}>
          {content}
        </a>
      )}
      {!selectMode ? (
        <button
          type="button"
          tabIndex={-1}
          aria-label={t("select")}
          onClick={() => onPick(index)}
          className="absolute top-2 right-2 hidden size-7 items-center justify-center rounded-full border-2 border-white/90 bg-black/25 text-transparent opacity-0 shadow-sm transition-opacity duration-150 group-hover/tile:opacity-100 hover:bg-black/40 hover:text-white [@media(hover:hover)]:flex"
        >
          <Check aria-hidden="true" className="size-3.5" strokeWidth={3} />
        </button>
      ) : null}
    </div>
  );
});
