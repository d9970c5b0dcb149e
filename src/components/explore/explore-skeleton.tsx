import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import { TILE_GRID_CLASSES } from "@/components/share/public-image-tile";

/** Placeholder tiles while the public gallery loads. */
export function ExploreGridSkeleton({ count = 8 }: { count?: number }) {
  const t = useTranslations("explore");
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label={t("loadingLabel")}
      className={TILE_GRID_CLASSES}
    >
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
