import { ShieldCheck } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { RetentionBanner } from "@/components/retention/retention-banner";
import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { FrostedHeader } from "@/components/ui/frosted-header";
import { ThemeSwitcher } from "@/components/theme/theme-switcher";
import type { User } from "@/shared/api-types";
import { LogOutButton } from "./log-out-button";
import { MainNav } from "./main-nav";
import { OfflineBanner } from "./offline-banner";
import { OfflineSync } from "./offline-sync";
import { ReadyImagesNotice } from "./ready-images-notice";
import { StickyBanners } from "./sticky-banners";
import { UserAvatar } from "./user-avatar";
import { UserMenu } from "./user-menu";
import { VerifyEmailBanner } from "./verify-email-banner";

/** The signed-in frame: sidebar from lg up; top bar and bottom navigation below. */
export async function AppShell({ user, children }: { user: User; children: ReactNode }) {
  const t = await getTranslations("shell");
  return (
    <div className="bg-canvas bg-studio-glow min-h-dvh">
      <OfflineSync userId={user.id} />
      <ReadyImagesNotice />
      {/* No backdrop blur: nothing scrolls beneath the fixed sidebar, only the still page
          background, and that blur alone was a quarter of bench/offline's time to painted
          thumbnails (Chromium without GPU compositing). */}
      <div
        className="lg:border-line lg:bg-surface/70 lg:fixed lg:inset-y-0 lg:left-0 lg:z-30 lg:flex lg:w-72 lg:flex-col lg:border-r"
        data-testid="app-sidebar"
      >
        <div className="hidden px-6 pt-7 pb-8 lg:block">
          <Link href="/generate" className="inline-flex rounded-xl" aria-label={t("homeLink")}>
            <Logo />
          </Link>
        </div>
        <MainNav />
        {user.role === "admin" ? (
          // Admins only; on phones the account menu has the same link.
          <div className="hidden px-3 pt-1 lg:block">
            <Link
              href="/admin"
              data-testid="sidebar-admin"
              className="text-ink-muted hover:text-ink hover:bg-surface-raised flex min-h-11 items-center gap-3 rounded-xl px-3 py-2.5 text-sm font-medium"
            >
              <ShieldCheck aria-hidden="true" className="size-[1.15rem]" strokeWidth={1.9} />
              {t("admin")}
            </Link>
          </div>
        ) : null}
        <div className="hidden flex-1 lg:block" />
        <div className="border-line hidden flex-col gap-4 border-t p-4 lg:flex">
          <div className="flex items-center justify-between gap-2 px-2">
            <span className="text-ink-subtle text-xs font-semibold tracking-wide uppercase">
              {t("theme.label")}
            </span>
            <ThemeSwitcher size="compact" testIdPrefix="shell-theme" />
          </div>
          <div className="border-line bg-surface flex items-center gap-3 rounded-2xl border p-3">
            <UserAvatar name={user.name} email={user.email} size="md" />
            <div className="min-w-0 flex-1">
              <p
                className="text-ink truncate text-sm font-semibold"
                data-testid="sidebar-user-name"
              >
                {user.name}
              </p>
              <p className="text-ink-muted truncate text-xs">{user.email}</p>
            </div>
          </div>
          <LogOutButton variant="secondary" className="w-full" data-testid="sidebar-logout" />
        </div>
      </div>

      <div className="lg:pl-72">
        <FrostedHeader
          className="border-line bg-canvas/80 sticky top-0 z-30 border-b pt-[env(safe-area-inset-top)] lg:hidden"
          testId="top-bar"
        >
          <div className="mx-auto flex h-14 max-w-3xl items-center justify-between px-4">
            <Link href="/generate" className="inline-flex rounded-xl" aria-label={t("homeLink")}>
              <Logo />
            </Link>
            <UserMenu user={user} />
          </div>
        </FrostedHeader>
        <StickyBanners>
          <OfflineBanner />
          <VerifyEmailBanner user={user} />
          <RetentionBanner />
        </StickyBanners>
        <main id="main" tabIndex={-1} className="pb-safe-nav outline-none lg:pb-12">
          {children}
        </main>
      </div>
    </div>
  );
}
