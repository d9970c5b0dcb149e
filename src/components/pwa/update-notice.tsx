"use client";

import { Sparkles } from "lucide-react";
import { Button } from "@/components/ui/button";
import { PwaNotice } from "./pwa-notice";

/** "A new version is ready": shown while a new service worker waits to take over. */
export function UpdateNotice({
  applying,
  onReload,
  onLater,
}: {
  applying: boolean;
  onReload: () => void;
  onLater: () => void;
}) {
  return (
    <PwaNotice
      data-testid="update-notice"
      title="A new version is ready"
      description="Reload to update. Anything you've typed here stays."
      visual={
        <span className="bg-primary-soft text-primary-soft-ink inline-flex size-10 items-center justify-center rounded-xl">
          <Sparkles className="size-5" />
        </span>
      }
      onDismiss={onLater}
      dismissLabel="Dismiss the update notice"
      actions={
        <>
          <Button size="sm" loading={applying} onClick={onReload} data-testid="update-reload">
            {applying ? "Updating…" : "Reload to update"}
          </Button>
          <Button size="sm" variant="ghost" onClick={onLater} disabled={applying}>
            Later
          </Button>
        </>
      }
    />
  );
}
