"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactElement,
} from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import type { Image } from "@/shared/api-types";
import {
  gapFor,
  gridRows,
  justifiedRows,
  rowOfIndex,
  targetRowHeight,
  verticalNeighbour,
  type GalleryLayoutKind,
  type GalleryTileSize,
  type LayoutRow,
} from "./gallery-layout";
import {
  firstTiles,
  firstTilesClassName,
  FIRST_TILES,
  PRIORITY_TILES,
  ratioOf,
  readFirstRows,
  type AdoptedRows,
} from "./first-tiles";
import { GalleryTile } from "./gallery-tile";
import { useElementWidth } from "./use-element-width";

/** Rows rendered beyond the viewport on each side. */
const OVERSCAN_ROWS = 3;
/** Ask for the next page this many rows before the end. */
const PREFETCH_ROWS = 4;
/** Placeholder tiles shown after the images while more are on their way. */
const PLACEHOLDERS = 8;

export interface ImageGridProps {
  images: Image[];
  layout: GalleryLayoutKind;
  size: GalleryTileSize;
  hasMore: boolean;
  loadingMore: boolean;
  selectMode: boolean;
  selected: ReadonlySet<string>;
  onEndReached: () => void;
  onActivate: (index: number, event: MouseEvent) => void;
  onLongPress: (index: number) => void;
  onPick: (index: number) => void;
  /** The `f` key on a focused tile. */
  onToggleFavorite: (index: number) => void;
  /** Changes when something above the grid may have moved it (filters, banners). */
  layoutKey: string;
  /** Set when the lightbox closes: that tile is scrolled into view and focused. */
  focusRequest: { id: string; serial: number } | null;
}

/**
 * The gallery's tiles, in justified rows (each image at its own aspect ratio) or a square grid,
 * virtualised by rows against the window's scroll: only the rows near the viewport are in the
 * DOM, so ten thousand images cost what a screenful does.
 */
