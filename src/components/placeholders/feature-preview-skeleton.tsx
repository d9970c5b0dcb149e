import { PageContainer } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";

/** The loading state of a page built with FeaturePreview (or a grid page like it). */
export function FeaturePreviewSkeleton({ label }: { label: string }) {
  return (
    <PageContainer>
      <div role="status" aria-busy="true" aria-label={label} className="flex flex-col gap-8">
        <div className="flex flex-col gap-3">
          <Skeleton className="h-3 w-24" />
          <Skeleton className="h-9 w-56 sm:h-10" />
          <Skeleton className="h-4 w-full max-w-xl" />
          <Skeleton className="h-4 w-2/3 max-w-md" />
        </div>
        <Skeleton radius="card" className="h-80 w-full" />
        <div className="grid gap-3 sm:grid-cols-3">
          <Skeleton radius="2xl" className="h-24" />
          <Skeleton radius="2xl" className="h-24" />
          <Skeleton radius="2xl" className="h-24" />
        </div>
        <span className="sr-only">{label}</span>
      </div>
    </PageContainer>
  );
}
