import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CollectionView } from "@/components/collections/collection-view";
import { IntlMessages } from "@/components/i18n/intl-messages";
import { toCursorPage } from "@/lib/api/pages";
import { PageContainer } from "@/components/shell/page-header";
import { loadCollectionPageAccess } from "@/server/gallery/collection-page-data";
import { getServices } from "@/server/services";

const PAGE_SIZE = 24;

interface CollectionPageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: CollectionPageProps): Promise<Metadata> {
  const [access, t] = await Promise.all([
    loadCollectionPageAccess((await params).id),
    getTranslations("collections.page"),
  ]);
  if (access.kind !== "own") return { title: t("metaTitle") };
  const { name, description, imageCount } = access.collection;
  return {
    title: name,
    description: description || t("metaDescription", { name, count: imageCount }),
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
      {/* The share link field, the tiles and "Load more" come from the share pages. */}
      <IntlMessages namespaces={["collections", "share"]}>
        <CollectionView
          initialCollection={access.collection}
          initialPage={toCursorPage(firstPage)}
          pageSize={PAGE_SIZE}
        />
      </IntlMessages>
    </PageContainer>
  );
}
