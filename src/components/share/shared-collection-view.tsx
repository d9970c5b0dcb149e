import { ImageOff } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UserAvatar } from "@/components/shell/user-avatar";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { Collection, Image } from "@/shared/api-types";
import type { CursorPage } from "@/lib/api/pages";
import { MakeYourOwnCta } from "./make-your-own-cta";
import { ShareButton } from "./share-button";
import { SharedCollectionGrid } from "./shared-collection-grid";

interface SharedCollectionViewProps {
  collection: Collection;
  authorName: string;
  firstPage: CursorPage<Image>;
  pageSize: number;
  signedIn: boolean;
  isOwner: boolean;
}

/** The public page of a shared collection: its name, description, author and public images. */
export async function SharedCollectionView({
  collection,
  authorName,
  firstPage,
  pageSize,
  signedIn,
  isOwner,
}: SharedCollectionViewProps) {
  const t = await getTranslations("share.collection");
  return (
    <div
      className="mx-auto flex w-full max-w-6xl flex-col gap-8 px-4 pt-6 pb-16 sm:px-6 lg:pt-10"
      data-testid="shared-collection"
    >
      <header className="flex flex-col gap-5 sm:flex-row sm:items-end sm:justify-between">
        <div className="flex max-w-2xl min-w-0 flex-col gap-3">
          <p className="text-primary text-xs font-semibold tracking-[0.16em] uppercase">
            {t("eyebrow")}
          </p>
          <h1 className="font-display text-ink text-3xl font-bold tracking-tight break-words sm:text-4xl">
            {collection.name}
          </h1>
          {collection.description ? (
            <p className="text-ink-muted text-base whitespace-pre-line">{collection.description}</p>
          ) : null}
          <div className="flex items-center gap-3 text-sm">
            <UserAvatar name={authorName} email="" />
            <p className="text-ink-muted">
              {t.rich("byline", {
                author: authorName,
                strong: (chunks) => <span className="text-ink font-semibold">{chunks}</span>,
              })}
              <span aria-hidden="true"> · </span>
              {t("count", { count: collection.imageCount })}
            </p>
          </div>
        </div>
        {collection.shareUrl ? (
          <ShareButton
            url={collection.shareUrl}
            title={collection.name}
            text={collection.description || undefined}
            data-testid="shared-collection-share"
          />
        ) : null}
      </header>

      {isOwner ? (
        <Alert title={t("ownerTitle")} role="status">
          {t.rich("ownerText", {
            link: (chunks) => (
              <Link
                href={`/collections/${collection.id}`}
                className="text-primary font-semibold underline-offset-2 hover:underline"
              >
                {chunks}
              </Link>
            ),
          })}
        </Alert>
      ) : null}

      {firstPage.items.length === 0 ? (
        <EmptyState
          illustration={
            <span className="bg-primary-soft text-primary mx-auto flex size-16 items-center justify-center rounded-2xl">
              <ImageOff className="size-8" />
            </span>
          }
          title={t("emptyTitle")}
          description={t("emptyText")}
          action={
            <Button asChild variant="secondary">
              <Link href="/explore">{t("browseExplore")}</Link>
            </Button>
          }
        />
      ) : (
        <SharedCollectionGrid
          collectionId={collection.id}
          pageSize={pageSize}
          initialPage={firstPage}
        />
      )}

      <MakeYourOwnCta signedIn={signedIn} className="mx-auto w-full max-w-2xl" />
    </div>
  );
}
