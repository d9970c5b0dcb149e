import { Suspense, type ReactNode } from "react";

/**
 * Hydrates a page's view after the frame around it, in short slices the browser can interleave
 * with input and paint, instead of inside the one long task that hydrates the whole document.
 *
 * React hydrates the document synchronously, but a Suspense boundary that the server rendered
 * complete is left for later and hydrated at a low priority, a few milliseconds of work at a
 * time. Its HTML is the server's all along, so nothing moves or blinks; a click on it before
 * then hydrates it at once and is replayed.
 *
 * Use it around client views whose data the server component has already awaited: nothing
 * inside may suspend on the server, or the boundary would be streamed and shown later by a
 * script (a later first paint). The `fallback` is therefore never shown.
 */
export function HydrateInSlices({ children }: { children: ReactNode }) {
  return <Suspense>{children}</Suspense>;
}
