import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminSettingsForm } from "@/components/admin/admin-settings-form";
import { PageHeader } from "@/components/shell/page-header";
import { loadAdminSettings } from "@/server/pages/admin-page-data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("nav.settings") };
}

export default async function AdminSettingsPage() {
  const t = await getTranslations("admin");
  const settings = await loadAdminSettings();
  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("pages.settings.title")}
        description={t("pages.settings.description")}
      />
      <AdminSettingsForm initial={settings} />
    </>
  );
}
