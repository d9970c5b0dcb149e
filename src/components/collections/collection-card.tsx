import { FolderOpen, Globe, Lock } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Collection } from "@/shared/api-types";

/** One collection in the list: its cover, name, size and visibility; opens the collection. */
export function CollectionCard({
  collection,
  eager = false,
}: {
  collection: Collection;
  eager?: boolean;
}) {
  const t = useTranslations("collections");
  return (
    <li data-testid="collection-card">
      <Link
        href={`/collections/${collection.id}`}
        className="group rounded-card border-line bg-surface shadow-card hover:border-primary/40 hover:shadow-pop flex h-full flex-col overflow-hidden border transition-[border-color,box-shadow]"
      >
        <div className="bg-surface-sunken relative aspect-[4/3] overflow-hidden">
          {collection.coverUrl ? (
            <picture className="contents">
              <img
                src={collection.coverUrl}
                alt=""
                loading={eager ? "eager" : "lazy"}
                decoding="async"
                className="size-full object-cover transition-transform duration-300 group-hover:scale-[1.03]"
              />
            </picture>
          ) : (
            <div className="text-ink-subtle flex size-full flex-col items-center justify-center gap-2 bg-[radial-gradient(circle_at_30%_20%,var(--glow),transparent_60%)]">
              <FolderOpen aria-hidden="true" className="size-8" strokeWidth={1.5} />
              <span className="text-xs font-medium">{t("card.empty")}</span>
            </div>
          )}
          {collection.isPublic ? (
            <Badge variant="primary" className="absolute top-2.5 left-2.5 shadow-sm">
              <Globe aria-hidden="true" />
              {t("card.public")}
            </Badge>
          ) : null}
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-1 p-3.5 sm:p-4">
          <h2 className="font-display text-ink line-clamp-2 text-base font-semibold tracking-tight break-words">
            {collection.name}
          </h2>
          <p className="text-ink-muted flex flex-wrap items-center gap-x-3 gap-y-0.5 text-sm">
            <span className="whitespace-nowrap">
              {t("imageCount", { count: collection.imageCount })}
            </span>
            {collection.isPublic ? null : (
              <span className="inline-flex items-center gap-1 whitespace-nowrap">
                <Lock aria-hidden="true" className="size-3.5" />
                {t("card.private")}
              </span>
            )}
          </p>
        </div>
      </Link>
    </li>
  );
}
