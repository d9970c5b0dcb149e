/**
 * The keys of the client cache, shared by the hooks and the server pages that fill the cache
 * before the first paint (so both name the same answer the same way).
 */
export const queryKeys = {
  profile: ["profile"] as const,
  settings: ["settings"] as const,
  apiKeys: ["api-keys"] as const,
  /** The gallery's style names (GET /templates trimmed to TemplateName). */
  templateNames: ["templates", "names"] as const,
  templateCatalog: ["templates", "catalog"] as const,
  collections: ["collections"] as const,
  collection: (id: string) => ["collections", id] as const,
  collectionImages: (id: string) => ["collections", id, "images"] as const,
  /** The gallery's list for one filter string (GET /images' query without paging). */
  images: (filterSearch: string) => ["images", "list", filterSearch] as const,
  imageLists: ["images", "list"] as const,
  image: (id: string) => ["images", "one", id] as const,
  lineage: (id: string) => ["images", "lineage", id] as const,
  publicImages: (search: string) => ["public-images", search] as const,
  sharedCollectionImages: (shareId: string) => ["shared-collection", shareId] as const,
  /** GET /account/exports (the estimate and the latest exports), and one export. */
  accountExports: ["account-exports"] as const,
  accountExport: (id: string) => ["account-exports", id] as const,
  /** GET /retention: the caller's private images the retention policy will remove. */
  retention: ["retention"] as const,
};
