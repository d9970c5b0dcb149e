import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExploreGallery } from "@/components/explore/explore-gallery";
import { ExploreHeader } from "@/components/explore/explore-header";
import {
  EXPLORE_PAGE_SIZE,
  exploreSearchString,
  parseExploreQuery,
} from "@/components/explore/explore-query";
import { toCursorPage } from "@/lib/api/pages";
import { getCurrentUser } from "@/server/auth/current-user";
import { getServices } from "@/server/services";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("explore");
  return { title: t("metaTitle"), description: t("metaDescription") };
}

interface ExplorePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * No loading.tsx (no Suspense boundary around the page): the first page of images is in the
 * first HTML with the rest of the page, so the first paint shows the images. A streamed
 * boundary would paint a skeleton first and reveal the grid through a script, later.
 */
export default async function ExplorePage({ searchParams }: ExplorePageProps) {
  const query = parseExploreQuery(await searchParams);
  const services = await getServices();
  const [firstPage, user] = await Promise.all([
    services.gallery.listPublicImages({
      q: query.q || undefined,
      tag: query.tag ?? undefined,
      sort: query.sort,
      limit: EXPLORE_PAGE_SIZE,
    }),
    getCurrentUser().catch(() => null),
  ]);
  return (
    <div
      className="mx-auto flex w-full max-w-6xl flex-col gap-8 px-4 pt-6 pb-16 sm:px-6 lg:pt-10"
      data-testid="page-explore"
    >
      <ExploreHeader />
      {/* A navigation to other filters (a tag link) starts the gallery afresh from the server's page. */}
      <ExploreGallery
        key={exploreSearchString(query)}
        initialQuery={query}
        initialPage={toCursorPage(firstPage)}
        signedIn={user !== null}
      />
    </div>
  );
}
