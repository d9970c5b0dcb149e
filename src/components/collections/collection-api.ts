import { apiFetch } from "@/lib/api-client";
import type { Collection } from "@/shared/api-types";
import type { CollectionInput, CollectionPatch } from "@/shared/schemas/gallery";

const BASE = "/api/v1/gallery/collections";

export const createCollection = (input: CollectionInput) =>
  apiFetch<Collection>(BASE, { method: "POST", json: input });

export const getCollection = (id: string) => apiFetch<Collection>(`${BASE}/${id}`);

export const updateCollection = (id: string, patch: CollectionPatch) =>
  apiFetch<Collection>(`${BASE}/${id}`, { method: "PATCH", json: patch });

export const deleteCollection = (id: string) =>
  apiFetch<{ deleted: true }>(`${BASE}/${id}`, { method: "DELETE" });

export const removeImageFromCollection = (id: string, imageId: string) =>
  apiFetch<{ removed: true }>(`${BASE}/${id}/images/${imageId}`, { method: "DELETE" });

export const collectionImagesPath = (id: string, limit: number) =>
  `${BASE}/${id}/images?limit=${limit}`;

export function imageCountLabel(count: number): string {
  return `${count} ${count === 1 ? "image" : "images"}`;
}
