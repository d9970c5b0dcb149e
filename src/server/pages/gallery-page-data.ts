import "server-only";
import type { DehydratedState } from "@tanstack/react-query";
import { galleryFiltersToSearch, readGalleryFilters } from "@/components/gallery/gallery-filters";
import { galleryListParams } from "@/lib/api/gallery-query";
import { toCursorPage } from "@/lib/api/pages";
import { queryKeys } from "@/lib/api/query-keys";
import { toTemplateNames } from "@/lib/api/template-names";
import { imageListQuerySchema } from "@/shared/schemas/gallery";
import { getCurrentIdentity } from "@/server/auth/current-user";
import { getServices } from "@/server/services";
import { firstPage, orNull, queryState } from "./query-state";

export type PageSearchParams = Record<string, string | string[] | undefined>;

function toSearchParams(params: PageSearchParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) search.set(key, first);
  }
  return search;
}

/**
 * /gallery's first data, read through the services as GET /images, /templates and
 * /gallery/collections answer it: the first page for the URL's filters (the same filter string
 * the client builds), the style templates' names (not their prompts) and the collections.
 */
export async function loadGalleryPageState(params: PageSearchParams): Promise<DehydratedState> {
  const identity = await getCurrentIdentity();
  if (!identity) return queryState([]);
  const services = await getServices();
  const filterSearch = galleryFiltersToSearch(readGalleryFilters(toSearchParams(params)));
  const query = imageListQuerySchema.safeParse(Object.fromEntries(galleryListParams(filterSearch)));
  const [page, templates, collections] = await Promise.all([
    query.success
      ? orNull(services.gallery.listOwnImages({ userId: identity.userId, query: query.data }))
      : null,
    orNull(services.templates.listTemplates({})),
    orNull(services.gallery.listCollections({ userId: identity.userId })),
  ]);
  return queryState([
    page
      ? [queryKeys.images(filterSearch), firstPage(toCursorPage(page), { source: "network" })]
      : null,
    templates ? [queryKeys.templateNames, toTemplateNames(templates)] : null,
    collections ? [queryKeys.collections, collections] : null,
  ]);
}
