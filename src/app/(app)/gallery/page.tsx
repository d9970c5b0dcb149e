import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { GalleryView } from "@/components/gallery/gallery-view";
import { IMAGE_DETAIL_NAMESPACES } from "@/components/i18n/base-namespaces";
import { IntlMessages } from "@/components/i18n/intl-messages";
import { PageContainer } from "@/components/shell/page-header";
import { loadGalleryPageState, type PageSearchParams } from "@/server/pages/gallery-page-data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gallery.meta");
  return { title: t("title"), description: t("description") };
}

export default async function GalleryPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  // The first page of images, the templates and the collections are in the HTML: no request
  // from the browser before the grid paints. No loading.tsx and no Suspense boundary around
  // the view: React streams a boundary whose HTML is over ~12.8 kB as a hidden segment at the
  // end of the document, swapped in by a script even when it rendered complete ("outlined"),
  // so the tiles would paint only after the scripts ran (see tests/e2e/first-paint.e2e.ts).
  const state = await loadGalleryPageState(await searchParams);
  return (
    <PageContainer>
      <div data-testid="page-gallery">
        {/* The lightbox shows image-detail's components, as /images/[id] does (the
            messages-coverage test checks every namespace the components read is here). */}
        <IntlMessages namespaces={["gallery", ...IMAGE_DETAIL_NAMESPACES]}>
          <HydrationBoundary state={state}>
            <GalleryView />
          </HydrationBoundary>
        </IntlMessages>
      </div>
    </PageContainer>
  );
}
