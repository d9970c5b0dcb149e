/** Images per request of the gallery: ten rows of six, or thirty of two. */
export const GALLERY_PAGE_SIZE = 60;

/**
 * The query of GET /images for one of the gallery's filter strings (see galleryFiltersToSearch),
 * first page; the server's render and the browser ask the same.
 */
export function galleryListParams(filterSearch: string): URLSearchParams {
  const params = new URLSearchParams(filterSearch);
  params.set("limit", String(GALLERY_PAGE_SIZE));
  return params;
}

export function imagesPath(filterSearch: string): string {
  return `/api/v1/images?${galleryListParams(filterSearch).toString()}`;
}
