import { Skeleton } from "@/components/ui/skeleton";
import { GalleryGridSkeleton } from "./gallery-states";

/** The gallery's frame while its code and first page load. */
export function GalleryPageSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading your gallery" className="flex flex-col">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="flex flex-col gap-3">
          <Skeleton className="h-3 w-16" />
          <Skeleton className="h-9 w-52" />
          <Skeleton className="h-4 w-72 max-w-full" />
        </div>
        <div className="flex gap-2">
          <Skeleton className="h-11 w-24" radius="xl" />
          <Skeleton className="h-11 w-32" radius="xl" />
        </div>
      </div>
      <div className="mt-6 flex gap-2 py-3">
        <Skeleton className="h-11 flex-1" radius="xl" />
        <Skeleton className="h-11 w-28" radius="xl" />
      </div>
      <div className="mt-2">
        <GalleryGridSkeleton />
      </div>
    </div>
  );
}
