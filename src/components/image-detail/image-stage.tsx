"use client";

import { ChevronLeft, ChevronRight, ZoomIn, ZoomOut } from "lucide-react";
import { PlainImage } from "@/components/ui/plain-image";
import { useTranslations } from "next-intl";
import {
  useLayoutEffect,
  useRef,
  useState,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
} from "react";
import { buttonClasses } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import type { Image } from "@/shared/api-types";
import { useElementWidth } from "@/components/gallery/use-element-width";

const SWIPE_MIN_PX = 56;
const FRAME_INSET = "1.5rem";

interface ImageStageProps {
  image: Image;
  /** Size and background of the stage (it fills that box). */
  className?: string;
  onPrevious?: () => void;
  onNext?: () => void;
  /** Rendered over the stage's top edge (counter, close button). */
  overlay?: ReactNode;
}

/** The detail screen's main image size: 1920 (or the original) for big, dense screens, else 800. */
function mainSourceOf(image: Image, framePx: number): string {
  const { thumbnails, original } = image.urls;
  const needed = framePx * (typeof window === "undefined" ? 1 : window.devicePixelRatio || 1);
  if (needed > 900) return thumbnails["1920"] ?? original;
  return thumbnails["800"] ?? thumbnails["1920"] ?? original;
}

/**
 * The image fitted to its stage, loaded progressively: the 300 px thumbnail (already cached by
 * the grid) blurred at once, the 800/1920 version over it, the original when zoomed in.
 * Swipes left and right on touch screens call onNext / onPrevious.
 */
