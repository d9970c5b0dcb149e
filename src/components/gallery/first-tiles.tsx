"use client";

import type { MouseEvent, ReactElement } from "react";
import type { Image } from "@/shared/api-types";
import { clampRatio, type GalleryLayoutKind, type LayoutRow } from "./gallery-layout";
import { GalleryTile } from "./gallery-tile";

/** Enough for the first screen of a large desktop. */
export const FIRST_TILES = 18;
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
    : // The medium size's row heights and the gaps of gallery-layout.ts (targetRowHeight, gapFor).
      "flex flex-wrap gap-[6px] [--row:140px] min-[600px]:gap-[10px] min-[600px]:[--row:210px]";
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
    const ratio = clampRatio(ratioOf(image));
    return (
      <div
        key={image.id}
        role="none"
        className={layout === "grid" ? "aspect-square" : undefined}
        style={
          layout === "grid"
            ? undefined
            : { flexGrow: ratio, flexBasis: `calc(var(--row) * ${ratio})`, aspectRatio: ratio }
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
          fadeIn={false}
        />
      </div>
    );
  });
  if (layout === "grid") return tiles;
  // Keeps the last, incomplete row at the row height instead of stretched across the width.
  return [...tiles, <div key="first-tiles-end" aria-hidden="true" style={{ flexGrow: 1e6 }} />];
}

/** What the first tiles' CSS laid out, kept by the grid so its first layout moves nothing. */
export interface AdoptedRows {
  width: number;
  /** The ids of the images the rows hold, in order. */
  ids: string[];
  rows: LayoutRow[];
}

/**
 * Reads the justified rows the browser made of the first tiles (flex rows, see
 * firstTilesClassName) from the grid element, before the grid lays them out itself. Every
 * complete row is kept; the last line is left out (it may be a row the next images would have
 * filled). Null when the rows' spacing is not the grid's `gap` or there is no complete row:
 * then the grid's own layout is used from the start.
 */
export function readFirstRows(
  grid: HTMLElement,
  images: readonly Image[],
  gap: number,
): AdoptedRows | null {
  const box = grid.getBoundingClientRect();
  const lines: { top: number; height: number; tiles: { x: number; width: number }[] }[] = [];
  const tiles = Array.from(grid.children).slice(0, Math.min(FIRST_TILES, images.length));
  for (const tile of tiles) {
    const rect = tile.getBoundingClientRect();
    const top = rect.top - box.top;
    const line = lines[lines.length - 1];
    const place = { x: rect.left - box.left, width: rect.width };
    if (line && Math.abs(line.top - top) < 1) {
      line.tiles.push(place);
      line.height = Math.max(line.height, rect.height);
    } else lines.push({ top, height: rect.height, tiles: [place] });
  }
  const complete = lines.slice(0, -1);
  if (complete.length === 0) return null;
  for (let index = 1; index < complete.length; index += 1) {
    const above = complete[index - 1]!;
    if (Math.abs(complete[index]!.top - (above.top + above.height + gap)) > 0.5) return null;
  }
  let next = 0;
  const rows = complete.map((line) => ({
    height: line.height,
    tiles: line.tiles.map((place) => ({ index: next++, ...place })),
  }));
  return { width: box.width, ids: images.slice(0, next).map((image) => image.id), rows };
}
