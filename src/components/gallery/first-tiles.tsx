"use client";

import type { MouseEvent } from "react";
import type { Image } from "@/shared/api-types";
import { GalleryTile } from "./gallery-tile";

/** Enough for the first screen of a large desktop (three rows of six). */
const FIRST_TILES = 18;
/** The first row of a phone and most of a desktop's: fetched first (fetchpriority="high"), never lazily. */
const PRIORITY_TILES = 4;

interface FirstTilesProps {
  images: Image[];
  onActivate: (index: number, event: MouseEvent) => void;
  onLongPress: (index: number) => void;
  onPick: (index: number) => void;
}

/**
 * The grid's first tiles before the grid knows its width (the server's HTML and the first
 * client render): a plain CSS grid, so the first paint shows the images and their thumbnails
 * are requested by the HTML itself. The virtualised rows replace it once laid out.
 */
export function FirstTiles({ images, onActivate, onLongPress, onPick }: FirstTilesProps) {
  return (
    <div
      role="none"
      className="grid grid-cols-2 gap-2 min-[483px]:grid-cols-3 min-[600px]:gap-3 min-[654px]:grid-cols-4 min-[816px]:grid-cols-5 min-[978px]:grid-cols-6"
      data-testid="gallery-first-tiles"
    >
      {images.slice(0, FIRST_TILES).map((image, index) => (
        <div key={image.id} role="none" className="aspect-square">
          <GalleryTile
            image={image}
            index={index}
            size={300}
            selectMode={false}
            selected={false}
            onActivate={onActivate}
            onLongPress={onLongPress}
            onPick={onPick}
            priority={index < PRIORITY_TILES}
          />
        </div>
      ))}
    </div>
  );
}
