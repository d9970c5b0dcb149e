import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { toCursorPage } from "@/lib/api/pages";
import { sharedCollectionMetadata } from "@/components/share/share-metadata";
import { loadSharedCollection, SHARED_COLLECTION_PAGE_SIZE } from "@/components/share/shared-data";
import { SharedCollectionView } from "@/components/share/shared-collection-view";
import { resolveSiteOrigin } from "@/components/share/site-origin";
import { getCurrentUser } from "@/server/auth/current-user";

interface SharedCollectionPageProps {
  params: Promise<{ shareId: string }>;
}

export async function generateMetadata({ params }: SharedCollectionPageProps): Promise<Metadata> {
  const { shareId } = await params;
  const shared = await loadSharedCollection(shareId);
  if (!shared) notFound();
  return sharedCollectionMetadata({
    collection: shared.collection,
    authorName: shared.authorName,
    cover: shared.cover,
    shareId,
    origin: await resolveSiteOrigin(),
  });
}

export default async function SharedCollectionPage({ params }: SharedCollectionPageProps) {
  const { shareId } = await params;
  const shared = await loadSharedCollection(shareId);
  if (!shared) notFound();
  const user = await getCurrentUser().catch(() => null);
  return (
    <SharedCollectionView
      collection={shared.collection}
      authorName={shared.authorName}
      firstPage={toCursorPage(shared.firstPage)}
      pageSize={SHARED_COLLECTION_PAGE_SIZE}
      signedIn={user !== null}
      isOwner={user?.id === shared.collection.userId}
    />
  );
}
