import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminUsersView } from "@/components/admin/users/admin-users-view";
import { PageHeader } from "@/components/shell/page-header";
import { QueryProvider } from "@/components/shell/query-provider";
import { getCurrentUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Users", robots: { index: false, follow: false } };

export default async function AdminUsersPage() {
  // Anyone but an admin gets the ordinary not-found page, as the admin API answers them.
  const user = await getCurrentUser();
  if (!user || user.role !== "admin") notFound();
  return (
    // The admin layout provides the same client cache; this keeps the page whole on its own.
    <QueryProvider>
      <div className="flex flex-col gap-6">
        <PageHeader
          eyebrow="Admin"
          title="Users"
          description="Find an account by email or name, change its role or limits, suspend or restore it, or delete it. Every change is recorded in the audit log."
        />
        <AdminUsersView currentUserId={user.id} />
      </div>
    </QueryProvider>
  );
}
