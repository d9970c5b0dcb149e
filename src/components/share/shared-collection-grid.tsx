"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Image } from "@/shared/api-types";
import { LoadMore } from "./load-more";
import { PublicImageTile, TILE_GRID_CLASSES } from "./public-image-tile";
import { useCursorPages } from "@/lib/api/hooks";
import { fetchApiPage, withCursor, type CursorPage } from "@/lib/api/pages";
import { queryKeys } from "@/lib/api/query-keys";
import { useErrorMessage } from "@/lib/i18n/use-error-message";

interface SharedCollectionGridProps {
  collectionId: string;
  pageSize: number;
  initialPage: CursorPage<Image>;
}

/** The public images of a shared collection, more as the visitor scrolls. */
export function SharedCollectionGrid({
  collectionId,
  pageSize,
  initialPage,
}: SharedCollectionGridProps) {
  const t = useTranslations("share.collection");
  const errorText = useErrorMessage();
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) =>
      // Asked as a visitor even when the owner is signed in: a share page shows what visitors see.
      fetchApiPage<Image>(
        withCursor(`/api/v1/gallery/collections/${collectionId}/images?limit=${pageSize}`, cursor),
        {
          signal,
          credentials: "omit",
        },
      ),
    [collectionId, pageSize],
  );
  const pages = useCursorPages(
    queryKeys.sharedCollectionImages(collectionId),
    fetchPage,
    initialPage,
  );

  if (pages.status === "error") {
    return (
      <Alert variant="danger" role="alert" title={t("loadFailed")}>
        <p>{pages.error ? errorText(pages.error) : null}</p>
        <Button variant="secondary" size="sm" className="mt-2" onClick={pages.reload}>
          {t("tryAgain")}
        </Button>
      </Alert>
    );
  }

  return (
    <div className="flex flex-col gap-2">
      <ul className={TILE_GRID_CLASSES} data-testid="shared-collection-grid">
        {pages.items.map((image, index) => (
          <PublicImageTile key={image.id} image={image} eager={index < 4} />
        ))}
      </ul>
      <LoadMore
        status={pages.status}
        hasMore={pages.hasMore}
        onLoadMore={pages.loadMore}
        errorMessage={pages.error ? errorText(pages.error) : undefined}
        endText={pages.items.length > pageSize ? t("end") : undefined}
      />
    </div>
  );
}
