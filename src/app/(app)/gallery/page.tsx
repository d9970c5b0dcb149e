import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { GalleryView } from "@/components/gallery/gallery-view";
import { PageContainer } from "@/components/shell/page-header";
import { loadGalleryPageState, type PageSearchParams } from "@/server/pages/gallery-page-data";

export const metadata: Metadata = {
  title: "My gallery",
  description: "Every image you have generated: search, filter, favorite and organise them.",
};

export default async function GalleryPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  // The first page of images, the templates and the collections are in the HTML: no request
  // from the browser before the grid paints. No Suspense boundary (and no loading.tsx): a
  // streamed boundary is revealed by a script React may hold back, so the first paint would
  // be a skeleton and the gallery a later, largest paint.
  const state = await loadGalleryPageState(await searchParams);
  return (
    <PageContainer>
      <div data-testid="page-gallery">
        <HydrationBoundary state={state}>
          <GalleryView />
        </HydrationBoundary>
      </div>
    </PageContainer>
  );
}
