import { ArrowRight, WandSparkles } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

/** The invitation on share pages: visitors register, signed-in people go to Generate. */
export async function MakeYourOwnCta({
  signedIn,
  className,
}: {
  signedIn: boolean;
  className?: string;
}) {
  const t = await getTranslations("share.cta");
  return (
    <section
      aria-labelledby="make-your-own-title"
      className={cn(
        "rounded-card shadow-pop relative overflow-hidden bg-[#140f26] p-6 text-white ring-1 ring-white/10 sm:p-7",
        "before:bg-prism before:absolute before:inset-x-0 before:top-0 before:h-1 before:content-['']",
        className,
      )}
      data-testid="make-your-own"
    >
      <div
        aria-hidden="true"
        className="bg-prism absolute -top-24 -right-16 size-56 rounded-full opacity-30 blur-3xl"
      />
      <div className="relative flex flex-col gap-3">
        <span className="inline-flex size-10 items-center justify-center rounded-xl bg-white/10">
          <WandSparkles aria-hidden="true" className="size-5" />
        </span>
        <h2 id="make-your-own-title" className="font-display text-xl font-bold tracking-tight">
          {t("title")}
        </h2>
        <p className="text-sm text-white/75">{t("text")}</p>
        <div className="mt-1">
          <Button asChild variant="inverse">
            <Link href={signedIn ? "/generate" : "/register"} data-testid="make-your-own-link">
              {signedIn ? t("openStudio") : t("makeYourOwnFree")}
              <ArrowRight aria-hidden="true" />
            </Link>
          </Button>
        </div>
      </div>
    </section>
  );
}
