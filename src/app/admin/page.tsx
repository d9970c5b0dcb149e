import { ArrowRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminDashboard } from "@/components/admin/dashboard/admin-dashboard";
import { ADMIN_NAV_ITEMS } from "@/components/admin/admin-nav-items";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("nav.overview") };
}

/** /admin: the dashboard (usage, latency, storage, mail), then the other admin sections. */
export default async function AdminOverviewPage() {
  const t = await getTranslations("admin");
  const sections = ADMIN_NAV_ITEMS.filter((item) => item.href !== "/admin");
  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("pages.overview.title")}
        description={t("pages.overview.description")}
      />
      <AdminDashboard />
      <nav aria-label={t("nav.sections")}>
        <ul className="flex flex-wrap gap-2" data-testid="admin-overview">
          {sections.map((item) => {
            const Icon = item.icon;
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="border-line bg-surface hover:bg-surface-raised text-ink focus-visible:ring-ring inline-flex items-center gap-2 rounded-full border px-4 py-2 text-sm font-semibold focus-visible:ring-2 focus-visible:outline-none"
                >
                  <Icon aria-hidden="true" className="size-4" />
                  {t(item.label)}
                  <ArrowRight aria-hidden="true" className="size-3.5" />
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
