import { useTranslations } from "next-intl";
import { PageContainer } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { TILE_GRID_CLASSES } from "@/components/share/public-image-tile";

export function CollectionSkeleton() {
  const t = useTranslations("collections.page");
  return (
    <PageContainer>
      <div role="status" aria-busy="true" aria-label={t("loading")} className="flex flex-col gap-8">
        <Skeleton className="h-4 w-28" />
        <div className="flex flex-col gap-6 lg:flex-row lg:justify-between">
          <div className="flex flex-1 flex-col gap-3">
            <Skeleton className="h-5 w-32" radius="full" />
            <Skeleton className="h-10 w-72 max-w-full" />
            <Skeleton className="h-4 w-full max-w-lg" />
          </div>
          <Skeleton radius="card" className="h-32 w-full lg:w-96" />
        </div>
        <div className={TILE_GRID_CLASSES}>
          {Array.from({ length: 8 }, (_, index) => (
            <Skeleton key={index} radius="2xl" className="aspect-square w-full" />
          ))}
        </div>
      </div>
    </PageContainer>
  );
}
