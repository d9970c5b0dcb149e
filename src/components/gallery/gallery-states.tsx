import { FilterX, RotateCw, TriangleAlert, WandSparkles, WifiOff } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

// Only a new gallery shows it, so it is its own chunk, drawn in the browser: a chunk the
// server renders is announced by a preload without the page's nonce, which the CSP refuses.
// The placeholder keeps its box, so nothing moves when it arrives.
const GalleryIllustration = dynamic(
  () =>
    import("@/components/placeholders/illustrations").then((module) => module.GalleryIllustration),
  { ssr: false, loading: () => <div className="aspect-[240/170] w-full" /> },
);

/** No images at all: the way forward is to make one. */
export function GalleryEmpty() {
  const t = useTranslations("gallery.states");
  return (
    <div data-testid="gallery-empty">
      <EmptyState
        illustration={<GalleryIllustration />}
        title={t("emptyTitle")}
        description={t("emptyDescription")}
        action={
          <Button asChild>
            <Link href="/generate">
              <WandSparkles aria-hidden="true" />
              {t("emptyAction")}
            </Link>
          </Button>
        }
      />
    </div>
  );
}

/** Filters that match nothing. */
export function GalleryNoResults({ onClearFilters }: { onClearFilters: () => void }) {
  const t = useTranslations("gallery.states");
  return (
    <div data-testid="gallery-no-results">
      <EmptyState
        title={t("noResultsTitle")}
        description={t("noResultsDescription")}
        action={
          <Button variant="secondary" onClick={onClearFilters}>
            <FilterX aria-hidden="true" />
            {t("clearFilters")}
          </Button>
        }
      />
    </div>
  );
}

/** The first page failed. */
export function GalleryError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useTranslations("gallery.states");
  return (
    <div
      role="alert"
      data-testid="gallery-error"
      className="rounded-card border-line bg-surface shadow-card flex flex-col items-center gap-3 border px-6 py-10 text-center"
    >
      <span className="bg-danger-soft text-danger flex size-12 items-center justify-center rounded-2xl">
        <TriangleAlert aria-hidden="true" className="size-6" />
      </span>
      <h2 className="font-display text-ink text-lg font-semibold tracking-tight">
        {t("errorTitle")}
      </h2>
      <p className="text-ink-muted max-w-md text-sm">{message}</p>
      <Button onClick={onRetry} className="mt-1">
        <RotateCw aria-hidden="true" />
        {t("tryAgain")}
      </Button>
    </div>
  );
}

/** A screenful of tiles while the first page loads (the same columns as the grid). */
export function GalleryGridSkeleton() {
  const t = useTranslations("gallery.states");
  return (
    <div
      aria-busy="true"
      aria-label={t("loading")}
      role="status"
      data-testid="gallery-loading"
      className="grid grid-cols-2 gap-2 min-[600px]:grid-cols-4 min-[600px]:gap-3 xl:grid-cols-6"
    >
      {Array.from({ length: 18 }, (_, index) => (
        <Skeleton key={index} radius="xl" className="aspect-square sm:rounded-2xl" />
      ))}
    </div>
  );
}

/** Above the grid while it shows the device's copy instead of the studio's answer. */
export function GalleryOfflineNotice({ onRetry }: { onRetry: () => void }) {
  const t = useTranslations("gallery.states");
  return (
    <div
      role="status"
      data-testid="gallery-offline"
      className="border-warning/30 bg-warning-soft text-ink mb-4 flex flex-wrap items-center gap-3 rounded-2xl border px-4 py-3 text-sm"
    >
      <WifiOff aria-hidden="true" className="text-warning size-5 shrink-0" />
      <p className="min-w-0 flex-1">
        <span className="font-semibold">{t("offline")}</span>{" "}
        <span className="text-ink-muted">{t("offlineDetail")}</span>
      </p>
      <Button variant="secondary" size="sm" onClick={onRetry}>
        <RotateCw aria-hidden="true" />
        {t("tryAgain")}
      </Button>
    </div>
  );
}
