"use client";

import type { MouseEvent, ReactElement } from "react";
import type { Image } from "@/shared/api-types";
import type { GalleryLayoutKind } from "./gallery-layout";
import { GalleryTile } from "./gallery-tile";

/** Enough for the first screen of a large desktop. */
const FIRST_TILES = 18;
/** The first row of a phone and most of a desktop's: fetched first (fetchpriority="high"), never lazily. */
export const PRIORITY_TILES = 4;
/** The row height the justified rows aim at before the grid knows its width. */
const ROW_PX = 180;

interface FirstTilesOptions {
  images: Image[];
  layout: GalleryLayoutKind;
  onActivate: (index: number, event: MouseEvent) => void;
  onLongPress: (index: number) => void;
  onPick: (index: number) => void;
}

export function ratioOf(image: Image): number {
  return image.width > 0 && image.height > 0 ? image.width / image.height : 1;
}

/** The grid element's classes while it shows the first tiles (plain CSS rows or columns). */
export function firstTilesClassName(layout: GalleryLayoutKind): string {
  return layout === "grid"
    ? "grid grid-cols-2 gap-2 min-[600px]:grid-cols-4 min-[600px]:gap-3 min-[1000px]:grid-cols-6"
    : "flex flex-wrap gap-2 min-[600px]:gap-3";
}

/**
 * The grid's first tiles before the grid knows its width (the server's HTML and the first
 * client render): laid out by the grid element's CSS (flex rows at each image's shape, or a
 * square grid, see firstTilesClassName), so the first paint shows the images and the HTML
 * itself requests their thumbnails.
 *
 * A function, not a component: its elements are the grid element's own children (one keyed
 * array, by image id), exactly where the laid-out grid puts its tiles (WindowedImageGrid). When
 * the grid knows its width React keeps these elements and only moves them, so the thumbnails
 * painted from the HTML (the page's largest paint) are never replaced.
 */
export function firstTiles({
  images,
  layout,
  onActivate,
  onLongPress,
  onPick,
}: FirstTilesOptions): ReactElement[] {
  const first = images.slice(0, FIRST_TILES);
  const tiles = first.map((image, index) => {
    const ratio = ratioOf(image);
    return (
      <div
        key={image.id}
        role="none"
        className={layout === "grid" ? "aspect-square" : undefined}
        style={
          layout === "grid"
            ? undefined
            : { flexGrow: ratio, flexBasis: ratio * ROW_PX, aspectRatio: ratio }
        }
      >
        <GalleryTile
          image={image}
          index={index}
          size={ROW_PX * (layout === "grid" ? 1 : ratio)}
          selectMode={false}
          selected={false}
          onActivate={onActivate}
          onLongPress={onLongPress}
          onPick={onPick}
          priority={index < PRIORITY_TILES}
        />
      </div>
    );
  });
  if (layout === "grid") return tiles;
  // Keeps the last, incomplete row at the row height instead of stretched across the width.
  return [...tiles, <div key="first-tiles-end" aria-hidden="true" style={{ flexGrow: 10 }} />];
}
