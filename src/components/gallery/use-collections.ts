"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useApiQuery } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import { apiFetch } from "@/lib/api/request";
import type { Collection } from "@/shared/api-types";
import type { CollectionInput } from "@/shared/schemas/gallery";
import {
  COLLECTIONS_PATH,
  rememberCollection,
} from "@/components/collections/use-collection-mutations";

/** The user's collections, shared (one cache entry) by the filter, the bulk bar and the detail view. */
export function useCollections() {
  const query = useApiQuery<Collection[]>(queryKeys.collections, COLLECTIONS_PATH);
  const status = query.isError ? "error" : query.isPending ? "loading" : "ready";
  return {
    collections: query.data ?? null,
    status,
    reload: () => query.refetch(),
  } as const;
}

interface CollectionActions {
  create: (input: CollectionInput) => Promise<Collection>;
  /** Bumps the counts after images were added (the server is the truth on the next load). */
  noteAdded: (collectionId: string, count: number) => void;
}

/** Changes to the cached list of collections; callers show their own errors. */
export function useCollectionActions(): CollectionActions {
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      async create(input) {
        const collection = await apiFetch<Collection>(COLLECTIONS_PATH, {
          method: "POST",
          json: input,
        });
        rememberCollection(queryClient, collection);
        return collection;
      },
      noteAdded(collectionId, count) {
        queryClient.setQueryData<Collection[]>(queryKeys.collections, (list) =>
          list?.map((collection) =>
            collection.id === collectionId
              ? { ...collection, imageCount: collection.imageCount + count }
              : collection,
          ),
        );
      },
    }),
    [queryClient],
  );
}
