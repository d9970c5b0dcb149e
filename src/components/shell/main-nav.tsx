"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { cn } from "@/lib/cn";
import { NAV_ITEMS, isActivePath } from "./nav-items";

/**
 * One navigation for every screen size (so each link and test id exists once):
 * a fixed bottom bar on phones and tablets, a vertical list in the sidebar from lg up.
 */
export function MainNav() {
  const pathname = usePathname();
  const router = useRouter();
  const t = useTranslations("shell.nav");
  return (
    <nav
      aria-label={t("label")}
      className={cn(
        "border-line bg-surface/85 fixed inset-x-0 bottom-0 z-40 border-t pb-[env(safe-area-inset-bottom)] backdrop-blur-xl",
        "lg:static lg:z-auto lg:border-0 lg:bg-transparent lg:pb-0 lg:backdrop-blur-none",
      )}
      data-testid="main-nav"
    >
      <ul className="mx-auto flex max-w-xl items-stretch justify-around px-1 lg:max-w-none lg:flex-col lg:gap-1 lg:px-3">
        {NAV_ITEMS.map((item) => {
          const active = isActivePath(pathname, item.href);
          const Icon = item.icon;
          return (
            <li key={item.href} className="flex min-w-0 flex-1 lg:flex-none">
              <Link
                href={item.href}
                // Not every section on every load: prefetching all five in the viewport fetched
                // and parsed their code (Explore's on the gallery) while the page was still
                // loading. A section is prefetched when the person shows intent instead.
                prefetch={false}
                onMouseEnter={() => router.prefetch(item.href)}
                onFocus={() => router.prefetch(item.href)}
                onTouchStart={() => router.prefetch(item.href)}
                aria-current={active ? "page" : undefined}
                data-testid={item.testId}
                className={cn(
                  "group relative flex min-w-0 flex-1 flex-col items-center justify-center gap-1 rounded-xl px-0.5 pt-2 pb-1.5 text-[0.65rem] font-medium transition-colors min-[360px]:px-1 min-[360px]:text-[0.7rem]",
                  "min-h-16 lg:min-h-11 lg:flex-row lg:justify-start lg:gap-3 lg:px-3 lg:py-2.5 lg:text-sm",
                  active
                    ? "text-primary-soft-ink lg:bg-primary-soft"
                    : "text-ink-muted hover:text-ink lg:hover:bg-surface-raised",
                )}
              >
                <span
                  className={cn(
                    "flex h-8 w-12 items-center justify-center rounded-full transition-colors min-[360px]:w-14 lg:h-auto lg:w-auto",
                    active
                      ? "bg-primary-soft lg:bg-transparent"
                      : "group-hover:bg-surface-raised lg:group-hover:bg-transparent",
                  )}
                >
                  <Icon
                    aria-hidden="true"
                    className="size-5 lg:size-[1.15rem]"
                    strokeWidth={active ? 2.25 : 1.9}
                  />
                </span>
                <span className="max-w-full truncate lg:hidden">{t(`${item.key}.short`)}</span>
                <span className="hidden lg:inline">{t(`${item.key}.label`)}</span>
                {active ? (
                  <span
                    aria-hidden="true"
                    className="bg-primary absolute top-1/2 -left-3 hidden h-6 w-1 -translate-y-1/2 rounded-r-full lg:block"
                  />
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
