"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { Image } from "@/shared/api-types";
import { providerLabel } from "@/components/generate/provider-label";

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
  const t = useTranslations("image.metadata");
  const format = useFormatter();
  const aspectLabels: Record<Image["aspectRatio"], string> = {
    "1:1": t("aspectSquare"),
    "16:9": t("aspectWide"),
    "9:16": t("aspectTall"),
    "4:3": t("aspectLandscape"),
    "3:4": t("aspectPortrait"),
  };

  function duration(ms: number): string {
    if (ms < 1000) return t("milliseconds", { ms: format.number(Math.round(ms)) });
    const seconds = ms / 1000;
    if (seconds < 60) {
      return t("seconds", {
        seconds: format.number(seconds, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      });
    }
    return t("minutes", {
      minutes: format.number(Math.floor(seconds / 60)),
      seconds: format.number(Math.round(seconds % 60)),
    });
  }

  return (
    <dl className="grid grid-cols-2 gap-x-4" data-testid="image-metadata">
      <Row term={t("style")}>
        {templateName === undefined && image.styleTemplateId ? "…" : (templateName ?? t("noStyle"))}
      </Row>
      <Row term={t("aspectRatio")}>{aspectLabels[image.aspectRatio]}</Row>
      <Row term={t("quality")}>
        {image.quality === "high" ? t("qualityHigh") : t("qualityStandard")}
      </Row>
      <Row term={t("seed")}>
        <span className="font-mono text-[0.8rem]">{image.seed}</span>
      </Row>
      <Row term={t("provider")}>
        <span data-testid="image-provider">{providerLabel(image) ?? t("unknownProvider")}</span>
      </Row>
      <Row term={t("model")}>
        <span className="flex flex-wrap items-center gap-1.5">
          <span className="break-all">{image.model}</span>
          {image.model === "demo" ? (
            <Badge variant="warning" title={t("demoHint")}>
              {t("demo")}
            </Badge>
          ) : null}
        </span>
      </Row>
      <Row term={t("generationTime")}>{duration(image.generationTimeMs)}</Row>
      <Row term={t("size")}>
        {t("dimensions", {
          width: format.number(image.width, { useGrouping: false }),
          height: format.number(image.height, { useGrouping: false }),
        })}
      </Row>
      <Row term={t("downloads")}>{format.number(image.downloadCount)}</Row>
      <div className="col-span-2">
        <Row term={t("created")}>
          {/* The request's time zone (cookie `tz`) on the server and in the browser alike. */}
          <time dateTime={image.createdAt}>
            {format.dateTime(new Date(image.createdAt), {
              dateStyle: "medium",
              timeStyle: "short",
            })}
          </time>
        </Row>
      </div>
    </dl>
  );
}
