"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  galleryFiltersToSearch,
  galleryHref,
  readGalleryFilters,
  type GalleryFilters,
} from "./gallery-filters";
import { lightboxIdOf } from "./lightbox-history";

/**
 * The gallery's filters (from ?q=&tag=… on /gallery) and the lightbox's image (from
 * /images/<id>). While the lightbox's URL is showing, the search params are the lightbox's, so
 * the filters keep their last /gallery value instead of being read from it.
 */
export function useGalleryUrlState() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const onGallery = pathname === "/gallery";
  const urlSearch = galleryFiltersToSearch(
    readGalleryFilters(new URLSearchParams(searchParams.toString())),
  );
  const [search, setSearch] = useState(urlSearch);

  // Back, Forward and links change the URL under us.
  useEffect(() => {
    if (onGallery) setSearch(urlSearch);
  }, [onGallery, urlSearch]);

  const filters = useMemo(() => readGalleryFilters(new URLSearchParams(search)), [search]);

  const setFilters = useCallback((next: GalleryFilters) => {
    setSearch(galleryFiltersToSearch(next));
    // Filters replace the entry: Back leaves the gallery instead of undoing each keystroke.
    window.history.replaceState(null, "", galleryHref(next));
  }, []);

  return {
    filters,
    /** The filters as a query string for GET /images (no paging). */
    search,
    setFilters,
    galleryUrl: search ? `/gallery?${search}` : "/gallery",
    lightboxId: lightboxIdOf(pathname),
  };
}
