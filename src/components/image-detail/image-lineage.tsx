"use client";

import { ChevronRight, GitBranch, RotateCw } from "lucide-react";
import { PlainImage } from "@/components/ui/plain-image";
import { useTranslations } from "next-intl";
import type { MouseEvent } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import type { Image } from "@/shared/api-types";
import { imageHref } from "@/components/gallery/lightbox-history";
import { promptExcerpt } from "./image-format";
import { useLineage } from "./use-lineage";
import type { ImageLineage as Lineage } from "@/shared/api-types";

interface ImageLineageProps {
  image: Image;
  initial?: Lineage;
  /** Opens another image (plain clicks only; modified clicks keep the link's own behaviour). */
  onOpen: (id: string) => void;
}

/** "Edited from" (root → parent) and "Edits of this image", as small thumbnail strips. */
export function ImageLineage({ image, initial, onOpen }: ImageLineageProps) {
  const t = useTranslations("image.lineage");
  const { lineage, failed, retry } = useLineage(image.id, initial);

  return (
    <section
      aria-labelledby={`lineage-${image.id}`}
      data-testid="image-lineage"
      className="flex flex-col gap-3"
    >
      <h3
        id={`lineage-${image.id}`}
        className="text-ink flex items-center gap-2 text-sm font-semibold"
      >
        <GitBranch aria-hidden="true" className="text-ink-muted size-4" />
        {t("title")}
      </h3>
      {failed ? (
        <div className="text-ink-muted flex items-center justify-between gap-3 text-sm">
          {t("failed")}
          <Button size="sm" variant="ghost" onClick={retry}>
            <RotateCw aria-hidden="true" />
            {t("retry")}
          </Button>
        </div>
      ) : lineage === null ? (
        <div className="flex gap-2" aria-busy="true" aria-label={t("loading")}>
          {[0, 1, 2].map((item) => (
            <Skeleton key={item} className="size-16" radius="xl" />
          ))}
        </div>
      ) : lineage.ancestors.length === 0 && lineage.descendants.length === 0 ? (
        <p className="text-ink-muted text-sm">{t("original")}</p>
      ) : (
        <>
          {lineage.ancestors.length > 0 ? (
            <LineageStrip
              title={t("ancestors")}
              images={lineage.ancestors}
              onOpen={onOpen}
              chained
              testId="lineage-ancestors"
            />
          ) : null}
          {lineage.descendants.length > 0 ? (
            <LineageStrip
              title={t("descendants")}
              images={lineage.descendants}
              onOpen={onOpen}
              testId="lineage-descendants"
            />
          ) : null}
        </>
      )}
    </section>
  );
}

function LineageStrip({
  title,
  images,
  onOpen,
  chained = false,
  testId,
}: {
  title: string;
  images: Image[];
  onOpen: (id: string) => void;
  chained?: boolean;
  testId: string;
}) {
  const open = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0)
      return;
    event.preventDefault();
    onOpen(id);
  };
  return (
    <div className="flex flex-col gap-1.5" data-testid={testId}>
      <p className="text-ink-subtle text-xs font-medium">{title}</p>
      <ol className="-mx-1 flex items-center gap-1 overflow-x-auto px-1 pt-1 pb-2">
        {images.map((item, index) => (
          <li key={item.id} className="flex shrink-0 items-center gap-1">
            <a
              href={imageHref(item.id)}
              onClick={(event) => open(event, item.id)}
              title={item.prompt}
              aria-label={promptExcerpt(item.prompt)}
              className="bg-surface-raised ring-line relative block size-16 overflow-hidden rounded-xl ring-1 transition-transform hover:scale-[1.04]"
            >
              <PlainImage
                src={
                  item.urls.thumbnails["150"] ?? item.urls.thumbnails["300"] ?? item.urls.original
                }
                alt=""
                fill
                sizes="64px"
                loading="eager"
                className="object-cover"
              />
            </a>
            {chained && index < images.length - 1 ? (
              <ChevronRight aria-hidden="true" className="text-ink-subtle size-4" />
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
