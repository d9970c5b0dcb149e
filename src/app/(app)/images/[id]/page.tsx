import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ImageDetailPage } from "@/components/image-detail/image-detail-page";
import { promptExcerpt } from "@/components/image-detail/image-format";
import { PageContainer } from "@/components/shell/page-header";
import { getCurrentIdentity } from "@/server/auth/current-user";
import { AppError } from "@/server/http/app-error";
import { getServices } from "@/server/services";
import { imageIdParamsSchema } from "@/shared/schemas/images";

type Props = { params: Promise<{ id: string }> };

/** The image when the viewer may see it (own, or public); null otherwise. */
const loadVisibleImage = cache(async (id: string) => {
  if (!imageIdParamsSchema.safeParse({ id }).success) return null;
  const identity = await getCurrentIdentity();
  if (!identity) return null;
  const services = await getServices();
  try {
    const image = await services.images.getImage({ id, viewerId: identity.userId });
    return { image, viewerId: identity.userId, services };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadVisibleImage((await params).id);
  return { title: found ? promptExcerpt(found.image.prompt, 60) : "Image not found" };
}

export default async function ImagePage({ params }: Props) {
  const found = await loadVisibleImage((await params).id);
  if (!found) notFound();
  const { image, viewerId, services } = found;
  const [lineage, templateName] = await Promise.all([
    services.gallery.lineage({ id: image.id, viewerId }),
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
