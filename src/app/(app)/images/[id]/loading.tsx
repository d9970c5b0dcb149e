import { getTranslations } from "next-intl/server";
import { PageContainer } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export default async function Loading() {
  const t = await getTranslations("image.page");
  return (
    <PageContainer>
      <div aria-busy="true" aria-label={t("loading")} className="flex flex-col gap-4">
        <Skeleton className="h-6 w-32" />
        <div className="rounded-card border-line bg-surface shadow-card overflow-hidden border lg:grid lg:grid-cols-[minmax(0,1fr)_25rem]">
          <Skeleton className="h-[60svh] lg:h-[min(80vh,50rem)]" radius="md" />
          <div className="flex flex-col gap-4 p-6">
            <Skeleton className="h-5 w-24" />
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-4/5" />
            <div className="flex gap-2">
              <Skeleton className="h-10 w-28" radius="xl" />
              <Skeleton className="h-10 w-32" radius="xl" />
            </div>
            <Skeleton className="mt-4 h-11 w-full" radius="xl" />
            <Skeleton className="h-16 w-full" radius="xl" />
          </div>
        </div>
      </div>
    </PageContainer>
  );
}
