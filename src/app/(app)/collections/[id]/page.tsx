import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CollectionView } from "@/components/collections/collection-view";
import { toCursorPage } from "@/lib/api/pages";
import { PageContainer } from "@/components/shell/page-header";
import { loadCollectionPageAccess } from "@/server/gallery/collection-page-data";
import { getServices } from "@/server/services";

const PAGE_SIZE = 24;

interface CollectionPageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: CollectionPageProps): Promise<Metadata> {
  const access = await loadCollectionPageAccess((await params).id);
  if (access.kind !== "own") return { title: "Collection" };
  const { name, description, imageCount } = access.collection;
  return {
    title: name,
    description:
      description ||
      `Your collection “${name}”: ${imageCount === 1 ? "1 image" : `${imageCount} images`}.`,
  };
}

export default async function CollectionPage({ params }: CollectionPageProps) {
  const { id } = await params;
  // The layout has already answered 404 or redirected for anything but the viewer's own.
  const access = await loadCollectionPageAccess(id);
  if (access.kind !== "own") notFound();
  const services = await getServices();
  const firstPage = await services.gallery.listCollectionImages({
    id,
    viewerId: access.viewerId,
    limit: PAGE_SIZE,
  });
  return (
    <PageContainer>
      <CollectionView
        initialCollection={access.collection}
        initialPage={toCursorPage(firstPage)}
        pageSize={PAGE_SIZE}
      />
    </PageContainer>
  );
}
