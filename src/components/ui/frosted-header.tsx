"use client";

import type { ReactNode } from "react";
import { useStuck } from "@/components/ui/use-stuck";
import { cn } from "@/lib/cn";

/**
 * A header pinned while the page scrolls (`className` makes it sticky), frosted only once the
 * page has scrolled and content passes beneath it: a backdrop filter is redrawn every frame,
 * and at the top of the page it would blur nothing but the page's background (see useStuck).
 */
export function FrostedHeader({
  className,
  children,
  testId,
}: {
  className: string;
  children: ReactNode;
  testId: string;
}) {
  const [ref, stuck] = useStuck<HTMLElement>();
  return (
    <header
      ref={ref}
      className={cn(className, stuck && "backdrop-blur-xl")}
      data-testid={testId}
      data-stuck={stuck ? "true" : undefined}
    >
      {children}
    </header>
  );
}
