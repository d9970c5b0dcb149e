"use client";

import { useEffect, useState } from "react";

/** `value`, once it has stopped changing for `delayMs`; the setter applies a value at once. */
export function useDebouncedValue<T>(value: T, delayMs: number): [T, (value: T) => void] {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return [debounced, setDebounced];
}
