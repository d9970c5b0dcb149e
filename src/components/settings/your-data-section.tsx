"use client";

import { Download, Trash2 } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useOpenedOnce } from "@/components/ui/use-opened-once";
import { useApiQuery } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import { formatBytes } from "@/lib/offline/offline-collections";
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
      Stored in the studio:{" "}
      <strong className="text-ink font-semibold">
        {images === 1 ? "1 image" : `${images} images`}
      </strong>{" "}
      using <strong className="text-ink font-semibold">{formatBytes(bytes)}</strong>, every size of
      each included.
    </p>
  );
}

/**
 * "Your data": export everything (streamed at once, or prepared in the background when large:
 * see ExportEverything) and delete the account.
 */
export function YourDataSection({ email }: { email: string | null }) {
  const [deleting, setDeleting] = useState(false);
  const dialogMounted = useOpenedOnce(deleting);

  return (
    <>
      <SettingsSection
        id="your-data"
        icon={Download}
        title="Your data"
        description="Everything you made here is yours to take with you."
        testId="settings-your-data"
      >
        <div className="flex flex-col gap-3">
          <StoredLine />
          <p className="text-ink-muted text-sm">
            One ZIP file with every original image, a <code>manifest.json</code> with each
            image&rsquo;s prompt, settings, seed, tags and dates, your collections and your
            preferences. Your Gemini key and passwords are never in it.
          </p>
          <ExportEverything />
        </div>
      </SettingsSection>

      <SettingsSection
        id="delete-account"
        icon={Trash2}
        title="Delete account"
        description="Deleting your account cannot be undone."
        testId="settings-delete-account"
        className="[&_.bg-primary-soft]:bg-danger/10 [&_.bg-primary-soft]:text-danger"
      >
        <div className="border-danger/40 flex flex-col gap-3 rounded-xl border border-dashed p-4 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-ink-muted text-sm">
            Every image, collection, share page, API key and session goes for good, and your public
            images leave Explore at once. Download your data first if you want to keep it.
          </p>
          <Button
            variant="danger"
            className="shrink-0"
            disabled={!email}
            onClick={() => setDeleting(true)}
            data-testid="delete-account-open"
          >
            <Trash2 aria-hidden="true" />
            Delete account…
          </Button>
        </div>
      </SettingsSection>
      {dialogMounted && email ? (
        <DeleteAccountDialog open={deleting} email={email} onClose={() => setDeleting(false)} />
      ) : null}
    </>
  );
}
