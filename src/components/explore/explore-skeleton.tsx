import { Skeleton } from "@/components/ui/skeleton";
import { TILE_GRID_CLASSES } from "@/components/share/public-image-tile";

/** Placeholder tiles while the public gallery loads. */
export function ExploreGridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <div role="status" aria-busy="true" aria-label="Loading images" className={TILE_GRID_CLASSES}>
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="flex flex-col gap-2">
          <Skeleton radius="2xl" className="aspect-square w-full" />
          <Skeleton className="h-3.5 w-4/5" />
          <Skeleton className="h-3 w-1/2" />
        </div>
      ))}
    </div>
  );
}

/** The loading state of the whole Explore page. */
export function ExplorePageSkeleton() {
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <Skeleton className="h-3 w-24" />
        <Skeleton className="h-9 w-48 sm:h-10" />
        <Skeleton className="h-4 w-full max-w-xl" />
      </div>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Skeleton className="h-11 flex-1" radius="xl" />
        <Skeleton className="h-11 w-full sm:w-52" radius="full" />
      </div>
      <ExploreGridSkeleton />
    </div>
  );
}
