"use client";

import type { MouseEvent } from "react";
import type { Image } from "@/shared/api-types";
import type { GalleryLayoutKind } from "./gallery-layout";
import { GalleryTile } from "./gallery-tile";

/** Enough for the first screen of a large desktop. */
const FIRST_TILES = 18;
/** The first row of a phone and most of a desktop's: fetched first (fetchpriority="high"), never lazily. */
const PRIORITY_TILES = 4;
/** The row height the justified rows aim at before the grid knows its width. */
const ROW_PX = 180;

interface FirstTilesProps {
  images: Image[];
  layout: GalleryLayoutKind;
  onActivate: (index: number, event: MouseEvent) => void;
  onLongPress: (index: number) => void;
  onPick: (index: number) => void;
}

function ratioOf(image: Image): number {
  return image.width > 0 && image.height > 0 ? image.width / image.height : 1;
}

/**
 * The grid's first tiles before the grid knows its width (the server's HTML and the first
 * client render): plain CSS (flex rows at each image's shape, or a square grid), so the first
 * paint shows the images and the HTML itself requests their thumbnails. The virtualised rows
 * replace it once laid out.
 */
export function FirstTiles({ images, layout, onActivate, onLongPress, onPick }: FirstTilesProps) {
  const tile = (image: Image, index: number) => (
    <GalleryTile
      image={image}
      index={index}
      size={ROW_PX * (layout === "grid" ? 1 : ratioOf(image))}
      selectMode={false}
      selected={false}
      onActivate={onActivate}
      onLongPress={onLongPress}
      onPick={onPick}
      priority={index < PRIORITY_TILES}
    />
  );
  const first = images.slice(0, FIRST_TILES);
  if (layout === "grid") {
    return (
      <div
        role="none"
        className="grid grid-cols-2 gap-2 min-[600px]:grid-cols-4 min-[600px]:gap-3 min-[1000px]:grid-cols-6"
        data-testid="gallery-first-tiles"
      >
        {first.map((image, index) => (
          <div key={image.id} role="none" className="aspect-square">
            {tile(image, index)}
          </div>
        ))}
      </div>
    );
  }
  return (
    <div
      role="none"
      className="flex flex-wrap gap-2 min-[600px]:gap-3"
      data-testid="gallery-first-tiles"
    >
      {first.map((image, index) => {
        const ratio = ratioOf(image);
        return (
          <div
            key={image.id}
            role="none"
            style={{ flexGrow: ratio, flexBasis: ratio * ROW_PX, aspectRatio: ratio }}
          >
            {tile(image, index)}
          </div>
        );
      })}
      <div aria-hidden="true" style={{ flexGrow: 10 }} />
    </div>
  );
}
