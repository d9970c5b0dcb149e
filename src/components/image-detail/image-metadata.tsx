"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { Image } from "@/shared/api-types";
import { ASPECT_LABELS } from "@/components/gallery/gallery-filters";
import { providerLabel } from "@/components/generate/provider-label";
import { formatDateTime, formatDuration, qualityLabel } from "./image-format";
import { useHydrated } from "./use-hydrated";

interface ImageMetadataProps {
  image: Image;
  /** null: no template; undefined: not known yet. */
  templateName: string | null | undefined;
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 py-2">
      <dt className="text-ink-subtle text-xs font-medium">{term}</dt>
      <dd className="text-ink text-sm">{children}</dd>
    </div>
  );
}

/** How the image was made: template, shape, quality, seed, model, timing, size, date, downloads. */
export function ImageMetadata({ image, templateName }: ImageMetadataProps) {
  const hydrated = useHydrated();
  return (
    <dl className="grid grid-cols-2 gap-x-4" data-testid="image-metadata">
      <Row term="Style">
        {templateName === undefined && image.styleTemplateId ? "…" : (templateName ?? "None")}
      </Row>
      <Row term="Aspect ratio">{ASPECT_LABELS[image.aspectRatio]}</Row>
      <Row term="Quality">{qualityLabel(image.quality)}</Row>
      <Row term="Seed">
        <span className="font-mono text-[0.8rem]">{image.seed}</span>
      </Row>
      <Row term="Provider">
        <span data-testid="image-provider">{providerLabel(image) ?? "Unknown"}</span>
      </Row>
      <Row term="Model">
        <span className="flex flex-wrap items-center gap-1.5">
          <span className="break-all">{image.model}</span>
          {image.model === "demo" ? (
            <Badge variant="warning" title="Made offline by the demo provider, not by Gemini">
              Demo
            </Badge>
          ) : null}
        </span>
      </Row>
      <Row term="Generation time">{formatDuration(image.generationTimeMs)}</Row>
      <Row term="Size">
        {image.width} × {image.height}
      </Row>
      <Row term="Downloads">{image.downloadCount}</Row>
      <div className="col-span-2">
        <Row term="Created">
          <time dateTime={image.createdAt}>
            {hydrated ? formatDateTime(image.createdAt) : image.createdAt.slice(0, 10)}
          </time>
        </Row>
      </div>
    </dl>
  );
}
