"use client";

import { WifiOff } from "lucide-react";
import { useOnlineStatus } from "./use-online-status";

/** A quiet strip under the top bar while the device has no connection. */
export function OfflineBanner() {
  const online = useOnlineStatus();
  if (online) return null;
  return (
    <div
      role="status"
      data-testid="offline-banner"
      className="border-warning/30 bg-warning-soft text-ink flex items-center justify-center gap-2 border-b px-4 py-2 text-center text-sm"
    >
      <WifiOff aria-hidden="true" className="text-warning size-4 shrink-0" />
      <span>
        <span className="font-semibold">You&rsquo;re offline.</span> Saved images still open, and
        new prompts wait until you&rsquo;re back.
      </span>
    </div>
  );
}
