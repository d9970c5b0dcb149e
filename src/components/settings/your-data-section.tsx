"use client";

import { Download, Trash2 } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useOpenedOnce } from "@/components/ui/use-opened-once";
import { useApiQuery } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import { useFormatBytes } from "@/lib/i18n/format-bytes";
import type { AccountExportsOverview } from "@/shared/account-exports";
import { SettingsSection } from "./settings-section";

// Loads its own data (the size estimate, the exports): its code comes after the page's.
const ExportEverything = dynamic(
  () => import("./export-everything").then((module) => module.ExportEverything),
  {
    ssr: false,
    loading: () => (
      <div className="flex flex-col gap-2" aria-hidden="true">
        <Skeleton className="h-4 w-full max-w-sm" />
        <Skeleton className="h-10 w-44" />
      </div>
    ),
  },
);

const DeleteAccountDialog = dynamic(
  () => import("./delete-account-dialog").then((module) => module.DeleteAccountDialog),
  { ssr: false },
);

/**
 * What the person's images take in the studio (GET /account/exports' storage, the same query
 * as the export's estimate, so no request of its own). A failed load is shown by the export.
 */
function StoredLine() {
  const t = useTranslations("settings.yourData");
  const formatBytes = useFormatBytes();
  const overview = useApiQuery<AccountExportsOverview>(
    queryKeys.accountExports,
    "/api/v1/account/exports",
  );
  if (overview.status === "pending")
    return <Skeleton className="h-4 w-full max-w-xs" aria-hidden="true" />;
  if (overview.status === "error" || !overview.data.storage) return null;
  const { images, bytes } = overview.data.storage;
  return (
    <p className="text-ink-muted text-sm" data-testid="your-storage">
      {t.rich("stored", {
        count: images,
        size: formatBytes(bytes),
        strong: (chunks) => <strong className="text-ink font-semibold">{chunks}</strong>,
      })}
    </p>
  );
}

/**
 * "Your data": export everything (streamed at once, or prepared in the background when large:
 * see ExportEverything) and delete the account.
 */
export function YourDataSection({
  email,
  askPassword,
}: {
  email: string | null;
  /** Local accounts confirm deletion with their password too; Supabase Auth's do not. */
  askPassword: boolean;
}) {
  const t = useTranslations("settings.yourData");
  const [deleting, setDeleting] = useState(false);
  const dialogMounted = useOpenedOnce(deleting);

  return (
    <>
      <SettingsSection
        id="your-data"
        icon={Download}
        title={t("title")}
        description={t("description")}
        testId="settings-your-data"
      >
        <div className="flex flex-col gap-3">
          <StoredLine />
          <p className="text-ink-muted text-sm">
            {t.rich("contents", { code: (chunks) => <code>{chunks}</code> })}
          </p>
          <ExportEverything />
        </div>
      </SettingsSection>

      <SettingsSection
        id="delete-account"
        icon={Trash2}
        title={t("deleteTitle")}
        description={t("deleteDescription")}
        testId="settings-delete-account"
        className="[&_.bg-primary-soft]:bg-danger/10 [&_.bg-primary-soft]:text-danger"
      >
        <div className="border-danger/40 flex flex-col gap-3 rounded-xl border border-dashed p-4 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-ink-muted text-sm">{t("deleteWarning")}</p>
          <Button
            variant="danger"
            className="shrink-0"
            disabled={!email}
            onClick={() => setDeleting(true)}
            data-testid="delete-account-open"
          >
            <Trash2 aria-hidden="true" />
            {t("deleteOpen")}
          </Button>
        </div>
      </SettingsSection>
      {dialogMounted && email ? (
        <DeleteAccountDialog
          open={deleting}
          email={email}
          askPassword={askPassword}
          onClose={() => setDeleting(false)}
        />
      ) : null}
    </>
  );
}
