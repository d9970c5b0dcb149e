"use client";

import { Images, RefreshCw, Wifi, WifiOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/** The offline page's live part: the connection as the browser sees it, and the ways out. */
export function OfflineActions() {
  const t = useTranslations("pwa.offline");
  // The server renders "offline": the page only exists to be shown without a connection.
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => false,
  );
  return (
    <>
      <p
        role="status"
        aria-live="polite"
        data-testid="offline-connection"
        data-online={online}
        className={
          online
            ? "bg-success-soft text-success inline-flex items-center gap-2 rounded-full px-3 py-1.5 text-sm font-medium"
            : "bg-warning-soft text-warning inline-flex items-center gap-2 rounded-full px-3 py-1.5 text-sm font-medium"
        }
      >
        {online ? (
          <Wifi aria-hidden="true" className="size-4" />
        ) : (
          <WifiOff aria-hidden="true" className="size-4" />
        )}
        {online ? t("backOnline") : t("noConnection")}
      </p>
      <div className="mt-2 flex flex-wrap justify-center gap-2">
        {/* Plain links: a full navigation is what the service worker can answer from its cache. */}
        <Button asChild>
          <a href="/gallery">
            <Images aria-hidden="true" />
            {t("openGallery")}
          </a>
        </Button>
        <Button variant="secondary" onClick={() => window.location.reload()}>
          <RefreshCw aria-hidden="true" />
          {online ? t("reload") : t("tryAgain")}
        </Button>
      </div>
    </>
  );
}
