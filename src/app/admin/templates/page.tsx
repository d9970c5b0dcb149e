import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminTemplatesView } from "@/components/admin/templates/admin-templates-view";
import { PageHeader } from "@/components/shell/page-header";
import { QueryProvider } from "@/components/shell/query-provider";
import { getCurrentUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Templates", robots: { index: false, follow: false } };

export default async function AdminTemplatesPage() {
  // Anyone but an admin gets the ordinary not-found page, as the admin API answers them.
  const user = await getCurrentUser();
  if (!user || user.role !== "admin") notFound();
  return (
    <QueryProvider>
      <div className="flex flex-col gap-6">
        <PageHeader
          eyebrow="Admin"
          title="Templates"
          description="The styles people pick on the generate page: create, edit, reorder, hide or delete them, and upload their preview images. Every change is recorded in the audit log."
        />
        <AdminTemplatesView />
      </div>
    </QueryProvider>
  );
}
