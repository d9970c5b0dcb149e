import { FilterX, RotateCw, TriangleAlert, WandSparkles, WifiOff } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

// Only a new gallery shows it, so it is its own chunk, drawn in the browser: a chunk the
// server renders is announced by a preload without the page's nonce, which the CSP refuses.
// The placeholder keeps its box, so nothing moves when it arrives.
const GalleryIllustration = dynamic(
  () =>
    import("@/components/placeholders/illustrations").then((module) => module.GalleryIllustration),
  { ssr: false, loading: () => <div className="aspect-[240/170] w-full" /> },
);

/** No images at all: the way forward is to make one. */
export function GalleryEmpty() {
  return (
    <div data-testid="gallery-empty">
      <EmptyState
        illustration={<GalleryIllustration />}
        title="Your gallery is waiting for its first image"
        description="Everything you generate lands here, newest first — private unless you share it, searchable by prompt and tag."
        action={
          <Button asChild>
            <Link href="/generate">
              <WandSparkles aria-hidden="true" />
              Generate an image
            </Link>
          </Button>
        }
      />
    </div>
  );
}

/** Filters that match nothing. */
export function GalleryNoResults({ onClearFilters }: { onClearFilters: () => void }) {
  return (
    <div data-testid="gallery-no-results">
      <EmptyState
        title="No images match"
        description="Try other words, or loosen a filter — search looks at prompts and tags."
        action={
          <Button variant="secondary" onClick={onClearFilters}>
            <FilterX aria-hidden="true" />
            Clear filters
          </Button>
        }
      />
    </div>
  );
}

/** The first page failed. */
export function GalleryError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div
      role="alert"
      data-testid="gallery-error"
      className="rounded-card border-line bg-surface shadow-card flex flex-col items-center gap-3 border px-6 py-10 text-center"
    >
      <span className="bg-danger-soft text-danger flex size-12 items-center justify-center rounded-2xl">
        <TriangleAlert aria-hidden="true" className="size-6" />
      </span>
      <h2 className="font-display text-ink text-lg font-semibold tracking-tight">
        Your gallery didn&apos;t load
      </h2>
      <p className="text-ink-muted max-w-md text-sm">{message}</p>
      <Button onClick={onRetry} className="mt-1">
        <RotateCw aria-hidden="true" />
        Try again
      </Button>
    </div>
  );
}

/** A screenful of tiles while the first page loads (the same columns as the grid). */
export function GalleryGridSkeleton() {
  return (
    <div
      aria-busy="true"
      aria-label="Loading your images"
      role="status"
      data-testid="gallery-loading"
      className="grid grid-cols-2 gap-2 min-[600px]:grid-cols-4 min-[600px]:gap-3 xl:grid-cols-6"
    >
      {Array.from({ length: 18 }, (_, index) => (
        <Skeleton key={index} radius="xl" className="aspect-square sm:rounded-2xl" />
      ))}
    </div>
  );
}

/** Above the grid while it shows the device's copy instead of the studio's answer. */
export function GalleryOfflineNotice({ onRetry }: { onRetry: () => void }) {
  return (
    <div
      role="status"
      data-testid="gallery-offline"
      className="border-warning/30 bg-warning-soft text-ink mb-4 flex flex-wrap items-center gap-3 rounded-2xl border px-4 py-3 text-sm"
    >
      <WifiOff aria-hidden="true" className="text-warning size-5 shrink-0" />
      <p className="min-w-0 flex-1">
        <span className="font-semibold">
          You&rsquo;re offline — showing images saved on this device.
        </span>{" "}
        <span className="text-ink-muted">New and changed images appear when you reconnect.</span>
      </p>
      <Button variant="secondary" size="sm" onClick={onRetry}>
        <RotateCw aria-hidden="true" />
        Try again
      </Button>
    </div>
  );
}
