"use client";

import { useLayoutEffect, useRef, type ReactNode } from "react";

/**
 * The banners pinned under the top bar (offline, verify your email, retention). Their height,
 * kept current, is the page's `--sticky-banners`, so that a bar pinned lower on the page (the
 * gallery's toolbar) stops below them instead of sliding underneath.
 */
export function StickyBanners({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const root = document.documentElement;
    const publish = () => root.style.setProperty("--sticky-banners", `${element.offsetHeight}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty("--sticky-banners");
    };
  }, []);
  return (
    <div
      ref={ref}
      className="sticky top-[calc(3.5rem+env(safe-area-inset-top))] z-20 lg:top-0"
      data-testid="sticky-banners"
    >
      {children}
    </div>
  );
}
