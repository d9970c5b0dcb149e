"use client";

import { useTranslations } from "next-intl";
import { memo, use, type ReactPromise } from "react";
import { cn } from "@/lib/cn";
import { firstTiles, firstTilesClassName } from "./first-tiles";
import type { ImageGridProps } from "./windowed-image-grid";

/** A promise React's `use` reads without suspending once it has settled (its status fields). */
function tracked<T>(promise: Promise<T>): ReactPromise<T> {
  const result = Object.assign(promise, { status: "pending" as const });
  promise.then(
    (value) => Object.assign(result, { status: "fulfilled", value }),
    (reason: unknown) => Object.assign(result, { status: "rejected", reason }),
  );
  return result;
}

// Fetched as soon as this module runs in the browser, beside hydration, not after it; by the
// time React hydrates the grid it has almost always arrived, and `use` reads it at once.
const windowedGrid =
  typeof window === "undefined" ? null : tracked(import("./windowed-image-grid"));

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
 * so they arrive in their own chunk. The server renders the first tiles directly, with no
 * Suspense boundary around them: React streams a complete boundary this large as a hidden
 * segment at the end of the HTML and swaps it in by script ("outlining"), which would hold the
 * tiles' paint behind the page's scripts. In the browser the grid's chunk is read with `use`:
 * at once when it has arrived (the usual case), otherwise hydration waits for it with the
 * server's markup in place; then the same markup is hydrated.
 *
 * Memoised, and its props must stay the same objects while nothing they show changes: a
 * boundary still waiting for its chunk that receives new props is rendered afresh by React
 * (the server's tiles thrown away and made again), which would replace the thumbnails the
 * page painted first (its largest paint) with new elements.
 */
export const VirtualImageGrid = memo(function VirtualImageGrid(props: ImageGridProps) {
  if (!windowedGrid) return <FirstTilesGrid {...props} />;
  const { WindowedImageGrid } = use(windowedGrid);
  return <WindowedImageGrid {...props} />;
});
