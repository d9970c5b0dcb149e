"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Whether a `position: sticky` element is pinned at its `top` with the page scrolled, so
 * content is passing beneath it. Measured once per frame while the window scrolls or resizes.
 *
 * Bars use it to turn on their frosted backdrop (`backdrop-filter`) only then: a backdrop
 * filter is redrawn on every frame it is on screen, which on a phone or a browser without GPU
 * compositing costs hundreds of milliseconds of the first paint (bench/offline), for a bar
 * that has nothing under it until the person scrolls.
 */
export function useStuck<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [stuck, setStuck] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const top = Number.parseFloat(getComputedStyle(element).top) || 0;
      setStuck(window.scrollY > 0 && element.getBoundingClientRect().top <= top + 0.5);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    schedule();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    return () => {
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, []);
  return [ref, stuck] as const;
}
