"use client";

import { ArrowLeft, Globe, Images, Lock } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { LoadMore } from "@/components/share/load-more";
import { TILE_GRID_CLASSES } from "@/components/share/public-image-tile";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/toast";
import { useCursorPages } from "@/lib/api/hooks";
import { fetchApiPage, withCursor, type CursorPage } from "@/lib/api/pages";
import { queryKeys } from "@/lib/api/query-keys";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { Collection, Image } from "@/shared/api-types";
import type { CollectionPatch } from "@/shared/schemas/gallery";
import { CollectionImageTile } from "./collection-image-tile";
import { CollectionSharingCard } from "./collection-sharing-card";
import { DeleteCollectionButton } from "./delete-collection-button";
import { EditableText } from "./editable-text";
import { OfflineCollectionCard } from "./offline-collection-card";
import {
  collectionImagesPath,
  useRemoveFromCollection,
  useUpdateCollection,
} from "./use-collection-mutations";

interface CollectionViewProps {
  initialCollection: Collection;
  initialPage: CursorPage<Image>;
  pageSize: number;
}

/** One own collection: rename, describe, publish, delete, and its images with cover and removal. */
export function CollectionView({ initialCollection, initialPage, pageSize }: CollectionViewProps) {
  const t = useTranslations("collections");
  const errorText = useErrorMessage();
  const [collection, setCollection] = useState(initialCollection);
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  const imagesHeading = useRef<HTMLHeadingElement>(null);
  const { id } = collection;

  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) =>
      fetchApiPage<Image>(withCursor(collectionImagesPath(id, pageSize), cursor), { signal }),
    [id, pageSize],
  );
  const pages = useCursorPages(queryKeys.collectionImages(id), fetchPage, initialPage);

  // Renames, descriptions and visibility say what failed where they were made (inline).
  const { mutateAsync: update } = useUpdateCollection(id);
  const patch = useCallback(
    async (change: CollectionPatch) => {
      setCollection(await update(change));
    },
    [update],
  );
  const { mutateAsync: setCoverTo } = useUpdateCollection(id, t("page.coverFailed"));
  const { mutateAsync: removeImage } = useRemoveFromCollection(id, t("page.removeFailed"));

  function markBusy(imageId: string, busy: boolean) {
    setBusyIds((current) => {
      const next = new Set(current);
      if (busy) next.add(imageId);
      else next.delete(imageId);
      return next;
    });
  }

  // A failure is toasted by the mutation (its errorToast); here only what success changes.
  async function setCover(image: Image) {
    markBusy(image.id, true);
    try {
      setCollection(await setCoverTo({ coverImageId: image.id }));
      toast({ variant: "success", title: t("page.coverUpdated") });
    } catch {
      // Toasted by the mutation.
    } finally {
      markBusy(image.id, false);
    }
  }

  async function remove(image: Image) {
    markBusy(image.id, true);
    try {
      await removeImage(image.id);
      pages.updateItems((items) => items.filter((item) => item.id !== image.id));
      setCollection((current) => ({
        ...current,
        imageCount: Math.max(0, current.imageCount - 1),
        coverImageId: current.coverImageId === image.id ? null : current.coverImageId,
      }));
      // The tile and its menu are gone: keep keyboard focus near where it was.
      imagesHeading.current?.focus();
      toast({
        title: t("page.removed"),
        description: t("page.removedDescription"),
      });
    } catch {
      // Toasted by the mutation.
    } finally {
      markBusy(image.id, false);
    }
  }

  // Without a chosen cover, the newest image added is the cover (as on the collection's card).
  const coverId = collection.coverImageId ?? pages.items[0]?.id ?? null;

  return (
    <div className="flex flex-col gap-8" data-testid="page-collection">
      <div className="flex items-center justify-between gap-3">
        <Link
          href="/collections"
          className="text-ink-muted hover:text-ink inline-flex min-h-11 items-center gap-1.5 rounded-lg text-sm font-semibold sm:min-h-9"
        >
          <ArrowLeft aria-hidden="true" className="size-4" />
          {t("page.back")}
        </Link>
        <DeleteCollectionButton collection={collection} />
      </div>

      <div className="flex flex-col gap-6 lg:flex-row lg:items-start lg:justify-between lg:gap-10">
        <header className="flex min-w-0 flex-1 flex-col gap-3">
          <div className="flex flex-wrap items-center gap-2">
            {collection.isPublic ? (
              <Badge variant="primary">
                <Globe aria-hidden="true" />
                {t("page.public")}
              </Badge>
            ) : (
              <Badge>
                <Lock aria-hidden="true" />
                {t("page.private")}
              </Badge>
            )}
            <span className="text-ink-muted text-sm" data-testid="collection-count">
              {t("imageCount", { count: collection.imageCount })}
            </span>
          </div>
          <EditableText
            value={collection.name}
            name="name"
            fieldLabel={t("page.nameLabel")}
            editLabel={t("page.rename")}
            maxLength={80}
            requiredMessage={t("page.nameRequired")}
            onSave={(name) => patch({ name })}
            testId="collection-name"
          >
            <h1 className="font-display text-ink text-3xl font-bold tracking-tight break-words sm:text-4xl">
              {collection.name}
            </h1>
          </EditableText>
          <EditableText
            value={collection.description}
            name="description"
            fieldLabel={t("page.descriptionLabel")}
            editLabel={t("page.editDescription")}
            emptyLabel={t("page.addDescription")}
            multiline
            maxLength={500}
            onSave={(description) => patch({ description })}
            className="max-w-2xl"
            testId="collection-description"
          >
            <p className="text-ink-muted text-base whitespace-pre-line">{collection.description}</p>
          </EditableText>
        </header>
        <div className="flex w-full flex-col gap-4 lg:w-96 lg:shrink-0">
          <CollectionSharingCard
            collection={collection}
            onVisibilityChange={(isPublic) => patch({ isPublic })}
          />
          <OfflineCollectionCard collection={collection} />
        </div>
      </div>

      <section aria-labelledby="collection-images-heading" className="flex flex-col gap-4">
        <h2
          id="collection-images-heading"
          ref={imagesHeading}
          tabIndex={-1}
          className="text-ink-subtle text-xs font-semibold tracking-[0.16em] uppercase outline-none"
        >
          {t("page.images")}
        </h2>
        {pages.status === "error" ? (
          <Alert variant="danger" role="alert" title={t("page.loadFailed")}>
            <p>{pages.error ? errorText(pages.error) : null}</p>
            <Button variant="secondary" size="sm" className="mt-3" onClick={pages.reload}>
              {t("page.tryAgain")}
            </Button>
          </Alert>
        ) : pages.items.length === 0 && pages.status !== "loading" ? (
          <EmptyState
            illustration={
              <span className="bg-primary-soft text-primary mx-auto flex size-16 items-center justify-center rounded-2xl">
                <Images className="size-8" />
              </span>
            }
            headingLevel="h3"
            title={t("page.emptyTitle")}
            description={t("page.emptyDescription")}
            action={
              <Button asChild>
                <Link href="/gallery">
                  <Images aria-hidden="true" />
                  {t("page.openGallery")}
                </Link>
              </Button>
            }
          />
        ) : (
          <>
            <ul className={TILE_GRID_CLASSES} data-testid="collection-images">
              {pages.items.map((image, index) => (
                <CollectionImageTile
                  key={image.id}
                  image={image}
                  isCover={image.id === coverId}
                  markPrivate={collection.isPublic}
                  busy={busyIds.has(image.id)}
                  eager={index < 4}
                  onSetCover={(target) => void setCover(target)}
                  onRemove={(target) => void remove(target)}
                />
              ))}
            </ul>
            <LoadMore
              status={pages.status}
              hasMore={pages.hasMore}
              onLoadMore={pages.loadMore}
              errorMessage={pages.error ? errorText(pages.error) : undefined}
              endText={pages.items.length > pageSize ? t("page.end") : undefined}
            />
          </>
        )}
      </section>
    </div>
  );
}
