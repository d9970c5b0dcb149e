import type { Metadata } from "next";
import { CenteredPage } from "@/components/feedback/centered-page";
import { OfflineActions } from "@/components/pwa/offline-actions";
import { OfflineIllustration } from "@/components/pwa/offline-illustration";

export const metadata: Metadata = {
  title: "You're offline",
  description: "AI Image Studio is offline: your saved gallery and collections still open.",
  robots: { index: false },
};

/**
 * Precached by the service worker and shown for a page that was never opened while online.
 * It must work with no network at all: no data fetching, links that the worker can answer.
 */
export default function OfflinePage() {
  return (
    <CenteredPage>
      <div
        className="flex max-w-md flex-col items-center gap-4 text-center"
        data-testid="offline-page"
      >
        <div className="w-full max-w-[240px]">
          <OfflineIllustration />
        </div>
        <h1 className="font-display text-ink text-2xl font-bold tracking-tight sm:text-3xl">
          You&apos;re offline
        </h1>
        <p className="text-ink-muted">
          This page hasn&apos;t been saved on this device yet, so it needs a connection. Your
          gallery, and the images you&apos;ve already looked at, are still here.
        </p>
        <OfflineActions />
        <p className="text-ink-subtle text-sm">
          Prompts you submit while offline wait on this device and are sent when you reconnect.
        </p>
      </div>
    </CenteredPage>
  );
}
