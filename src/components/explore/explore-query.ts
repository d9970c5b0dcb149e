import { isStorableText, textOrUndefined, TEXT_RULES } from "@/shared/limits";

export type ExploreSort = "newest" | "popular";

/** The public gallery's filters, as kept in the URL: /explore?q=…&sort=popular&tag=… */
export interface ExploreQuery {
  q: string;
  sort: ExploreSort;
  tag: string | null;
}

export const EXPLORE_PAGE_SIZE = 24;
export const MAX_SEARCH_LENGTH = TEXT_RULES.search.max[0];

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Reads the URL's search params leniently: anything unusable is dropped, never an error page. */
export function parseExploreQuery(
  params: Record<string, string | string[] | undefined>,
): ExploreQuery {
  const tag = textOrUndefined(TEXT_RULES.tag, single(params.tag));
  return {
    q: searchOf(single(params.q)),
    sort: single(params.sort) === "popular" ? "popular" : "newest",
    tag: tag ?? null,
  };
}

/**
 * The search within its length (in code points, so an emoji is never cut in half), or none when
 * Postgres could not store it (a NUL, a lone surrogate): the page queries with it directly.
 */
function searchOf(raw: string | undefined): string {
  const search = [...(raw ?? "").trim()].slice(0, MAX_SEARCH_LENGTH).join("");
  return isStorableText(search) ? search : "";
}

/** The query string for the URL ("" for the defaults). */
export function exploreSearchString(query: ExploreQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.sort !== "newest") params.set("sort", query.sort);
  if (query.tag) params.set("tag", query.tag);
  return params.toString();
}

export function publicGalleryPath(query: ExploreQuery): string {
  const params = new URLSearchParams({ sort: query.sort, limit: String(EXPLORE_PAGE_SIZE) });
  if (query.q) params.set("q", query.q);
  if (query.tag) params.set("tag", query.tag);
  return `/api/v1/gallery/public?${params.toString()}`;
}
