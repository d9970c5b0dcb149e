import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { ThemeSwitcher } from "@/components/theme/theme-switcher";
import { getCurrentUser } from "@/server/auth/current-user";
import { AuthShowcase } from "./auth-showcase";

/** Login and register: the form column, with the showcase beside it from lg up. */
export async function AuthFrame({ children }: { children: ReactNode }) {
  const t = await getTranslations("auth.frame");
  // Mailed links (verify, confirm, unsubscribe) open here signed in too, where the account's
  // language outranks the cookie: the switcher must save it there. Cached per request.
  const signedIn = (await getCurrentUser().catch(() => null)) !== null;
  return (
    <div className="bg-canvas grid min-h-dvh lg:grid-cols-[minmax(0,1fr)_minmax(0,1.05fr)]">
      <div className="bg-studio-glow flex min-h-dvh flex-col px-4 pt-[max(1rem,env(safe-area-inset-top))] pb-[max(1.5rem,env(safe-area-inset-bottom))] sm:px-8">
        <header className="flex items-center justify-between gap-3 py-2">
          <Link href="/" className="inline-flex rounded-xl" aria-label={t("home")}>
            {/* The name needs room that the narrowest phones give to the theme switcher. */}
            <Logo compact className="min-[360px]:hidden" />
            <Logo className="max-[359px]:hidden" />
          </Link>
          <ThemeSwitcher size="compact" />
        </header>
        <main
          id="main"
          tabIndex={-1}
          className="flex flex-1 items-start justify-center pt-10 pb-8 outline-none sm:items-center sm:py-12"
        >
          <div className="w-full max-w-[26rem]">{children}</div>
        </main>
        <footer className="text-ink-subtle flex flex-col items-center gap-3 text-center text-xs">
          <LanguageSwitcher signedIn={signedIn} compact />
          <p>{t("footer")}</p>
        </footer>
      </div>
      <aside className="sticky top-0 hidden h-dvh p-3 lg:block" aria-label={t("aside")}>
        <div className="h-full overflow-hidden rounded-[1.75rem]">
          <AuthShowcase />
        </div>
      </aside>
    </div>
  );
}

export function AuthHeading({ title, description }: { title: string; description: ReactNode }) {
  return (
    <div className="mb-8 flex flex-col gap-2">
      <h1 className="font-display text-ink text-3xl font-bold tracking-tight">{title}</h1>
      <p className="text-ink-muted">{description}</p>
    </div>
  );
}
