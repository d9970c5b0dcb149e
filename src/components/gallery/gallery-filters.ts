import {
  isAspectRatio,
  isDateInRange,
  isUuid,
  textOrUndefined,
  TEXT_RULES,
  type AspectRatio,
} from "@/shared/limits";

/** The gallery catalogue's name of each aspect ratio. */
export const ASPECT_MESSAGE_KEYS = {
  "1:1": "aspect.square",
  "16:9": "aspect.wide",
  "9:16": "aspect.tall",
  "4:3": "aspect.landscape",
  "3:4": "aspect.portrait",
} as const satisfies Record<AspectRatio, `aspect.${string}`>;

/** The orders of the gallery (GET /images' sort); newest first is the default, left out of URLs. */
export type GallerySort = "newest" | "oldest";

/** The gallery's URL state: the filters and order of GET /images, without paging. */
export interface GalleryFilters {
  q?: string;
  tag?: string;
  favorite?: boolean;
  aspectRatio?: AspectRatio;
  templateId?: string;
  from?: string;
  to?: string;
  collectionId?: string;
  /** Only "oldest" is kept: newest first is what no sort means. */
  sort?: "oldest";
}

export const FILTER_KEYS = [
  "q",
  "tag",
  "favorite",
  "aspectRatio",
  "templateId",
  "from",
  "to",
  "collectionId",
] as const satisfies readonly (keyof GalleryFilters)[];

export type FilterKey = (typeof FILTER_KEYS)[number];

/** Every key of the URL state: the filters, then the order (not a filter: no chip, no badge). */
const URL_KEYS = [...FILTER_KEYS, "sort"] as const satisfies readonly (keyof GalleryFilters)[];

/** A date as GET /images takes it: 2026-01-31, or a date-time with an offset, in range. */
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const dateOrUndefined = (raw: string) => (DATE.test(raw) && isDateInRange(raw) ? raw : undefined);
const uuidOrUndefined = (raw: string) => (isUuid(raw) ? raw : undefined);

/**
 * Reads the filters from a query string, one field at a time, so that one bad parameter
 * (a hand-edited URL, an old link) drops only itself instead of the whole state.
 */
export function readGalleryFilters(params: URLSearchParams): GalleryFilters {
  const filters: GalleryFilters = {};
  const take = <K extends (typeof URL_KEYS)[number]>(
    key: K,
    parse: (raw: string) => GalleryFilters[K] | undefined,
  ) => {
    const raw = params.get(key);
    if (raw === null || raw.trim() === "") return;
    const value = parse(raw);
    if (value !== undefined && value !== "") filters[key] = value;
  };
  take("q", (raw) => textOrUndefined(TEXT_RULES.search, raw));
  take("tag", (raw) => textOrUndefined(TEXT_RULES.tag, raw));
  take("favorite", (raw) => (raw === "true" ? true : raw === "false" ? false : undefined));
  take("aspectRatio", (raw) => (isAspectRatio(raw) ? raw : undefined));
  take("templateId", uuidOrUndefined);
  take("from", dateOrUndefined);
  take("to", dateOrUndefined);
  take("collectionId", uuidOrUndefined);
  take("sort", (raw) => (raw === "oldest" ? raw : undefined));
  return filters;
}

/** The query string of the filters, in a fixed key order (so equal filters give equal strings). */
export function galleryFiltersToSearch(filters: GalleryFilters): string {
  const params = new URLSearchParams();
  for (const key of URL_KEYS) {
    const value = filters[key];
    if (value === undefined || value === "") continue;
    params.set(key, String(value));
  }
  return params.toString();
}

export function galleryHref(filters: GalleryFilters): string {
  const search = galleryFiltersToSearch(filters);
  return search ? `/gallery?${search}` : "/gallery";
}

export function gallerySortOf(filters: GalleryFilters): GallerySort {
  return filters.sort ?? "newest";
}

export function withSort(filters: GalleryFilters, sort: GallerySort): GalleryFilters {
  const next = { ...filters };
  if (sort === "oldest") next.sort = sort;
  else delete next.sort;
  return next;
}

/** No filter at all, in the same order (clearing filters keeps how the list is sorted). */
export function withoutFilters(filters: GalleryFilters): GalleryFilters {
  return withSort({}, gallerySortOf(filters));
}

export function withoutFilter(filters: GalleryFilters, key: FilterKey): GalleryFilters {
  const next = { ...filters };
  delete next[key];
  return next;
}

export function hasActiveFilters(filters: GalleryFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== undefined);
}

/** Filters other than the search box and the favourites toggle (the badge on "Filters"). */
export function countSheetFilters(filters: GalleryFilters): number {
  const sheetKeys: FilterKey[] = ["tag", "aspectRatio", "templateId", "collectionId", "from", "to"];
  return sheetKeys.filter((key) => filters[key] !== undefined).length;
}
