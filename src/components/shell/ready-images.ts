"use client";

import { create } from "zustand";
import type { Image } from "@/shared/api-types";

/** Images made from queued prompts, waiting to be shown to the user (newest last). */
interface ReadyImagesState {
  images: Image[];
}

export const useReadyImages = create<ReadyImagesState>()(() => ({ images: [] }));

const MAX_SHOWN = 3;

export function addReadyImages(images: readonly Image[]): void {
  if (images.length === 0) return;
  useReadyImages.setState((state) => {
    const known = new Set(state.images.map((image) => image.id));
    return {
      images: [...state.images, ...images.filter((image) => !known.has(image.id))].slice(
        -MAX_SHOWN,
      ),
    };
  });
}

export function dismissReadyImage(id: string): void {
  useReadyImages.setState((state) => ({
    images: state.images.filter((image) => image.id !== id),
  }));
}
