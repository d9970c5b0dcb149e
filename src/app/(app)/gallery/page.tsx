import type { Metadata } from "next";
import { Suspense } from "react";
import { GalleryPageSkeleton } from "@/components/gallery/gallery-page-skeleton";
import { GalleryView } from "@/components/gallery/gallery-view";
import { PageContainer } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "My gallery" };

export default function GalleryPage() {
  return (
    <PageContainer>
      <div data-testid="page-gallery">
        <Suspense fallback={<GalleryPageSkeleton />}>
          <GalleryView />
        </Suspense>
      </div>
    </PageContainer>
  );
}
