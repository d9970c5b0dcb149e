"use client";

import { History } from "lucide-react";
import { PlainImage } from "@/components/ui/plain-image";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import type { SessionResult } from "./generation-store";

interface RecentResultsProps {
  results: SessionResult[];
  activeId: string | null;
  onSelect: (id: string) => void;
}

/** This session's images as a strip of thumbnails; choosing one shows it above. */
export function RecentResults({ results, activeId, onSelect }: RecentResultsProps) {
  const t = useTranslations("results.recent");
  if (results.length === 0) return null;
  return (
    <section
      aria-labelledby="recent-results-title"
      className="flex flex-col gap-2.5"
      data-testid="recent-results"
    >
      <div className="flex items-center justify-between gap-3">
        <h2
          id="recent-results-title"
          className="text-ink flex items-center gap-2 text-sm font-semibold"
        >
          <History aria-hidden="true" className="text-ink-muted size-4" />
          {t("title")}
          <span className="text-ink-subtle font-normal tabular-nums">{results.length}</span>
        </h2>
        <Link href="/gallery" className="text-primary text-sm font-semibold hover:underline">
          {t("openGallery")}
        </Link>
      </div>
      <ul className="-mx-1 flex gap-2 overflow-x-auto px-1 pt-1 pb-2">
        {results.map((result) => {
          const active = result.image.id === activeId;
          return (
            <li key={result.image.id} className="shrink-0">
              <button
                type="button"
                onClick={() => onSelect(result.image.id)}
                aria-pressed={active}
                aria-label={t("show", { prompt: result.image.prompt })}
                className={cn(
                  "block size-16 overflow-hidden rounded-xl border-2 transition-[border-color,opacity] sm:size-18",
                  active ? "border-primary" : "border-transparent opacity-80 hover:opacity-100",
                )}
              >
                <PlainImage
                  src={result.image.urls.thumbnails["150"] ?? result.image.urls.original}
                  alt=""
                  width={72}
                  height={72}
                  className="size-full object-cover"
                />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
