import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { IntlMessages } from "@/components/i18n/intl-messages";
import { AdminTemplatesView } from "@/components/admin/templates/admin-templates-view";
import { PageHeader } from "@/components/shell/page-header";
import { QueryProvider } from "@/components/shell/query-provider";
import { getCurrentUser } from "@/server/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("nav.templates"), robots: { index: false, follow: false } };
}

export default async function AdminTemplatesPage() {
  // Anyone but an admin gets the ordinary not-found page, as the admin API answers them.
  const user = await getCurrentUser();
  if (!user || user.role !== "admin") notFound();
  const t = await getTranslations("admin");
  return (
    <QueryProvider>
      <div className="flex flex-col gap-6">
        <PageHeader
          eyebrow={t("eyebrow")}
          title={t("pages.templates.title")}
          description={t("pages.templates.description")}
        />
        {/* Built-in templates' names and the categories come from the `templates` catalogue. */}
        <IntlMessages namespaces={["admin", "templates"]}>
          <AdminTemplatesView />
        </IntlMessages>
      </div>
    </QueryProvider>
  );
}
