import { ImageOff } from "lucide-react";
import Link from "next/link";
import { UserAvatar } from "@/components/shell/user-avatar";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { Collection, Image } from "@/shared/api-types";
import type { CursorPage } from "@/lib/api/pages";
import { countLabel } from "./format";
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
export function SharedCollectionView({
  collection,
  authorName,
  firstPage,
  pageSize,
  signedIn,
  isOwner,
}: SharedCollectionViewProps) {
  return (
    <div
      className="mx-auto flex w-full max-w-6xl flex-col gap-8 px-4 pt-6 pb-16 sm:px-6 lg:pt-10"
      data-testid="shared-collection"
    >
      <header className="flex flex-col gap-5 sm:flex-row sm:items-end sm:justify-between">
        <div className="flex max-w-2xl min-w-0 flex-col gap-3">
          <p className="text-primary text-xs font-semibold tracking-[0.16em] uppercase">
            Shared collection
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
              by <span className="text-ink font-semibold">{authorName}</span>
              <span aria-hidden="true"> · </span>
              {countLabel(collection.imageCount, "image")}
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
        <Alert title="This is your collection" role="status">
          Visitors see only its public images.{" "}
          <Link
            href={`/collections/${collection.id}`}
            className="text-primary font-semibold underline-offset-2 hover:underline"
          >
            Manage it
          </Link>{" "}
          or make it private to turn this link off.
        </Alert>
      ) : null}

      {firstPage.items.length === 0 ? (
        <EmptyState
          illustration={
            <span className="bg-primary-soft text-primary mx-auto flex size-16 items-center justify-center rounded-2xl">
              <ImageOff className="size-8" />
            </span>
          }
          title="Nothing to see here yet"
          description="This collection has no public images at the moment. Come back later, or browse what others have shared."
          action={
            <Button asChild variant="secondary">
              <Link href="/explore">Browse Explore</Link>
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
