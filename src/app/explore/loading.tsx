import { ExplorePageSkeleton } from "@/components/explore/explore-skeleton";

export default function Loading() {
  return (
    <div className="mx-auto w-full max-w-6xl px-4 pt-6 pb-16 sm:px-6 lg:pt-10">
      <ExplorePageSkeleton />
      <span className="sr-only">Loading Explore</span>
    </div>
  );
}
