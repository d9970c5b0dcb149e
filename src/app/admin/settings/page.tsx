import type { Metadata } from "next";
import { AdminSettingsForm } from "@/components/admin/admin-settings-form";
import { PageHeader } from "@/components/shell/page-header";
import { loadAdminSettings } from "@/server/pages/admin-page-data";

export const metadata: Metadata = { title: "Settings" };

export default async function AdminSettingsPage() {
  const settings = await loadAdminSettings();
  return (
    <>
      <PageHeader
        eyebrow="Admin"
        title="Studio settings"
        description="Changes are in force on every server within seconds; no redeploy. Each one is recorded in the audit log."
      />
      <AdminSettingsForm initial={settings} />
    </>
  );
}
