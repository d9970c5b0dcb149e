"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";
import { ADMIN_NAV_ITEMS } from "./admin-nav-items";

/** Tabs across the top of every admin page; they scroll sideways inside themselves on a phone. */
export function AdminNav() {
  const pathname = usePathname();
  const t = useTranslations("admin");
  return (
    <nav
      aria-label={t("nav.label")}
      data-testid="admin-nav"
      className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0"
    >
      <ul className="border-line flex min-w-max gap-1 border-b">
        {ADMIN_NAV_ITEMS.map((item) => {
          const active =
            item.href === "/admin"
              ? pathname === "/admin"
              : pathname === item.href || pathname.startsWith(`${item.href}/`);
          const Icon = item.icon;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                data-testid={item.testId}
                className={cn(
                  "-mb-px flex min-h-11 items-center gap-2 rounded-t-lg border-b-2 px-3 text-sm font-medium transition-colors",
                  active
                    ? "border-primary text-ink"
                    : "text-ink-muted hover:text-ink border-transparent",
                )}
              >
                <Icon aria-hidden="true" className="hidden size-4 min-[420px]:block" />
                {t(item.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
