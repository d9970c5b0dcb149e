import { ArrowRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ADMIN_NAV_ITEMS } from "@/components/admin/admin-nav-items";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Overview" };

const DESCRIPTIONS: Record<string, string> = {
  "/admin/users": "Find accounts, change roles and limits, suspend and restore.",
  "/admin/settings":
    "Registration, default limits, email verification, moderation phrases and the maintenance banner.",
  "/admin/audit": "Every admin action and account event, with filters and CSV export.",
};

// The dashboard (charts of generations, latency, storage) comes later; for now, the sections.
export default function AdminOverviewPage() {
  const sections = ADMIN_NAV_ITEMS.filter((item) => item.href !== "/admin");
  return (
    <>
      <PageHeader
        eyebrow="Admin"
        title="Running the studio"
        description="Everything an operator changes without touching SQL or redeploying."
      />
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="admin-overview">
        {sections.map((item) => {
          const Icon = item.icon;
          return (
            <li key={item.href}>
              <Card className="h-full">
                <Link
                  href={item.href}
                  className="hover:bg-surface-raised flex h-full flex-col gap-3 rounded-[inherit] p-5"
                >
                  <span className="bg-primary-soft text-primary-soft-ink flex size-10 items-center justify-center rounded-xl">
                    <Icon aria-hidden="true" className="size-5" />
                  </span>
                  <span className="font-display text-ink flex items-center gap-2 text-lg font-semibold">
                    {item.label}
                    <ArrowRight aria-hidden="true" className="size-4" />
                  </span>
                  <span className="text-ink-muted text-sm">{DESCRIPTIONS[item.href]}</span>
                </Link>
              </Card>
            </li>
          );
        })}
      </ul>
    </>
  );
}
