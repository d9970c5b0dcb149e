"use client";

import {
  Download,
  ExternalLink,
  Globe,
  Heart,
  ImageOff,
  Lock,
  MoreHorizontal,
  Shuffle,
  Sparkles,
  WandSparkles,
} from "lucide-react";
import NextImage from "next/image";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/cn";
import type { Image } from "@/shared/api-types";
import { useImagePatch } from "@/components/image-detail/use-image-patch";
import { downloadHref, generateSettingsHref } from "@/components/image-detail/image-format";
import { guidanceFor } from "./error-guidance";
import { useGenerationStore, type Batch } from "./generation-store";
import { providerLabel } from "./provider-label";
import { useVariations } from "./use-variations";

interface BatchGridProps {
  batch: Batch;
  activeId: string | null;
  onSelect: (id: string) => void;
}

/**
 * The images of one request side by side, filling in as each is stored; each with its own
 * actions. Slots still being made shimmer; slots that failed say so (their quota came back).
 */
export function BatchGrid({ batch, activeId, onSelect }: BatchGridProps) {
  const { images, failed, count, running } = batch;
  const pending = running ? Math.max(0, count - images.length) : 0;
  const missing = running ? 0 : Math.max(0, count - images.length);
  const ratio = images[0] ? `${images[0].width}:${images[0].height}` : ratioOf(batch);

  return (
    <section
      aria-labelledby="batch-grid-title"
      className="flex flex-col gap-3"
      data-testid="batch-grid"
      data-count={count}
    >
      <h2 id="batch-grid-title" className="text-ink flex items-center gap-2 text-sm font-semibold">
        <Sparkles aria-hidden="true" className="text-primary size-4" />
        {running
          ? `${images.length} of ${count} images ready`
          : images.length === count
            ? `${count} images`
            : `${images.length} of ${count} images made`}
      </h2>
      <ul className="grid grid-cols-2 gap-2.5 sm:gap-3">
        {images.map((image, index) => (
          <li key={image.id} className="min-w-0">
            <BatchTile
              image={image}
              index={index}
              active={image.id === activeId}
              onSelect={() => onSelect(image.id)}
            />
          </li>
        ))}
        {Array.from({ length: pending }, (_, index) => (
          <li key={`pending-${index}`} className="min-w-0" data-testid="batch-pending">
            <div
              className="rounded-card border-line bg-canvas-tint relative flex w-full items-center justify-center overflow-hidden border"
              style={{ aspectRatio: ratio.replace(":", " / ") }}
            >
              <div className="skeleton-shimmer motion-safe:animate-shimmer absolute inset-0" />
              <span className="text-ink-muted relative text-xs font-semibold">
                Image {images.length + index + 1}…
              </span>
            </div>
          </li>
        ))}
        {Array.from({ length: missing }, (_, index) => (
          <li key={`failed-${index}`} className="min-w-0" data-testid="batch-failed">
            <div
              className="rounded-card border-danger/30 bg-danger-soft/50 text-ink-muted flex w-full flex-col items-center justify-center gap-1.5 border border-dashed p-3 text-center text-xs"
              style={{ aspectRatio: ratio.replace(":", " / ") }}
            >
              <ImageOff aria-hidden="true" className="text-danger size-5" />
              Not made
            </div>
          </li>
        ))}
      </ul>
      {!running && failed.length > 0 ? (
        <BatchFailures failed={failed} made={images.length} count={count} />
      ) : null}
    </section>
  );
}

function ratioOf(batch: Batch): string {
  const { spec } = batch;
  if (spec.kind === "generate" || spec.kind === "edit") return spec.input.aspectRatio ?? "1:1";
  if (spec.kind === "resume") return spec.aspectRatio ?? "1:1";
  return "1:1";
}

