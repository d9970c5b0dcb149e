import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** The composer and result area while the profile (defaults and quota) loads. */
export function GenerateSkeleton() {
  const t = useTranslations("generate");
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label={t("loading")}
      className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.05fr)] lg:items-start"
      data-testid="generate-loading"
    >
      <Card className="flex flex-col gap-6 p-5 sm:p-6">
        <div className="flex flex-col gap-2">
          <Skeleton className="h-4 w-20" />
          <Skeleton radius="xl" className="h-32 w-full" />
        </div>
        <Skeleton radius="2xl" className="h-16 w-full" />
        <div className="flex gap-3 overflow-hidden">
          {Array.from({ length: 5 }, (_, index) => (
            <Skeleton key={index} radius="2xl" className="size-26 shrink-0 sm:size-28" />
          ))}
        </div>
        <div className="grid grid-cols-5 gap-2">
          {Array.from({ length: 5 }, (_, index) => (
            <Skeleton key={index} radius="xl" className="h-16" />
          ))}
        </div>
        <Skeleton radius="xl" className="h-12 w-full sm:w-44" />
      </Card>
      <Skeleton radius="card" className="aspect-square w-full" />
      <span className="sr-only">{t("loading")}</span>
    </div>
  );
}
