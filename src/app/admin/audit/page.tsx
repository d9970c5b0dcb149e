import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminAuditView } from "@/components/admin/audit/admin-audit-view";
import { PageHeader } from "@/components/shell/page-header";
import { QueryProvider } from "@/components/shell/query-provider";
import { getCurrentUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Audit log", robots: { index: false, follow: false } };

export default async function AdminAuditPage() {
  // Anyone but an admin gets the ordinary not-found page, as the admin API answers them.
  const user = await getCurrentUser();
  if (!user || user.role !== "admin") notFound();
  return (
    // The admin layout provides the same client cache; this keeps the page whole on its own.
    <QueryProvider>
      <div className="flex flex-col gap-6">
        <PageHeader
          eyebrow="Admin"
          title="Audit log"
          description="Every change to accounts, keys, sessions and settings, newest first. Times are UTC."
        />
        <AdminAuditView />
      </div>
    </QueryProvider>
  );
}
