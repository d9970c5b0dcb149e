"use client";

import type { ReactNode } from "react";
import { useStuck } from "@/components/ui/use-stuck";
import { cn } from "@/lib/cn";

/**
 * The phone's top bar, pinned while the page scrolls: frosted only once the page has scrolled
 * and content passes beneath it (a backdrop filter is redrawn every frame, see useStuck).
 */
export function TopBar({ children }: { children: ReactNode }) {
  const [ref, stuck] = useStuck<HTMLElement>();
  return (
    <header
      ref={ref}
      className={cn(
        "border-line bg-canvas/80 sticky top-0 z-30 border-b pt-[env(safe-area-inset-top)] lg:hidden",
        stuck && "backdrop-blur-xl",
      )}
      data-testid="top-bar"
      data-stuck={stuck ? "true" : undefined}
    >
      {children}
    </header>
  );
}
