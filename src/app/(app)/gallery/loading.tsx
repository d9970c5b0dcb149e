import { GalleryPageSkeleton } from "@/components/gallery/gallery-page-skeleton";
import { PageContainer } from "@/components/shell/page-header";

export default function Loading() {
  return (
    <PageContainer>
      <GalleryPageSkeleton />
    </PageContainer>
  );
}
