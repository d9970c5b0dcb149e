import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImageDetailPage } from "@/components/image-detail/image-detail-page";
import { promptExcerpt } from "@/components/image-detail/image-format";
import { PageContainer } from "@/components/shell/page-header";
import { loadVisibleImage } from "@/server/images/image-page-data";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadVisibleImage((await params).id);
  if (!found) return { title: "Image not found" };
  return {
    title: promptExcerpt(found.image.prompt, 60),
    description: `An image made with Google Gemini: “${promptExcerpt(found.image.prompt, 140)}”`,
  };
}

export default async function ImagePage({ params }: Props) {
  // The layout has already answered 404 for an image the viewer may not see.
  const found = await loadVisibleImage((await params).id);
  if (!found) notFound();
  const { image, viewerId, services } = found;
  const [lineage, templateName] = await Promise.all([
    services.images.lineage({ id: image.id, viewerId }),
    image.styleTemplateId
      ? services.templates
          .getTemplate({ id: image.styleTemplateId })
          .then((template) => template.name)
          .catch(() => "A retired style")
      : Promise.resolve(null),
  ]);
  return (
    <PageContainer>
      <ImageDetailPage
        key={image.id}
        initialImage={image}
        initialLineage={lineage}
        templateName={templateName}
        canManage={image.userId === viewerId}
      />
    </PageContainer>
  );
}
