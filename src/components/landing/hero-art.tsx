import { Heart, Sparkles } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { ArtTile } from "@/components/brand/art-tile";

/** The hero's collage of "generated" images with a live prompt card. Decorative. */
export async function HeroArt() {
  const t = await getTranslations("landing.hero");
  return (
    <div aria-hidden="true" className="relative mx-auto w-full max-w-[34rem]">
      <div className="bg-prism absolute inset-8 -z-10 rounded-full opacity-30 blur-3xl dark:opacity-25" />
      <div className="grid grid-cols-6 gap-3 sm:gap-4">
        <ArtTile scene="dusk" className="col-span-4 aspect-[4/3]" />
        <div className="col-span-2 flex flex-col gap-3 sm:gap-4">
          <ArtTile scene="nebula" className="aspect-square" />
          <ArtTile scene="bloom" className="flex-1" />
        </div>
        <ArtTile scene="forest" className="col-span-2 aspect-[3/4]" />
        <ArtTile scene="glass" className="col-span-2 aspect-[3/4]" />
        <ArtTile scene="dune" className="col-span-2 aspect-[3/4]" />
      </div>

      <div className="border-line bg-surface/90 shadow-pop absolute -bottom-6 left-1/2 w-[88%] -translate-x-1/2 rounded-2xl border p-3.5 backdrop-blur-xl sm:-right-6 sm:-bottom-8 sm:left-auto sm:w-80 sm:translate-x-0">
        <div className="flex items-start gap-3">
          <span className="bg-prism flex size-9 shrink-0 items-center justify-center rounded-xl text-white">
            <Sparkles className="size-4" />
          </span>
          <div className="min-w-0 flex-1">
            <p className="text-ink truncate text-sm font-medium">{t("artPrompt")}</p>
            <div className="mt-2 flex items-center gap-2">
              <div className="bg-surface-sunken h-1.5 flex-1 overflow-hidden rounded-full">
                <div className="bg-prism h-full w-3/4 rounded-full" />
              </div>
              <span className="text-ink-muted text-xs tabular-nums">75%</span>
            </div>
          </div>
        </div>
      </div>

      <div className="border-line bg-surface/90 text-ink shadow-card absolute top-4 -left-3 hidden items-center gap-1.5 rounded-full border px-3 py-1.5 text-xs font-semibold backdrop-blur sm:flex">
        <Heart className="fill-accent text-accent size-3.5" />
        {t("artSaved")}
      </div>
    </div>
  );
}
