import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/brand/logo";
import { ThemeSwitcher } from "@/components/theme/theme-switcher";
import { Button } from "@/components/ui/button";
import { FrostedHeader } from "@/components/ui/frosted-header";

export async function LandingHeader({ signedIn }: { signedIn: boolean }) {
  const t = await getTranslations("landing.header");
  return (
    <FrostedHeader
      className="bg-canvas/75 supports-[backdrop-filter]:bg-canvas/60 sticky top-0 z-40 border-b border-transparent pt-[env(safe-area-inset-top)]"
      testId="landing-header"
    >
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-3 px-4 sm:px-6">
        <Link href="/" className="inline-flex shrink-0 rounded-xl" aria-label={t("home")}>
          {/* The name needs room that the narrowest phones give to the buttons. */}
          <Logo compact className="min-[420px]:hidden" />
          <Logo className="max-[419px]:hidden" />
        </Link>
        <nav
          aria-label={t("sections")}
          className="hidden items-center gap-1 text-sm font-medium md:flex"
        >
          <a href="#features" className="text-ink-muted hover:text-ink rounded-full px-3 py-2">
            {t("features")}
          </a>
          <a href="#free" className="text-ink-muted hover:text-ink rounded-full px-3 py-2">
            {t("whyFree")}
          </a>
        </nav>
        <div className="flex min-w-0 items-center gap-1.5 min-[360px]:gap-2">
          <div className="hidden sm:block">
            <ThemeSwitcher size="compact" />
          </div>
          {signedIn ? (
            <Button asChild size="sm">
              <Link href="/generate">{t("openStudio")}</Link>
            </Button>
          ) : (
            <>
              <Button asChild size="sm" variant="ghost">
                <Link href="/login">{t("logIn")}</Link>
              </Button>
              <Button asChild size="sm">
                <Link href="/register">{t("getStarted")}</Link>
              </Button>
            </>
          )}
        </div>
      </div>
    </FrostedHeader>
  );
}
