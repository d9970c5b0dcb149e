"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from "react";
import { Skeleton } from "@/components/ui/skeleton";
import type { Image } from "@/shared/api-types";
import { GalleryTile } from "./gallery-tile";
import { useElementWidth } from "./use-element-width";

const MIN_TILE_PX = 150;
const MAX_COLUMNS = 6;
/** Rows rendered beyond the viewport on each side. */
const OVERSCAN_ROWS = 3;
/** Ask for the next page this many rows before the end. */
const PREFETCH_ROWS = 4;

export function columnsFor(width: number): number {
  const gap = gapFor(width);
  return Math.min(MAX_COLUMNS, Math.max(2, Math.floor((width + gap) / (MIN_TILE_PX + gap))));
}

function gapFor(width: number): number {
  return width < 600 ? 8 : 12;
}

interface VirtualImageGridProps {
  images: Image[];
  hasMore: boolean;
  loadingMore: boolean;
  selectMode: boolean;
  selected: ReadonlySet<string>;
  onEndReached: () => void;
  onActivate: (index: number, event: MouseEvent) => void;
  onLongPress: (index: number) => void;
  onPick: (index: number) => void;
  /** Changes when something above the grid may have moved it (filters, banners). */
  layoutKey: string;
  /** Set when the lightbox closes: that tile is scrolled into view and focused. */
  focusRequest: { id: string; serial: number } | null;
}

/**
 * A square grid virtualised by rows against the window's scroll: only the rows near the
 * viewport are in the DOM, so ten thousand images cost what a screenful does.
 */
export function VirtualImageGrid({
  images,
  hasMore,
  loadingMore,
  selectMode,
  selected,
  onEndReached,
  onActivate,
  onLongPress,
  onPick,
  layoutKey,
  focusRequest,
}: VirtualImageGridProps) {
  const [containerRef, width] = useElementWidth<HTMLDivElement>();
  const [scrollMargin, setScrollMargin] = useState(0);

  const columns = width > 0 ? columnsFor(width) : 2;
  const gap = gapFor(width);
  const tile = width > 0 ? (width - gap * (columns - 1)) / columns : 0;
  const rowHeight = tile + gap;
  const trailing =
    hasMore || loadingMore ? ((columns - (images.length % columns)) % columns) + columns : 0;
  const slots = images.length + trailing;
  const rowCount = Math.ceil(slots / columns);

  useLayoutEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const top = element.getBoundingClientRect().top + window.scrollY;
    setScrollMargin((current) => (Math.abs(current - top) < 0.5 ? current : top));
  }, [containerRef, layoutKey, width]);

  const virtualizer = useWindowVirtualizer({
    count: rowCount,
    estimateSize: () => rowHeight || 200,
    overscan: OVERSCAN_ROWS,
    scrollMargin,
    // Rows are moved by writing their transform directly; React renders only when rows enter
    // or leave, not on every scroll event.
    directDomUpdates: true,
  });

  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, rowHeight]);

  const rows = virtualizer.getVirtualItems();
  const lastRow = rows[rows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && lastRow >= rowCount - 1 - PREFETCH_ROWS) onEndReached();
  }, [hasMore, loadingMore, lastRow, rowCount, onEndReached]);

  const focusIndex = useCallback(
    (index: number) => {
      virtualizer.scrollToIndex(Math.floor(index / columns), { align: "auto" });
      // Two frames: one for the virtualizer to render the row, one for layout.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          containerRef.current?.querySelector<HTMLElement>(`[data-tile-index="${index}"]`)?.focus();
        }),
      );
    },
    [virtualizer, columns, containerRef],
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
    const rowStart = index - (index % columns);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      ArrowDown: index + columns,
      ArrowUp: index - columns,
      Home: rowStart,
      End: rowStart + columns - 1,
      PageDown: index + columns * 4,
      PageUp: index - columns * 4,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const clamped = Math.max(0, Math.min(images.length - 1, target));
    if (clamped !== index) focusIndex(clamped);
  };

  return (
    <div
      ref={(node) => {
        containerRef.current = node;
        virtualizer.containerRef(node);
      }}
      role="list"
      aria-label="Your images"
      aria-busy={loadingMore || undefined}
      data-testid="gallery-grid"
      data-columns={columns}
      onKeyDown={onKeyDown}
      className="relative w-full"
    >
      {width > 0
        ? rows.map((row) => (
            <GridRow
              key={row.key}
              rowIndex={row.index}
              measureRef={virtualizer.measureElement}
              images={images}
              columns={columns}
              tile={tile}
              gap={gap}
              slots={slots}
              selectMode={selectMode}
              selected={selected}
              onActivate={onActivate}
              onLongPress={onLongPress}
              onPick={onPick}
            />
          ))
        : null}
    </div>
  );
}

interface GridRowProps {
  rowIndex: number;
  measureRef: (node: HTMLDivElement | null) => void;
  images: Image[];
  columns: number;
  tile: number;
  gap: number;
  /** Images plus the skeleton tiles after them. */
  slots: number;
  selectMode: boolean;
  selected: ReadonlySet<string>;
  onActivate: (index: number, event: MouseEvent) => void;
  onLongPress: (index: number) => void;
  onPick: (index: number) => void;
}

/** One row of tiles; memoised so that scrolling renders only the rows coming into view. */
const GridRow = memo(function GridRow({
  rowIndex,
  measureRef,
  images,
  columns,
  tile,
  gap,
  slots,
  selectMode,
  selected,
  onActivate,
  onLongPress,
  onPick,
}: GridRowProps) {
  const first = rowIndex * columns;
  return (
    <div
      ref={measureRef}
      data-index={rowIndex}
      role="none"
      className="absolute inset-x-0 top-0 grid"
      style={{
        height: tile + gap,
        paddingBottom: gap,
        gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
        columnGap: gap,
      }}
    >
      {Array.from({ length: columns }, (_, column) => {
        const index = first + column;
        const image = images[index];
        if (image) {
          return (
            <GalleryTile
              key={image.id}
              image={image}
              index={index}
              size={tile}
              selectMode={selectMode}
              selected={selected.has(image.id)}
              onActivate={onActivate}
              onLongPress={onLongPress}
              onPick={onPick}
              priority={index < columns}
            />
          );
        }
        return index < slots ? (
          <Skeleton key={`slot-${index}`} radius="xl" className="size-full sm:rounded-2xl" />
        ) : null;
      })}
    </div>
  );
});
