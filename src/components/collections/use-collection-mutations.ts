"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useApiMutation } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import { apiFetch } from "@/lib/api/request";
import type { Collection } from "@/shared/api-types";
import type { CollectionInput, CollectionPatch } from "@/shared/schemas/gallery";

export const COLLECTIONS_PATH = "/api/v1/gallery/collections";

export const collectionImagesPath = (id: string, limit: number) =>
  `${COLLECTIONS_PATH}/${id}/images?limit=${limit}`;

/** The cached list of collections after `collection` was created or changed. */
export function rememberCollection(queryClient: QueryClient, collection: Collection): void {
  queryClient.setQueryData<Collection[]>(queryKeys.collections, (list) => {
    if (!list) return list;
    return list.some((item) => item.id === collection.id)
      ? list.map((item) => (item.id === collection.id ? collection : item))
      : [collection, ...list];
  });
}

/** POST /gallery/collections; the form shows a failure itself (field errors). */
export function useCreateCollection() {
  const queryClient = useQueryClient();
  return useApiMutation<Collection, CollectionInput>({
    mutationFn: (input) => apiFetch<Collection>(COLLECTIONS_PATH, { method: "POST", json: input }),
    onSuccess: (collection) => rememberCollection(queryClient, collection),
    errorToast: false,
  });
}

/** PATCH /gallery/collections/:id; callers say what failed (inline or with `errorToast`). */
export function useUpdateCollection(id: string, errorToast: string | false = false) {
  const queryClient = useQueryClient();
  return useApiMutation<Collection, CollectionPatch>({
    mutationFn: (patch) =>
      apiFetch<Collection>(`${COLLECTIONS_PATH}/${id}`, { method: "PATCH", json: patch }),
    onSuccess: (collection) => rememberCollection(queryClient, collection),
    errorToast,
  });
}

/** DELETE /gallery/collections/:id; the dialog shows a failure itself. */
export function useDeleteCollection() {
  const queryClient = useQueryClient();
  return useApiMutation<unknown, string>({
    mutationFn: (id) => apiFetch(`${COLLECTIONS_PATH}/${id}`, { method: "DELETE" }),
    onSuccess: (_data, id) => {
      queryClient.setQueryData<Collection[]>(queryKeys.collections, (list) =>
        list?.filter((item) => item.id !== id),
      );
      queryClient.removeQueries({ queryKey: queryKeys.collection(id) });
    },
    errorToast: false,
  });
}

/** DELETE /gallery/collections/:id/images/:imageId (the image stays in the gallery); a failure is toasted titled `errorToast`. */
export function useRemoveFromCollection(id: string, errorToast: string) {
  return useApiMutation<unknown, string>({
    mutationFn: (imageId) =>
      apiFetch(`${COLLECTIONS_PATH}/${id}/images/${imageId}`, { method: "DELETE" }),
    errorToast,
  });
}
