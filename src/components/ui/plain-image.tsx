"use client";

import { useCallback, useRef, type CSSProperties, type ImgHTMLAttributes } from "react";
import { preload } from "react-dom";

type PlainImageProps = Omit<ImgHTMLAttributes<HTMLImageElement>, "src" | "alt" | "onLoad"> & {
  src: string;
  alt: string;
  /** Covers its positioned parent (absolute, inset 0, 100 % by 100 %) instead of width/height. */
  fill?: boolean;
  /** Part of the first paint: preloaded from the head, fetched first and never lazily. */
  priority?: boolean;
  /** Called once the picture has loaded, also when it loaded before the page hydrated. */
  onLoad?: () => void;
};

const FILL: CSSProperties = { position: "absolute", inset: 0, width: "100%", height: "100%" };

/**
 * An <img> for the studio's own files. The API already serves every size the grid needs and
 * the build switches Next's optimiser off, so next/image added only its 5 kB of client code.
 * This keeps the parts of it the studio used: fill, priority (a preload link and
 * fetchpriority="high"), lazy loading by default, and a load callback that also fires for an
 * image the browser finished before React hydrated it (React would never see that load event).
 */
export function PlainImage({
  src,
  alt,
  fill = false,
  priority = false,
  loading,
  decoding = "async",
  fetchPriority,
  sizes,
  style,
  onLoad,
  ...rest
}: PlainImageProps) {
  if (priority) preload(src, { as: "image", fetchPriority: "high" });
  const onLoadRef = useRef(onLoad);
  onLoadRef.current = onLoad;
  const seeIfLoaded = useCallback((element: HTMLImageElement | null) => {
    if (element?.complete && element.naturalWidth > 0) onLoadRef.current?.();
  }, []);
  return (
    // eslint-disable-next-line @next/next/no-img-element -- the files are already sized; see above
    <img
      {...rest}
      ref={seeIfLoaded}
      src={src}
      alt={alt}
      sizes={sizes}
      loading={loading ?? (priority ? "eager" : "lazy")}
      fetchPriority={fetchPriority ?? (priority ? "high" : undefined)}
      decoding={decoding}
      onLoad={() => onLoadRef.current?.()}
      style={{ color: "transparent", ...(fill ? FILL : null), ...style }}
    />
  );
}
