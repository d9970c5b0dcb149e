"use client";

import { WifiOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useOnlineStatus } from "./use-online-status";

/** A quiet strip under the top bar while the device has no connection. */
export function OfflineBanner() {
  const t = useTranslations("shell.offline");
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
        {t.rich("banner", {
          b: (chunks) => <span className="font-semibold">{chunks}</span>,
        })}
      </span>
    </div>
  );
}
