import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names; falsy values are dropped. It does NOT resolve conflicting utilities
 * ("hidden" + a component's "inline-flex"): which one wins depends on Tailwind's CSS order,
 * so components take props (variant, size) for what callers may change.
 */
export function cn(...values: ClassValue[]): string {
  return clsx(values);
}
