"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** The page's origin on the client; "" while rendering on the server and hydrating. */
export function useSiteOrigin(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
}

export function absoluteUrl(pathOrUrl: string, origin: string): string {
  return origin ? new URL(pathOrUrl, origin).toString() : pathOrUrl;
}
