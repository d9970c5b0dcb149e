"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/** False while rendering on the server and hydrating, true after: for values only the browser knows. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
