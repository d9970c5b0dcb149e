import { GenerateSkeleton } from "@/components/generate/generate-skeleton";
import { PageContainer } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageContainer>
      <div className="flex flex-col gap-8">
        <div className="flex flex-col gap-3" aria-hidden="true">
          <Skeleton className="h-3 w-20" />
          <Skeleton className="h-9 w-48 sm:h-10" />
          <Skeleton className="h-4 w-full max-w-md" />
        </div>
        <GenerateSkeleton />
      </div>
    </PageContainer>
  );
}
