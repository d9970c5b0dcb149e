"use client";

import { Download, Trash2 } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useOpenedOnce } from "@/components/ui/use-opened-once";
import { toApiClientError } from "@/lib/api/errors";
import { fetchSameOriginFile } from "@/lib/api/request";
import { SettingsSection } from "./settings-section";

const DeleteAccountDialog = dynamic(
  () => import("./delete-account-dialog").then((module) => module.DeleteAccountDialog),
  { ssr: false },
);

const EXPORT_PATH = "/api/v1/account/export";

type ExportState =
  | { status: "idle" }
  | { status: "checking" }
  | { status: "started" }
  | { status: "error"; message: string };

/**
 * "Your data": download everything (a streamed ZIP the browser saves itself, never held in this
 * page's memory) and delete the account. The export is checked first (a short request whose
 * body is dropped at once) so that a failure shows here instead of as a downloaded error page.
 */
export function YourDataSection({ email }: { email: string | null }) {
  const [exportState, setExportState] = useState<ExportState>({ status: "idle" });
  const [deleting, setDeleting] = useState(false);
  const dialogMounted = useOpenedOnce(deleting);

  async function downloadAll() {
    setExportState({ status: "checking" });
    try {
      const response = await fetchSameOriginFile(EXPORT_PATH, { cache: "no-store" });
      await response.body?.cancel();
      const link = document.createElement("a");
      link.href = EXPORT_PATH;
      link.download = "";
      document.body.append(link);
      link.click();
      link.remove();
      setExportState({ status: "started" });
    } catch (error) {
      const failure = toApiClientError(error);
      setExportState({
        status: "error",
        message:
          failure.code === "NETWORK_ERROR"
            ? failure.message
            : "The studio could not prepare your export just now.",
      });
    }
  }

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
          <p className="text-ink-muted text-sm">
            One ZIP file with every original image, a <code>manifest.json</code> with each
            image&rsquo;s prompt, settings, seed, tags and dates, your collections and your
            preferences. Your Gemini key and passwords are never in it. A large gallery takes a
            while: the download runs in your browser&rsquo;s downloads.
          </p>
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
            <Button
              variant="secondary"
              loading={exportState.status === "checking"}
              onClick={() => void downloadAll()}
              data-testid="export-all"
            >
              {exportState.status === "checking" ? null : <Download aria-hidden="true" />}
              Download all my data
            </Button>
            <p role="status" className="text-ink-muted text-sm" data-testid="export-status">
              {exportState.status === "checking" ? "Preparing your download…" : null}
              {exportState.status === "started"
                ? "Your download has started. Keep this tab open until it finishes."
                : null}
            </p>
          </div>
          {exportState.status === "error" ? (
            <Alert
              variant="danger"
              title="We couldn't start the download"
              data-testid="export-error"
            >
              {exportState.message} Please try again.
            </Alert>
          ) : null}
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
