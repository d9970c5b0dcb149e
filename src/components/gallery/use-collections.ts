"use client";

import { useEffect } from "react";
import { create } from "zustand";
import { apiFetch } from "@/lib/api-client";
import type { Collection } from "@/shared/api-types";
import type { CollectionInput } from "@/shared/schemas/gallery";

interface CollectionsState {
  collections: Collection[] | null;
  status: "idle" | "loading" | "ready" | "error";
  load: (options?: { force?: boolean }) => Promise<void>;
  create: (input: CollectionInput) => Promise<Collection>;
  /** Bumps the counts after images were added (the server is the truth on the next load). */
  noteAdded: (collectionId: string, count: number) => void;
}

/** The user's collections, shared by the filter, the bulk bar and the detail view. */
export const useCollectionsStore = create<CollectionsState>()((set, get) => ({
  collections: null,
  status: "idle",
  async load({ force = false } = {}) {
    if (get().status === "loading" || (get().status === "ready" && !force)) return;
    set({ status: "loading" });
    try {
      const collections = await apiFetch<Collection[]>("/api/v1/gallery/collections");
      set({ collections, status: "ready" });
    } catch {
      set({ status: "error" });
    }
  },
  async create(input) {
    const collection = await apiFetch<Collection>("/api/v1/gallery/collections", {
      method: "POST",
      json: input,
    });
    set((state) => ({ collections: [collection, ...(state.collections ?? [])] }));
    return collection;
  },
  noteAdded(collectionId, count) {
    set((state) => ({
      collections:
        state.collections?.map((collection) =>
          collection.id === collectionId
            ? { ...collection, imageCount: collection.imageCount + count }
            : collection,
        ) ?? null,
    }));
  },
}));

/** Loads the collections once when first used. */
export function useCollections() {
  const collections = useCollectionsStore((state) => state.collections);
  const status = useCollectionsStore((state) => state.status);
  const load = useCollectionsStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  return { collections, status, reload: () => load({ force: true }) };
}
