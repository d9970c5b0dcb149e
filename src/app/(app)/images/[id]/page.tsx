import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
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
      {/* The variations dialog and the edit form come from the composer (parts of results and
          generate); the delete confirmation, collection picker and undo toast from the gallery;
          the template's name from templates (checked by the messages-coverage test). */}
      <IntlMessages
        namespaces={[
          "image",
          "templates",
          "results.variations",
          "generate.aspect",
          "generate.count",
          "generate.quality",
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
