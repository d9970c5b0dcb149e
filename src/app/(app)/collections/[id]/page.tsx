import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { CollectionView } from "@/components/collections/collection-view";
import { toCursorPage } from "@/components/share/fetch-api-page";
import { PageContainer } from "@/components/shell/page-header";
import { getCurrentUser } from "@/server/auth/current-user";
import { AppError } from "@/server/http/app-error";
import { getServices } from "@/server/services";

const PAGE_SIZE = 24;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface CollectionPageProps {
  params: Promise<{ id: string }>;
}

/** The collection as its viewer may see it, or null; once per request. */
const loadCollection = cache(async (id: string, viewerId: string) => {
  if (!UUID_PATTERN.test(id)) return null;
  const services = await getServices();
  try {
    return await services.gallery.getCollection({ id, viewerId });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: CollectionPageProps): Promise<Metadata> {
  const { id } = await params;
  const user = await getCurrentUser();
  const collection = user ? await loadCollection(id, user.id) : null;
  return { title: collection?.name ?? "Collection" };
}

export default async function CollectionPage({ params }: CollectionPageProps) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(`/collections/${id}`)}`);
  const collection = await loadCollection(id, user.id);
  if (!collection) notFound();
  // Someone else's public collection: its share page is the way to see it.
  if (collection.userId !== user.id) redirect(collection.shareUrl ?? "/collections");
  const services = await getServices();
  const firstPage = await services.gallery.listCollectionImages({
    id,
    viewerId: user.id,
    limit: PAGE_SIZE,
  });
  return (
    <PageContainer>
      <CollectionView
        initialCollection={collection}
        initialPage={toCursorPage(firstPage)}
        pageSize={PAGE_SIZE}
      />
    </PageContainer>
  );
}