export function WindowedImageGrid({
  images,
  layout,
  size,
  hasMore,
  loadingMore,
  selectMode,
  selected,
  onEndReached,
  onActivate,
  onLongPress,
  onPick,
  onToggleFavorite,
  layoutKey,
  focusRequest,
}: ImageGridProps) {
  const t = useTranslations("gallery.grid");
  const [containerRef, width] = useElementWidth<HTMLDivElement>();
  const [scrollMargin, setScrollMargin] = useState(0);
  const gap = gapFor(width);
  const slots = images.length + (hasMore || loadingMore ? PLACEHOLDERS : 0);

  // The rows the first tiles' CSS made, read before the first layout (this effect runs in the
  // same commit as useElementWidth's, while the tiles are still flex rows): kept while the
  // width and those images stay, so laying the grid out moves none of what was painted.
  const [adopted, setAdopted] = useState<AdoptedRows | null>(null);
  useLayoutEffect(() => {
    const element = containerRef.current;
    if (!element || layout !== "justified" || size !== "medium") return;
    setAdopted(readFirstRows(element, images, gapFor(element.getBoundingClientRect().width)));
    // Only the first layout: later ones are the grid's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const rows = useMemo<LayoutRow[]>(() => {
    if (layout === "grid") return gridRows({ count: slots, width, size });
    const ratios = Array.from({ length: slots }, (_, index) => {
      const image = images[index];
      return image ? ratioOf(image) : 1;
    });
    const targetHeight = targetRowHeight(width, size);
    const kept =
      adopted &&
      size === "medium" &&
      Math.abs(adopted.width - width) < 0.5 &&
      adopted.ids.every((id, index) => images[index]?.id === id)
        ? adopted
        : null;
    if (!kept) return justifiedRows({ ratios, width, targetHeight });
    const offset = kept.ids.length;
    const rest = justifiedRows({ ratios: ratios.slice(offset), width, targetHeight });
    return [
      ...kept.rows,
      ...rest.map((row) => ({
        ...row,
        tiles: row.tiles.map((tile) => ({ ...tile, index: tile.index + offset })),
      })),
    ];
  }, [layout, images, slots, width, size, adopted]);
  const rowCount = rows.length;

  useLayoutEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const top = element.getBoundingClientRect().top + window.scrollY;
    setScrollMargin((current) => (Math.abs(current - top) < 0.5 ? current : top));
  }, [containerRef, layoutKey, width]);

  const virtualizer = useWindowVirtualizer({
    count: rowCount,
    // A row's height is known from the layout: no row is measured from the DOM (and no row
    // element is registered), the tiles are placed from these positions.
    estimateSize: (index) => (rows[index]?.height ?? 200) + gap,
    overscan: OVERSCAN_ROWS,
    scrollMargin,
    // React renders only when rows enter or leave, not on every scroll event (the positions
    // of rows do not change with the scroll); the grid's height is written directly.
    directDomUpdates: true,
  });

  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, rows, gap]);

  const virtualRows = virtualizer.getVirtualItems();
  const lastRow = virtualRows[virtualRows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && lastRow >= rowCount - 1 - PREFETCH_ROWS) onEndReached();
  }, [hasMore, loadingMore, lastRow, rowCount, onEndReached]);

  const focusIndex = useCallback(
    (index: number) => {
      const row = rowOfIndex(rows, index);
      if (row >= 0) virtualizer.scrollToIndex(row, { align: "auto" });
      // Two frames: one for the virtualizer to render the row, one for layout.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          containerRef.current?.querySelector<HTMLElement>(`[data-tile-index="${index}"]`)?.focus();
        }),
      );
    },
    [virtualizer, rows, containerRef],
  );

  const lastFocusSerial = useRef(0);
  useEffect(() => {
    if (!focusRequest || focusRequest.serial === lastFocusSerial.current) return;
    lastFocusSerial.current = focusRequest.serial;
    const index = images.findIndex((image) => image.id === focusRequest.id);
    if (index >= 0) focusIndex(index);
  }, [focusRequest, images, focusIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.metaKey || event.ctrlKey) return;
    const tileElement = (event.target as HTMLElement).closest<HTMLElement>("[data-tile-index]");
    if (!tileElement) return;
    const index = Number(tileElement.dataset.tileIndex);
    const last = images.length - 1;
    if (event.key === "f" && !event.shiftKey && !selectMode) {
      event.preventDefault();
      onToggleFavorite(index);
      return;
    }
    const row = rows[rowOfIndex(rows, index)];
    const vertical = (direction: -1 | 1, times: number) => {
      let target = index;
      for (let step = 0; step < times; step += 1)
        target = verticalNeighbour(rows, target, direction, last);
      return target;
    };
    const moves: Record<string, () => number> = {
      ArrowRight: () => index + 1,
      ArrowLeft: () => index - 1,
      ArrowDown: () => vertical(1, 1),
      ArrowUp: () => vertical(-1, 1),
      Home: () => row?.tiles[0]?.index ?? index,
      End: () => row?.tiles[row.tiles.length - 1]?.index ?? index,
      PageDown: () => vertical(1, 4),
      PageUp: () => vertical(-1, 4),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const clamped = Math.max(0, Math.min(last, move()));
    if (clamped !== index) focusIndex(clamped);
  };

  const laidOut = width > 0;
  return (
    <div
      ref={(node) => {
        containerRef.current = node;
        virtualizer.containerRef(node);
      }}
      role="list"
      aria-label={t("label")}
      aria-busy={loadingMore || undefined}
      data-testid="gallery-grid"
      data-layout={layout}
      data-size={size}
      onKeyDown={onKeyDown}
      className={cn("relative w-full", !laidOut && firstTilesClassName(layout))}
    >
      {/* Always one keyed array of tiles, the first tiles' place: see firstTiles. */}
      {laidOut
        ? virtualRows.flatMap((virtualRow) => {
            const row = rows[virtualRow.index];
            return row
              ? rowTiles({
                  row,
                  rowIndex: virtualRow.index,
                  top: virtualRow.start - scrollMargin,
                  images,
                  selectMode,
                  selected,
                  onActivate,
                  onLongPress,
                  onPick,
                })
              : [];
          })
        : firstTiles({ images, layout, onActivate, onLongPress, onPick })}
    </div>
  );
}

interface RowTilesOptions {
  row: LayoutRow;
  rowIndex: number;
  /** The row's top in px from the grid's top. */
  top: number;
  images: Image[];
  selectMode: boolean;
  selected: ReadonlySet<string>;
  onActivate: (index: number, event: MouseEvent) => void;
  onLongPress: (index: number) => void;
  onPick: (index: number) => void;
}

/**
 * The tiles of one row, placed absolutely in the grid: direct children of the grid element,
 * keyed by image id like the first tiles, so the same tile is the same element in both.
 */
function rowTiles({
  row,
  rowIndex,
  top,
  images,
  selectMode,
  selected,
  onActivate,
  onLongPress,
  onPick,
}: RowTilesOptions): ReactElement[] {
  return row.tiles.map((tile) => {
    const image = images[tile.index];
    const box = { top, left: tile.x, width: tile.width, height: row.height };
    if (image) {
      return (
        <div key={image.id} role="none" className="absolute" style={box} data-row={rowIndex}>
          <GalleryTile
            image={image}
            index={tile.index}
            size={tile.width}
            selectMode={selectMode}
            selected={selected.has(image.id)}
            onActivate={onActivate}
            onLongPress={onLongPress}
            onPick={onPick}
            priority={rowIndex === 0 || tile.index < PRIORITY_TILES}
            fadeIn={tile.index >= FIRST_TILES}
          />
        </div>
      );
    }
    return (
      <div key={`slot-${tile.index}`} role="none" className="absolute" style={box}>
        <Skeleton radius="xl" className="size-full sm:rounded-2xl" />
      </div>
    );
  });
}
