import type { Image } from "@/shared/api-types";
import { cn } from "@/lib/cn";
import { squareTileSrcSet, thumbnailDimensions, thumbnailUrl } from "./thumbnail-size";

interface ImageThumbProps {
  image: Pick<Image, "width" | "height" | "urls">;
  alt: string;
  /** The tile's rendered width, e.g. "(min-width: 1024px) 25vw, 50vw". */
  sizes: string;
  className?: string;
  /** In the first row: loaded at once, before other images, and painted with the page. */
  eager?: boolean;
}

/**
 * A square, cropped thumbnail that picks the 300 or 800 px file for the screen. Plain <img>
 * in a <picture>: the files are served by our API, so next/image's optimiser has nothing to add.
 */
export function ImageThumb({ image, alt, sizes, className, eager = false }: ImageThumbProps) {
  const { width, height } = thumbnailDimensions(image, 300);
  const srcSet = squareTileSrcSet(image);
  return (
    <picture className="contents">
      <img
        src={thumbnailUrl(image, "300")}
        srcSet={srcSet || undefined}
        sizes={srcSet ? sizes : undefined}
        alt={alt}
        width={width}
        height={height}
        loading={eager ? "eager" : "lazy"}
        // The first row of a grid is its largest paint: asked for first, painted with its frame.
        fetchPriority={eager ? "high" : undefined}
        decoding={eager ? "sync" : "async"}
        className={cn("size-full object-cover", className)}
      />
    </picture>
  );
}
