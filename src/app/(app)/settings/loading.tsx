import { SettingsSkeleton } from "@/components/settings/settings-skeleton";
import { PageContainer } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageContainer>
      <div className="flex flex-col gap-3">
        <Skeleton className="h-3 w-20" />
        <Skeleton className="h-10 w-44" />
        <Skeleton className="h-4 w-full max-w-md" />
      </div>
      <div className="mt-8 max-w-3xl">
        <SettingsSkeleton />
      </div>
    </PageContainer>
  );
}
