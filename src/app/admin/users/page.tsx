import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AdminUsersView } from "@/components/admin/users/admin-users-view";
import { PageHeader } from "@/components/shell/page-header";
import { QueryProvider } from "@/components/shell/query-provider";
import { getCurrentUser } from "@/server/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("nav.users"), robots: { index: false, follow: false } };
}

export default async function AdminUsersPage() {
  // Anyone but an admin gets the ordinary not-found page, as the admin API answers them.
  const user = await getCurrentUser();
  if (!user || user.role !== "admin") notFound();
  const t = await getTranslations("admin");
  return (
    // The admin layout provides the same client cache; this keeps the page whole on its own.
    <QueryProvider>
      <div className="flex flex-col gap-6">
        <PageHeader
          eyebrow={t("eyebrow")}
          title={t("pages.users.title")}
          description={t("pages.users.description")}
        />
        <AdminUsersView currentUserId={user.id} />
      </div>
    </QueryProvider>
  );
}
