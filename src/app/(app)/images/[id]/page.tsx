import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { IMAGE_DETAIL_NAMESPACES } from "@/components/i18n/base-namespaces";
import { IntlMessages } from "@/components/i18n/intl-messages";
import { ImageDetailPage } from "@/components/image-detail/image-detail-page";
import { promptExcerpt } from "@/components/image-detail/image-format";
import { PageContainer } from "@/components/shell/page-header";
import { loadVisibleImage } from "@/server/images/image-page-data";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [found, t] = await Promise.all([
    loadVisibleImage((await params).id),
    getTranslations("image.page"),
  ]);
  if (!found) return { title: t("notFoundTitle") };
  return {
    title: promptExcerpt(found.image.prompt, 60),
    description: t("metaDescription", { prompt: promptExcerpt(found.image.prompt, 140) }),
  };
}

export default async function ImagePage({ params }: Props) {
  // The layout has already answered 404 for an image the viewer may not see.
  const found = await loadVisibleImage((await params).id);
  if (!found) notFound();
  const { image, viewerId, services } = found;
  const [lineage, template] = await Promise.all([
    services.images.lineage({ id: image.id, viewerId }),
    image.styleTemplateId
      ? services.templates
          .getTemplate({ id: image.styleTemplateId })
          .then(({ slug, name, description }) => ({ slug, name, description }))
          .catch(() => "retired" as const)
      : Promise.resolve(null),
  ]);
  return (
    <PageContainer>
      {/* The detail view, and from the gallery its delete confirmation, collection picker and
          undo toast (checked by the messages-coverage test). */}
      <IntlMessages
        namespaces={[
          ...IMAGE_DETAIL_NAMESPACES,
          "gallery.confirmDelete",
          "gallery.picker",
          "gallery.undoDelete",
        ]}
      >
        <ImageDetailPage
          key={image.id}
          initialImage={image}
          initialLineage={lineage}
          template={template}
          canManage={image.userId === viewerId}
        />
      </IntlMessages>
    </PageContainer>
  );
}
