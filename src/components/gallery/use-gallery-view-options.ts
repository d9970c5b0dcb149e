"use client";

import { useCallback, useSyncExternalStore } from "react";
import {
  GALLERY_LAYOUTS,
  GALLERY_TILE_SIZES,
  type GalleryLayoutKind,
  type GalleryTileSize,
} from "./gallery-layout";

/**
 * How the gallery is shown (layout and tile size): a preference of this browser, kept in
 * localStorage, not in the URL (the URL holds what is shown, these only how).
 */
export interface GalleryViewOptions {
  layout: GalleryLayoutKind;
  size: GalleryTileSize;
}

const STORAGE_KEY = "ais:gallery-view";
const DEFAULTS: GalleryViewOptions = { layout: "justified", size: "medium" };
const listeners = new Set<() => void>();
let cached: { raw: string | null; options: GalleryViewOptions } | null = null;
/** Where the choice lives for this page when storage is refused (private mode, policy). */
let unstored: string | null = null;

function parse(raw: string | null): GalleryViewOptions {
  try {
    const value = raw ? (JSON.parse(raw) as Partial<Record<string, unknown>>) : {};
    return {
      layout: GALLERY_LAYOUTS.find((layout) => layout === value.layout) ?? DEFAULTS.layout,
      size: GALLERY_TILE_SIZES.find((size) => size === value.size) ?? DEFAULTS.size,
    };
  } catch {
    return DEFAULTS;
  }
}

function read(): GalleryViewOptions {
  let raw = unstored;
  try {
    raw = window.localStorage.getItem(STORAGE_KEY) ?? unstored;
  } catch {
    // Storage refused: the choice lasts as long as the page.
  }
  if (!cached || cached.raw !== raw) cached = { raw, options: parse(raw) };
  return cached.options;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useGalleryViewOptions() {
  const options = useSyncExternalStore(subscribe, read, () => DEFAULTS);
  const setOptions = useCallback((changes: Partial<GalleryViewOptions>) => {
    const raw = JSON.stringify({ ...read(), ...changes });
    unstored = raw;
    try {
      window.localStorage.setItem(STORAGE_KEY, raw);
    } catch {
      // Kept in `unstored` for this page.
    }
    for (const listener of listeners) listener();
  }, []);
  return [options, setOptions] as const;
}
