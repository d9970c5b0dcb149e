"use client";

import { lazy, Suspense } from "react";
import { FirstTiles } from "./first-tiles";
import type { ImageGridProps } from "./windowed-image-grid";

const loadGrid = () =>
  import("./windowed-image-grid").then((module) => ({ default: module.WindowedImageGrid }));
// Fetched as soon as this module runs in the browser, beside hydration, not after it.
if (typeof window !== "undefined") void loadGrid().catch(() => {});
const WindowedImageGrid = lazy(loadGrid);

/**
 * The gallery's grid. The virtualiser and the row layout are not needed for the first paint
 * (the first tiles are plain CSS until the grid knows its width), so they arrive in their own
 * chunk: the server's HTML holds the first tiles, which stay on screen until it has loaded.
 */
export function VirtualImageGrid(props: ImageGridProps) {
  return (
    <Suspense
      fallback={
        <div
          role="list"
          aria-label="Your images"
          data-testid="gallery-grid"
          data-layout={props.layout}
          data-size={props.size}
          className="relative w-full"
        >
          <FirstTiles
            images={props.images}
            layout={props.layout}
            onActivate={props.onActivate}
            onLongPress={props.onLongPress}
            onPick={props.onPick}
          />
        </div>
      }
    >
      <WindowedImageGrid {...props} />
    </Suspense>
  );
}
