import { describe, expect, it } from "vitest";
import {
  countSheetFilters,
  galleryFiltersToSearch,
  gallerySortOf,
  hasActiveFilters,
  readGalleryFilters,
  withoutFilters,
  withSort,
} from "./gallery-filters";

const read = (search: string) => readGalleryFilters(new URLSearchParams(search));

describe("the gallery's order in its URL", () => {
  it("keeps sort=oldest and leaves newest first (the default) out of the URL", () => {
    expect(read("sort=oldest")).toEqual({ sort: "oldest" });
    expect(galleryFiltersToSearch(read("sort=oldest&tag=sea"))).toBe("tag=sea&sort=oldest");
    for (const search of ["sort=newest", "sort=popular", "sort=", "sort=OLDEST"])
      expect(read(search), search).toEqual({});
    expect(gallerySortOf(read(""))).toBe("newest");
    expect(galleryFiltersToSearch(withSort(read("sort=oldest&q=fox"), "newest"))).toBe("q=fox");
  });

  it("does not count the order as a filter, and keeps it when the filters are cleared", () => {
    const filters = read("sort=oldest&tag=sea&favorite=true");
    expect(hasActiveFilters(read("sort=oldest"))).toBe(false);
    expect(countSheetFilters(read("sort=oldest"))).toBe(0);
    expect(withoutFilters(filters)).toEqual({ sort: "oldest" });
    expect(withoutFilters(read("tag=sea"))).toEqual({});
  });
});
