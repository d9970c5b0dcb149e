/**
 * Where each tile of the gallery goes: rows of tiles, computed from the images' aspect ratios
 * and the width available, so that the grid can be virtualised by rows and the arrow keys can
 * move by the real layout. Pure functions: no DOM, no React.
 */

export type GalleryLayoutKind = "justified" | "grid";
export type GalleryTileSize = "small" | "medium" | "large";

export const GALLERY_LAYOUTS: readonly GalleryLayoutKind[] = ["justified", "grid"];
export const GALLERY_TILE_SIZES: readonly GalleryTileSize[] = ["small", "medium", "large"];

/** A panorama or a tall strip would make a row unusable: ratios are kept within these. */
export const MIN_TILE_RATIO = 0.5;
export const MAX_TILE_RATIO = 2.5;

export interface LayoutTile {
  /** Index into the list of slots (images, then placeholders). */
  index: number;
  /** Left edge in px from the row's start. */
  x: number;
  width: number;
}

export interface LayoutRow {
  tiles: LayoutTile[];
  height: number;
}

export function clampRatio(ratio: number): number {
  if (!Number.isFinite(ratio) || ratio <= 0) return 1;
  return Math.min(MAX_TILE_RATIO, Math.max(MIN_TILE_RATIO, ratio));
}

export function gapFor(width: number): number {
  return width < 600 ? 6 : 10;
}

const JUSTIFIED_HEIGHT: Record<GalleryTileSize, { phone: number; wide: number }> = {
  small: { phone: 96, wide: 140 },
  medium: { phone: 140, wide: 210 },
  large: { phone: 220, wide: 320 },
};

/** The height rows aim for: a full row is stretched or shrunk from it to fill the width. */
export function targetRowHeight(width: number, size: GalleryTileSize): number {
  const heights = JUSTIFIED_HEIGHT[size];
  return width < 600 ? heights.phone : heights.wide;
}

const GRID_MIN_TILE: Record<GalleryTileSize, number> = { small: 92, medium: 150, large: 240 };
const GRID_MAX_COLUMNS: Record<GalleryTileSize, number> = { small: 10, medium: 6, large: 4 };

export function columnsFor(width: number, size: GalleryTileSize = "medium"): number {
  const gap = gapFor(width);
  const fit = Math.floor((width + gap) / (GRID_MIN_TILE[size] + gap));
  return Math.min(GRID_MAX_COLUMNS[size], Math.max(size === "large" ? 1 : 2, fit));
}

/** Tiles of one row placed left to right, `widths` already decided. */
function placeRow(first: number, widths: number[], gap: number, height: number): LayoutRow {
  let x = 0;
  const tiles = widths.map((width, offset) => {
    const tile = { index: first + offset, x, width };
    x += width + gap;
    return tile;
  });
  return { tiles, height };
}

/** A square grid: `columns` equal tiles per row. */
export function gridRows({
  count,
  width,
  size,
}: {
  count: number;
  width: number;
  size: GalleryTileSize;
}): LayoutRow[] {
  if (width <= 0 || count === 0) return [];
  const gap = gapFor(width);
  const columns = columnsFor(width, size);
  const tile = (width - gap * (columns - 1)) / columns;
  const rows: LayoutRow[] = [];
  for (let first = 0; first < count; first += columns) {
    const inRow = Math.min(columns, count - first);
    rows.push(
      placeRow(
        first,
        Array.from({ length: inRow }, () => tile),
        gap,
        tile,
      ),
    );
  }
  return rows;
}

/**
 * Justified rows (as in Google Photos or Flickr): every image keeps its aspect ratio, every
 * row has one height, and each full row fills the width exactly. Images are taken in order;
 * a row closes at the image count whose height is nearest the target. The last row keeps the
 * target height instead of being stretched across the width.
 */
export function justifiedRows({
  ratios,
  width,
  targetHeight,
}: {
  ratios: readonly number[];
  width: number;
  targetHeight: number;
}): LayoutRow[] {
  if (width <= 0 || ratios.length === 0) return [];
  const gap = gapFor(width);
  const rows: LayoutRow[] = [];
  const fullRow = (first: number, row: number[]) => {
    const sum = row.reduce((total, ratio) => total + ratio, 0);
    const height = (width - gap * (row.length - 1)) / sum;
    const widths = row.map((ratio) => ratio * height);
    // Rounding must not leave a sliver or push the row past the edge: the last tile takes up
    // exactly what is left.
    const others = widths.slice(0, -1).reduce((total, tile) => total + tile, 0);
    widths[widths.length - 1] = width - others - gap * (row.length - 1);
    rows.push(placeRow(first, widths, gap, height));
  };

  let first = 0;
  let row: number[] = [];
  for (let index = 0; index < ratios.length; index += 1) {
    const ratio = clampRatio(ratios[index]!);
    const sumWith = row.reduce((total, r) => total + r, 0) + ratio;
    const heightWith = (width - gap * row.length) / sumWith;
    if (heightWith > targetHeight) {
      row.push(ratio);
      continue;
    }
    if (row.length > 0) {
      const sumWithout = sumWith - ratio;
      const heightWithout = (width - gap * (row.length - 1)) / sumWithout;
      // Closing before this image gives a row nearer the target height: do that.
      if (heightWithout - targetHeight < targetHeight - heightWith) {
        fullRow(first, row);
        first = index;
        row = [ratio];
        continue;
      }
    }
    row.push(ratio);
    fullRow(first, row);
    first = index + 1;
    row = [];
  }
  if (row.length > 0) {
    rows.push(
      placeRow(
        first,
        row.map((ratio) => ratio * targetHeight),
        gap,
        targetHeight,
      ),
    );
  }
  return rows;
}

/** The row holding slot `index` (rows hold consecutive slots), or -1. */
export function rowOfIndex(rows: readonly LayoutRow[], index: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const tiles = rows[middle]!.tiles;
    if (index < tiles[0]!.index) high = middle - 1;
    else if (index > tiles[tiles.length - 1]!.index) low = middle + 1;
    else return middle;
  }
  return -1;
}

/**
 * The tile the Up or Down arrow moves to: in the row above or below, the one under the middle
 * of the current tile (or the nearest to it). `last` bounds the answer to real images.
 */
export function verticalNeighbour(
  rows: readonly LayoutRow[],
  index: number,
  direction: -1 | 1,
  last: number,
): number {
  const rowIndex = rowOfIndex(rows, index);
  const row = rows[rowIndex];
  const target = rows[rowIndex + direction];
  if (!row || !target || target.tiles[0]!.index > last) return index;
  const tile = row.tiles.find((candidate) => candidate.index === index)!;
  const middle = tile.x + tile.width / 2;
  let best = target.tiles[0]!;
  let bestDistance = Infinity;
  for (const candidate of target.tiles) {
    if (candidate.index > last) break;
    const distance =
      middle < candidate.x
        ? candidate.x - middle
        : middle > candidate.x + candidate.width
          ? middle - candidate.x - candidate.width
          : 0;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return Math.min(best.index, last);
}
