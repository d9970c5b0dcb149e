import type { HTMLAttributes } from "react";
import { cn } from "@/lib/cn";

const radiusClasses = {
  md: "rounded-md",
  lg: "rounded-lg",
  xl: "rounded-xl",
  "2xl": "rounded-2xl",
  card: "rounded-card",
  full: "rounded-full",
} as const;

interface SkeletonProps extends HTMLAttributes<HTMLDivElement> {
  radius?: keyof typeof radiusClasses;
}

/**
 * A placeholder block; wrap a group of them in an element with aria-busy and a label. The sheen
 * is a child that slides (a transform the compositor animates), clipped by the block.
 */
export function Skeleton({ className, radius = "lg", ...props }: SkeletonProps) {
  return (
    <div
      aria-hidden="true"
      className={cn("bg-surface-raised relative overflow-hidden", radiusClasses[radius], className)}
      {...props}
    >
      <span className="skeleton-shimmer motion-safe:animate-shimmer absolute inset-0" />
    </div>
  );
}
