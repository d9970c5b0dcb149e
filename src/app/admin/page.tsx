import { ArrowRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AdminDashboard } from "@/components/admin/dashboard/admin-dashboard";
import { ADMIN_NAV_ITEMS } from "@/components/admin/admin-nav-items";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Overview" };

/** /admin: the dashboard (usage, latency, storage, mail), then the other admin sections. */
export default function AdminOverviewPage() {
  const sections = ADMIN_NAV_ITEMS.filter((item) => item.href !== "/admin");
  return (
    <>
      <PageHeader
        eyebrow="Admin"
        title="Running the studio"
        description="What the studio is doing, and everything an operator changes without touching SQL or redeploying."
      />
      <AdminDashboard />
      <nav aria-label="Admin sections">
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
                  {item.label}
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