/** Which images of the batch failed and why, with the way forward of the first reason. */
function BatchFailures({
  failed,
  made,
  count,
}: {
  failed: Batch["failed"];
  made: number;
  count: number;
}) {
  const reasons = [...new Map(failed.map((error) => [error.code, error])).values()];
  const first = guidanceFor(reasons[0]!, { now: Date.now() });
  const notMade = count - made;
  return (
    <Alert
      variant="warning"
      role="status"
      title={`${notMade} of ${count} images couldn't be made`}
      data-testid="batch-failures"
    >
      <p>
        {reasons.map((reason) => guidanceFor(reason, { now: Date.now() }).message).join(" ")}{" "}
        {notMade === 1
          ? "It wasn't counted against your daily images."
          : "They weren't counted against your daily images."}
      </p>
      {first.hint ? <p className="mt-1">{first.hint}</p> : null}
      {first.actions
        .filter((action) => action.kind === "link")
        .map((action) =>
          action.kind === "link" ? (
            <Link
              key={action.href}
              href={action.href}
              className="text-primary mt-2 inline-block font-semibold hover:underline"
              {...(action.external ? { target: "_blank", rel: "noreferrer" } : {})}
            >
              {action.label}
            </Link>
          ) : null,
        )}
    </Alert>
  );
}

function BatchTile({
  image,
  index,
  active,
  onSelect,
}: {
  image: Image;
  index: number;
  active: boolean;
  onSelect: () => void;
}) {
  const replaceImage = useGenerationStore((state) => state.replaceImage);
  const patch = useImagePatch(image, replaceImage);
  const variations = useVariations(image);
  const provider = providerLabel(image);
  const preview = image.urls.thumbnails["800"] ?? image.urls.original;

  return (
    <div className="flex flex-col gap-1.5" data-testid="batch-image" data-image-id={image.id}>
      <button
        type="button"
        onClick={onSelect}
        aria-pressed={active}
        aria-label={`Show image ${index + 1} large`}
        className={cn(
          "rounded-card bg-surface-sunken focus-visible:ring-ring/35 relative block w-full overflow-hidden border-2 focus-visible:ring-4 focus-visible:outline-none",
          active ? "border-primary" : "border-line hover:border-primary/40",
        )}
        style={{ aspectRatio: `${image.width} / ${image.height}` }}
      >
        <NextImage
          src={preview}
          alt={image.prompt}
          width={image.width}
          height={image.height}
          unoptimized
          className="size-full object-cover"
        />
        {provider ? (
          <span
            className="absolute bottom-1.5 left-1.5 rounded-full bg-black/60 px-2 py-0.5 text-[0.7rem] font-semibold text-white"
            data-testid="batch-image-provider"
          >
            {provider}
          </span>
        ) : null}
      </button>
      <div className="flex items-center justify-between gap-1">
        <Button
          variant="ghost"
          size="icon"
          aria-pressed={image.favorite}
          aria-label={
            image.favorite ? `Unfavorite image ${index + 1}` : `Favorite image ${index + 1}`
          }
          onClick={() => void patch({ favorite: !image.favorite }, "Couldn't change the favorite")}
          data-testid="batch-image-favorite"
        >
          <Heart aria-hidden="true" className={cn(image.favorite && "fill-accent text-accent")} />
        </Button>
        <Button
          variant="ghost"
          size="icon"
          aria-label={`Variations of image ${index + 1}`}
          title="Variations"
          onClick={variations.open}
          data-testid="batch-image-variations"
        >
          <Shuffle aria-hidden="true" />
        </Button>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button
              variant="ghost"
              size="icon"
              aria-label={`More for image ${index + 1}`}
              data-testid="batch-image-more"
            >
              <MoreHorizontal aria-hidden="true" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end" data-testid="batch-image-menu">
            <DropdownMenuItem asChild>
              <Link href={`/images/${image.id}`} data-testid="batch-image-open">
                <ExternalLink aria-hidden="true" />
                Open
              </Link>
            </DropdownMenuItem>
            <DropdownMenuItem asChild>
              <a href={downloadHref(image, "original")} download>
                <Download aria-hidden="true" />
                Download
              </a>
            </DropdownMenuItem>
            <DropdownMenuItem asChild>
              <Link href={generateSettingsHref(image)} data-testid="batch-image-remix">
                <WandSparkles aria-hidden="true" />
                Remix
              </Link>
            </DropdownMenuItem>
            <DropdownMenuItem
              onSelect={() =>
                void patch(
                  { isPublic: !image.isPublic },
                  image.isPublic ? "Couldn't make it private" : "Couldn't make it public",
                )
              }
              data-testid="batch-image-visibility"
            >
              {image.isPublic ? <Lock aria-hidden="true" /> : <Globe aria-hidden="true" />}
              {image.isPublic ? "Make private" : "Make public"}
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
      {variations.dialog}
    </div>
  );
}