export function ImageStage({ image, className, onPrevious, onNext, overlay }: ImageStageProps) {
  const t = useTranslations("image.stage");
  const [frameRef, frameWidth] = useElementWidth<HTMLButtonElement>();
  const [mainLoaded, setMainLoaded] = useState(false);
  const [zoom, setZoom] = useState<{ x: number; y: number } | null>(null);
  const [drag, setDrag] = useState(0);
  const swipe = useRef<{ x: number; y: number; id: number } | null>(null);
  const ratio = image.width / image.height;
  const thumb = image.urls.thumbnails["300"] ?? image.urls.thumbnails["150"] ?? image.urls.original;
  const main = frameWidth > 0 ? mainSourceOf(image, frameWidth) : null;

  const zoomIn = (event?: MouseEvent<HTMLElement>) => {
    const box = event?.currentTarget.getBoundingClientRect();
    setZoom(
      box && event && event.detail > 0
        ? { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height }
        : { x: 0.5, y: 0.5 },
    );
  };

  const onPointerDown = (event: PointerEvent) => {
    if (event.pointerType !== "touch" || zoom) return;
    swipe.current = { x: event.clientX, y: event.clientY, id: event.pointerId };
  };
  const onPointerMove = (event: PointerEvent) => {
    const start = swipe.current;
    if (!start || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    if (Math.abs(dx) > Math.abs(event.clientY - start.y)) setDrag(dx);
  };
  const endSwipe = (event: PointerEvent) => {
    const start = swipe.current;
    swipe.current = null;
    setDrag(0);
    if (!start || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < Math.abs(dy) * 1.5) return;
    if (dx < 0) onNext?.();
    else onPrevious?.();
  };

  return (
    <div
      className={cn(
        "relative isolate touch-pan-y overflow-hidden bg-[#0c0a14] select-none",
        className,
      )}
      style={{ containerType: "size" }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endSwipe}
      onPointerCancel={() => {
        swipe.current = null;
        setDrag(0);
      }}
      data-testid="image-stage"
    >
      {zoom ? (
        <ZoomedImage image={image} focus={zoom} onZoomOut={() => setZoom(null)} />
      ) : (
        <div className="absolute inset-0 flex items-center justify-center">
          <button
            ref={frameRef}
            type="button"
            onClick={zoomIn}
            aria-label={t("zoomIn")}
            className="relative cursor-zoom-in overflow-hidden rounded-lg shadow-[0_24px_60px_-20px_rgb(0_0_0/0.7)] transition-transform duration-200 ease-out"
            style={{
              width: `min(calc(100cqw - 2 * ${FRAME_INSET}), calc((100cqh - 2 * ${FRAME_INSET}) * ${ratio}))`,
              aspectRatio: `${image.width} / ${image.height}`,
              transform: drag ? `translateX(${drag * 0.6}px)` : undefined,
              transitionDuration: drag ? "0ms" : undefined,
            }}
          >
            <PlainImage
              src={thumb}
              alt=""
              fill
              sizes="300px"
              priority
              className="scale-110 object-cover blur-xl"
            />
            {main ? (
              <PlainImage
                key={main}
                src={main}
                alt={image.prompt}
                fill
                sizes={`${Math.ceil(frameWidth)}px`}
                priority
                onLoad={() => setMainLoaded(true)}
                className={cn(
                  "object-contain transition-opacity duration-500",
                  mainLoaded ? "opacity-100" : "opacity-0",
                )}
                data-testid="image-stage-main"
              />
            ) : null}
            {!mainLoaded ? (
              <span className="absolute right-3 bottom-3 text-white/80">
                <Spinner label={t("loading")} className="size-5" />
              </span>
            ) : null}
          </button>
        </div>
      )}

      {overlay}

      <div className="pointer-events-none absolute inset-x-0 bottom-3 flex justify-center">
        <button
          type="button"
          onClick={() => (zoom ? setZoom(null) : zoomIn())}
          className={buttonClasses({
            variant: "inverse-ghost",
            size: "sm",
            className: "pointer-events-auto bg-black/35 backdrop-blur-sm",
          })}
          aria-pressed={zoom !== null}
        >
          {zoom ? <ZoomOut aria-hidden="true" /> : <ZoomIn aria-hidden="true" />}
          {zoom ? t("fit") : t("fullSize")}
        </button>
      </div>

      {onPrevious ? (
        <StageArrow side="left" label={t("previous")} onClick={onPrevious}>
          <ChevronLeft aria-hidden="true" className="size-6" />
        </StageArrow>
      ) : null}
      {onNext ? (
        <StageArrow side="right" label={t("next")} onClick={onNext}>
          <ChevronRight aria-hidden="true" className="size-6" />
        </StageArrow>
      ) : null}
    </div>
  );
}

function StageArrow({
  side,
  label,
  onClick,
  children,
}: {
  side: "left" | "right";
  label: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      aria-keyshortcuts={side === "left" ? "ArrowLeft" : "ArrowRight"}
      data-testid={side === "left" ? "image-previous" : "image-next"}
      className={cn(
        "absolute top-1/2 z-10 inline-flex size-10 -translate-y-1/2 items-center justify-center rounded-full bg-black/40 text-white backdrop-blur-sm transition-colors hover:bg-black/60 sm:size-12",
        side === "left" ? "left-2 sm:left-4" : "right-2 sm:right-4",
      )}
    >
      {children}
    </button>
  );
}

/** The original at (at least) twice the fitted size, scrollable, opened where it was clicked. */
function ZoomedImage({
  image,
  focus,
  onZoomOut,
}: {
  image: Image;
  focus: { x: number; y: number };
  onZoomOut: () => void;
}) {
  const t = useTranslations("image.stage");
  const scroller = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState(false);
  const [width, setWidth] = useState(image.width);

  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const fitted = Math.min(box.clientWidth, box.clientHeight * (image.width / image.height));
    const zoomed = Math.max(image.width, fitted * 2);
    setWidth(zoomed);
    const height = zoomed / (image.width / image.height);
    box.scrollLeft = focus.x * zoomed - box.clientWidth / 2;
    box.scrollTop = focus.y * height - box.clientHeight / 2;
  }, [image.width, image.height, focus.x, focus.y]);

  const preview = image.urls.thumbnails["800"] ?? image.urls.thumbnails["300"];
  return (
    <>
      <div
        ref={scroller}
        className="absolute inset-0 overflow-auto overscroll-contain"
        data-testid="image-zoomed"
      >
        <div className="flex min-h-full min-w-fit items-center justify-center">
          <button
            type="button"
            onClick={onZoomOut}
            aria-label={t("fit")}
            className="shrink-0 cursor-zoom-out bg-cover"
            style={{ backgroundImage: preview && !loaded ? `url(${preview})` : undefined }}
          >
            <PlainImage
              src={image.urls.original}
              alt={image.prompt}
              width={image.width}
              height={image.height}
              loading="eager"
              onLoad={() => setLoaded(true)}
              style={{ width, height: "auto", maxWidth: "none" }}
              className="block"
            />
          </button>
        </div>
      </div>
      {!loaded ? (
        <span className="pointer-events-none absolute top-4 left-1/2 -translate-x-1/2 rounded-full bg-black/50 px-3 py-1.5 text-white">
          <Spinner label={t("loadingOriginal")} className="size-5" />
        </span>
      ) : null}
    </>
  );
}
