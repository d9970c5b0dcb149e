import { KeyRound, Sparkles, WifiOff } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { ArtTile } from "@/components/brand/art-tile";

/** The decorative half of the auth pages on wide screens. */
export async function AuthShowcase() {
  const t = await getTranslations("auth.showcase");
  return (
    <div className="relative flex h-full flex-col justify-between overflow-hidden bg-[#120d24] p-12 text-white">
      <div
        aria-hidden="true"
        className="absolute -top-40 -right-32 size-[34rem] rounded-full bg-[#6b3cf0] opacity-40 blur-[120px]"
      />
      <div
        aria-hidden="true"
        className="absolute -bottom-48 -left-24 size-[30rem] rounded-full bg-[#f0506e] opacity-25 blur-[120px]"
      />

      <div className="relative grid grid-cols-3 gap-4" aria-hidden="true">
        <ArtTile scene="dusk" className="col-span-2 aspect-[16/10]" />
        <ArtTile scene="nebula" className="aspect-[3/4] self-end" />
        <ArtTile scene="forest" className="aspect-square" />
        <ArtTile scene="glass" className="aspect-square" />
        <ArtTile scene="ocean" className="aspect-square" />
      </div>

      <div
        aria-hidden="true"
        className="relative -mt-10 ml-8 max-w-sm rounded-2xl border border-white/15 bg-white/10 p-4 shadow-2xl backdrop-blur-xl"
      >
        <p className="text-xs font-semibold tracking-[0.16em] text-white/60 uppercase">
          {t("promptLabel")}
        </p>
        <p className="mt-1 text-sm leading-relaxed text-white/95">{t("prompt")}</p>
        <div className="mt-3 flex items-center gap-3">
          <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-white/15">
            <div className="bg-prism h-full w-[72%] rounded-full" />
          </div>
          <span className="text-xs font-medium text-white/75 tabular-nums">
            {t("progress", { percent: 72 })}
          </span>
        </div>
      </div>

      <div className="relative flex flex-col gap-6">
        <h2 className="font-display text-4xl font-bold tracking-tight text-balance">
          {t("titleLine1")}
          <br />
          <span className="bg-[linear-gradient(100deg,#c4b5fd,#f0abfc_45%,#fda4af_75%,#fcd34d)] bg-clip-text text-transparent">
            {t("titleLine2")}
          </span>
        </h2>
        <ul className="flex flex-col gap-3 text-sm text-white/80">
          <li className="flex items-center gap-3">
            <KeyRound aria-hidden="true" className="size-4 text-[#c4b5fd]" />
            {t("keys")}
          </li>
          <li className="flex items-center gap-3">
            <Sparkles aria-hidden="true" className="size-4 text-[#f0abfc]" />
            {t("templates")}
          </li>
          <li className="flex items-center gap-3">
            <WifiOff aria-hidden="true" className="size-4 text-[#fda4af]" />
            {t("offline")}
          </li>
        </ul>
      </div>
    </div>
  );
}
