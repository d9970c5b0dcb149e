import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { IntlMessages } from "@/components/i18n/intl-messages";
import { AppShell } from "@/components/shell/app-shell";
import { PageContainer } from "@/components/shell/page-header";
import { QueryProvider } from "@/components/shell/query-provider";
import { requireAdminPage } from "@/server/pages/admin-page-data";
import { loadShellState } from "@/server/pages/shell-data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  const section = t("eyebrow");
  return {
    title: { default: section, template: `%s · ${section} · AI Image Studio` },
    robots: { index: false, follow: false },
  };
}

/**
 * The admin section: the signed-in frame with the admin tabs. Anyone but an admin gets the
 * ordinary 404 page (requireAdminPage), as the admin API answers them.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdminPage();
  return (
    <QueryProvider>
      <HydrationBoundary state={await loadShellState(user.id)}>
        <AppShell user={user}>
          <PageContainer>
            {/* Every admin page's client views read the `admin` catalogue (and nothing else). */}
            <IntlMessages namespaces={["admin"]}>
              <div className="flex flex-col gap-6" data-testid="admin-section">
                <AdminNav />
                {children}
              </div>
            </IntlMessages>
          </PageContainer>
        </AppShell>
      </HydrationBoundary>
    </QueryProvider>
  );
}
