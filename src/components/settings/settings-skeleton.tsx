import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

export function SectionSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <Card aria-hidden="true">
      <div className="flex items-start gap-4 p-5 sm:p-6">
        <Skeleton radius="xl" className="size-10" />
        <div className="flex flex-1 flex-col gap-2 pt-1">
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-4 w-full max-w-sm" />
        </div>
      </div>
      <div className="border-line flex flex-col gap-5 border-t px-5 py-6 sm:px-6">
        {Array.from({ length: rows }, (_, index) => (
          <div key={index} className="flex items-center justify-between gap-6">
            <div className="flex flex-1 flex-col gap-2">
              <Skeleton className="h-4 w-44" />
              <Skeleton className="h-3.5 w-full max-w-xs" />
            </div>
            <Skeleton radius="full" className="h-9 w-24" />
          </div>
        ))}
      </div>
    </Card>
  );
}

/** Stand-in for the data-backed settings sections while the profile loads. */
export function SettingsSkeleton() {
  const t = useTranslations("settings.view");
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label={t("loading")}
      className="flex flex-col gap-6"
      data-testid="settings-loading"
    >
      <SectionSkeleton rows={2} />
      <SectionSkeleton rows={4} />
      <span className="sr-only">{t("loading")}</span>
    </div>
  );
}
