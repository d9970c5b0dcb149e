"use client";

import { SearchX, Sparkles, X } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/share/load-more";
import { PublicImageTile, TILE_GRID_CLASSES } from "@/components/share/public-image-tile";
import { useCursorPages } from "@/lib/api/hooks";
import { fetchApiPage, withCursor, type CursorPage } from "@/lib/api/pages";
import { queryKeys } from "@/lib/api/query-keys";
import { cn } from "@/lib/cn";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { PublicImage } from "@/shared/api-types";
import { ExploreSearch } from "./explore-search";
import {
  exploreSearchString,
  publicGalleryPath,
  type ExploreQuery,
  type ExploreSort,
} from "./explore-query";
import { ExploreGridSkeleton } from "./explore-skeleton";
import { SortToggle } from "./sort-toggle";

interface ExploreGalleryProps {
  initialQuery: ExploreQuery;
  initialPage: CursorPage<PublicImage>;
  signedIn: boolean;
}

const SEARCH_PAUSE_MS = 350;

/** Everyone's public images: search, sort and tag filter (kept in the URL), more on scroll. */
export function ExploreGallery({ initialQuery, initialPage, signedIn }: ExploreGalleryProps) {
  const t = useTranslations("explore");
  const errorText = useErrorMessage();
  const [text, setText] = useState(initialQuery.q);
  const [q, setQ] = useState(initialQuery.q);
  const [sort, setSort] = useState<ExploreSort>(initialQuery.sort);
  const [tag, setTag] = useState(initialQuery.tag);

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), SEARCH_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    const search = exploreSearchString({ q, sort, tag });
    const next = `${window.location.pathname}${search ? `?${search}` : ""}`;
    // Next.js keeps its router in step with replaceState, without a server round trip.
    if (next !== `${window.location.pathname}${window.location.search}`)
      window.history.replaceState(null, "", next);
  }, [q, sort, tag]);

  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) =>
      fetchApiPage<PublicImage>(withCursor(publicGalleryPath({ q, sort, tag }), cursor), {
        signal,
      }),
    [q, sort, tag],
  );
  // The server's first page belongs to the query it was rendered for, not to later ones.
  const search = exploreSearchString({ q, sort, tag });
  const pages = useCursorPages(
    queryKeys.publicImages(search),
    fetchPage,
    search === exploreSearchString(initialQuery) ? initialPage : null,
  );

  const chooseTag = (next: string | null) => {
    setTag(next);
    window.scrollTo({ top: 0 });
  };
  const clearFilters = () => {
    setText("");
    setQ("");
    setTag(null);
  };
  const filtered = Boolean(q || tag);
  // Which filters a sentence names: the search, the tag, or both.
  const filter = q && tag ? "both" : q ? "search" : tag ? "tag" : "none";

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <ExploreSearch value={text} onChange={setText} onSubmit={() => setQ(text.trim())} />
          <SortToggle value={sort} onChange={setSort} />
        </div>
        {tag ? (
          <div className="text-ink-muted flex flex-wrap items-center gap-2 text-sm">
            <span>{t("tagged")}</span>
            <button
              type="button"
              onClick={() => chooseTag(null)}
              className="bg-primary-soft text-primary-soft-ink hover:bg-primary-soft/70 inline-flex min-h-9 items-center gap-1.5 rounded-full pr-2 pl-3 font-semibold"
              aria-label={t("removeTag", { tag })}
              data-testid="explore-tag-filter"
            >
              #{tag}
              <X aria-hidden="true" className="size-4" />
            </button>
          </div>
        ) : null}
      </div>

      <p aria-live="polite" className="sr-only">
        {pages.status === "loading"
          ? t("loading")
          : pages.status === "ready"
            ? t("summary", {
                count: pages.items.length,
                more: String(pages.hasMore),
                filter,
                q,
                tag: tag ?? "",
              })
            : ""}
      </p>

      {pages.status === "error" ? (
        <Alert variant="danger" role="alert" title={t("loadFailed")}>
          <p>{pages.error ? errorText(pages.error) : null}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={pages.reload}>
            {t("tryAgain")}
          </Button>
        </Alert>
      ) : pages.status === "loading" && pages.items.length === 0 ? (
        <ExploreGridSkeleton />
      ) : pages.items.length === 0 ? (
        filtered ? (
          <EmptyState
            illustration={<EmptyIcon icon={SearchX} />}
            title={t("noMatchTitle")}
            description={t("noMatch", { filter, q, tag: tag ?? "" })}
            action={
              <Button variant="secondary" onClick={clearFilters}>
                {t("clearFilters")}
              </Button>
            }
          />
        ) : (
          <EmptyState
            illustration={<EmptyIcon icon={Sparkles} />}
            title={t("emptyTitle")}
            description={t("emptyDescription")}
            action={
              <Button asChild>
                <Link href={signedIn ? "/generate" : "/register"}>
                  {signedIn ? t("generate") : t("makeYourOwn")}
                </Link>
              </Button>
            }
          />
        )
      ) : (
        <div className="flex flex-col gap-2">
          <ul
            className={cn(
              TILE_GRID_CLASSES,
              "transition-opacity",
              pages.status === "loading" && "opacity-50",
            )}
            aria-busy={pages.status === "loading" || undefined}
            data-testid="explore-grid"
          >
            {pages.items.map((image, index) => (
              <PublicImageTile
                key={image.id}
                image={image}
                authorName={image.author.name}
                showDownloads={sort === "popular"}
                eager={index < 4}
                footer={<TagButtons tags={image.tags} active={tag} onChoose={chooseTag} />}
              />
            ))}
          </ul>
          <LoadMore
            status={pages.status}
            hasMore={pages.hasMore}
            onLoadMore={pages.loadMore}
            errorMessage={pages.error ? errorText(pages.error) : undefined}
            endText={pages.items.length > 8 ? t("end") : undefined}
          />
        </div>
      )}
    </div>
  );
}

function EmptyIcon({ icon: Icon }: { icon: typeof Sparkles }) {
  return (
    <span className="bg-primary-soft text-primary mx-auto flex size-16 items-center justify-center rounded-2xl">
      <Icon className="size-8" />
    </span>
  );
}

function TagButtons({
  tags,
  active,
  onChoose,
}: {
  tags: string[];
  active: string | null;
  onChoose: (tag: string) => void;
}) {
  const t = useTranslations("explore");
  const shown = tags.filter((tag) => tag !== active).slice(0, 2);
  if (shown.length === 0) return null;
  return (
    <ul className="flex min-w-0 flex-wrap gap-1">
      {shown.map((tag) => (
        <li key={tag} className="min-w-0">
          <button
            type="button"
            onClick={() => onChoose(tag)}
            className="border-line text-ink-muted hover:border-primary/40 hover:text-ink max-w-full truncate rounded-full border px-2 py-0.5 text-xs"
            aria-label={t("showTag", { tag })}
          >
            #{tag}
          </button>
        </li>
      ))}
    </ul>
  );
}
