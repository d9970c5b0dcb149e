"use client";

import { useTranslations } from "next-intl";
import { lazy, memo, Suspense } from "react";
import { cn } from "@/lib/cn";
import { firstTiles, firstTilesClassName } from "./first-tiles";
import type { ImageGridProps } from "./windowed-image-grid";

const loadGrid = () =>
  import("./windowed-image-grid").then((module) => ({ default: module.WindowedImageGrid }));
// Fetched as soon as this module runs in the browser, beside hydration, not after it.
if (typeof window !== "undefined") void loadGrid().catch(() => {});
const WindowedImageGrid = lazy(loadGrid);

/**
 * What WindowedImageGrid renders before it knows its width: the first tiles as plain CSS.
 * Keep the element in step with WindowedImageGrid's: the browser hydrates this markup with that
 * component once its chunk has arrived, and the tiles stay the same elements when it lays
 * them out (see firstTiles).
 */
function FirstTilesGrid(props: ImageGridProps) {
  const t = useTranslations("gallery.grid");
  return (
    <div
      role="list"
      aria-label={t("label")}
      aria-busy={props.loadingMore || undefined}
      data-testid="gallery-grid"
      data-layout={props.layout}
      data-size={props.size}
      className={cn("relative w-full", firstTilesClassName(props.layout))}
    >
      {firstTiles({
        images: props.images,
        layout: props.layout,
        onActivate: props.onActivate,
        onLongPress: props.onLongPress,
        onPick: props.onPick,
      })}
    </div>
  );
}

/**
 * The gallery's grid. The virtualiser and the row layout are not needed for the first paint,
 * so they arrive in their own chunk. The server renders the first tiles directly (nothing
 * suspends, so they are in the page's first HTML, not streamed and swapped in later); in the
 * browser the same markup stays until the chunk has loaded and hydrates it.
 *
 * Memoised, and its props must stay the same objects while nothing they show changes: a
 * boundary still waiting for its chunk that receives new props is rendered afresh by React
 * (the server's tiles thrown away and made again), which would replace the thumbnails the
 * page painted first (its largest paint) with new elements.
 */
export const VirtualImageGrid = memo(function VirtualImageGrid(props: ImageGridProps) {
  return (
    <Suspense fallback={<FirstTilesGrid {...props} />}>
      {typeof window === "undefined" ? (
        <FirstTilesGrid {...props} />
      ) : (
        <WindowedImageGrid {...props} />
      )}
    </Suspense>
  );
});
