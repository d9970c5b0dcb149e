import type { Metadata } from "next";
import { getTimeZone, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AdminAuditView } from "@/components/admin/audit/admin-audit-view";
import { PageHeader } from "@/components/shell/page-header";
import { QueryProvider } from "@/components/shell/query-provider";
import { getCurrentUser } from "@/server/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("nav.audit"), robots: { index: false, follow: false } };
}

export default async function AdminAuditPage() {
  // Anyone but an admin gets the ordinary not-found page, as the admin API answers them.
  const user = await getCurrentUser();
  if (!user || user.role !== "admin") notFound();
  const t = await getTranslations("admin");
  // Entries are shown in the reader's time zone (cookie `tz`, else UTC): the header names it.
  const timeZone = await getTimeZone();
  return (
    // The admin layout provides the same client cache; this keeps the page whole on its own.
    <QueryProvider>
      <div className="flex flex-col gap-6">
        <PageHeader
          eyebrow={t("eyebrow")}
          title={t("pages.audit.title")}
          description={t("pages.audit.description", { timeZone })}
        />
        <AdminAuditView />
      </div>
    </QueryProvider>
  );
}
