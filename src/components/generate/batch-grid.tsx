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
import { PlainImage } from "@/components/ui/plain-image";
import Link from "next/link";
import { useTranslations } from "next-intl";
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
import { guidanceFor, sayGuidance } from "./error-guidance";
import { useGenerationStore, type Batch } from "./generation-store";
import { providerLabel } from "./provider-label";
import { useGuidanceLanguage } from "./use-guidance-language";
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
  const t = useTranslations("results.batch");
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
          ? t("ready", { made: images.length, count })
          : images.length === count
            ? t("all", { count })
            : t("made", { made: images.length, count })}
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
                {t("pending", { number: images.length + index + 1 })}
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
              {t("notMade")}
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
  const t = useTranslations("results.batch");
  const language = useGuidanceLanguage();
  const reasons = [...new Map(failed.map((error) => [error.code, error])).values()].map((reason) =>
    sayGuidance(guidanceFor(reason, { now: Date.now() }), language),
  );
  const first = reasons[0]!;
  const notMade = count - made;
  return (
    <Alert
      variant="warning"
      role="status"
      title={t("failuresTitle", { notMade, count })}
      data-testid="batch-failures"
    >
      <p>{[...reasons.map((reason) => reason.message), t("notCounted", { notMade })].join(" ")}</p>
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
  const t = useTranslations("results.batch");
  const number = index + 1;
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
        aria-label={t("showLarge", { number })}
        className={cn(
          "rounded-card bg-surface-sunken focus-visible:ring-ring/35 relative block w-full overflow-hidden border-2 focus-visible:ring-4 focus-visible:outline-none",
          active ? "border-primary" : "border-line hover:border-primary/40",
        )}
        style={{ aspectRatio: `${image.width} / ${image.height}` }}
      >
        <PlainImage
          src={preview}
          alt={image.prompt}
          width={image.width}
          height={image.height}
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
          aria-label={image.favorite ? t("unfavorite", { number }) : t("favorite", { number })}
          onClick={() => void patch({ favorite: !image.favorite }, t("favoriteFailed"))}
          data-testid="batch-image-favorite"
        >
          <Heart aria-hidden="true" className={cn(image.favorite && "fill-accent text-accent")} />
        </Button>
        <Button
          variant="ghost"
          size="icon"
          aria-label={t("variationsOf", { number })}
          title={t("variations")}
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
              aria-label={t("more", { number })}
              data-testid="batch-image-more"
            >
              <MoreHorizontal aria-hidden="true" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end" data-testid="batch-image-menu">
            <DropdownMenuItem asChild>
              <Link href={`/images/${image.id}`} data-testid="batch-image-open">
                <ExternalLink aria-hidden="true" />
                {t("open")}
              </Link>
            </DropdownMenuItem>
            <DropdownMenuItem asChild>
              <a href={downloadHref(image, "original")} download>
                <Download aria-hidden="true" />
                {t("download")}
              </a>
            </DropdownMenuItem>
            <DropdownMenuItem asChild>
              <Link href={generateSettingsHref(image)} data-testid="batch-image-remix">
                <WandSparkles aria-hidden="true" />
                {t("remix")}
              </Link>
            </DropdownMenuItem>
            <DropdownMenuItem
              onSelect={() =>
                void patch(
                  { isPublic: !image.isPublic },
                  image.isPublic ? t("privateFailed") : t("publicFailed"),
                )
              }
              data-testid="batch-image-visibility"
            >
              {image.isPublic ? <Lock aria-hidden="true" /> : <Globe aria-hidden="true" />}
              {image.isPublic ? t("makePrivate") : t("makePublic")}
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
      {variations.dialog}
    </div>
  );
}
