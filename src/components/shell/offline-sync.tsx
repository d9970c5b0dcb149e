"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { claimOfflineDbFor, hasIndexedDb } from "@/lib/offline/offline-db";
import { refreshOfflinePreference } from "@/lib/offline/offline-preference";
import { nextDueAt, takeSentEntries } from "@/lib/offline/outbox";
import { announceOutboxChanged, onOutboxChanged } from "@/lib/offline/outbox-events";
import { flushOutboxFromPage, isOffline, registerOutboxSync } from "@/lib/offline/outbox-page";
import { clearPrivateData } from "@/lib/offline/private-data";
import { onServiceWorkerMessage } from "@/lib/pwa/service-worker-client";
import type { Image } from "@/shared/api-types";
import { addReadyImages } from "./ready-images";

// Never retry sooner than this on a timer, even when an entry is due at once.
const MIN_RETRY_DELAY_MS = 5_000;

/**
 * The signed-in frame's offline duties: make the device's offline data belong to this user,
 * send queued prompts at start, when the connection returns and when a backoff ends (the
 * service worker also does on Background Sync), announce the images they became, and wipe
 * everything when the session ends.
 */
export function OfflineSync({ userId }: { userId: string }) {
  const t = useTranslations("shell.readyImages");
  // The notification's title in the language of the page; read through a ref so that the
  // effect below (which owns the outbox timers) does not restart when the messages object does.
  const notificationTitle = useRef((count: number) => t("notification", { count }));
  useEffect(() => {
    notificationTitle.current = (count: number) => t("notification", { count });
  });
  useEffect(() => {
    if (!hasIndexedDb()) return;
    let stopped = false;
    let timer: number | undefined;

    async function announceReady() {
      const sent = await takeSentEntries();
      const images = sent.flatMap((entry) => (entry.resultImage ? [entry.resultImage] : []));
      if (stopped || images.length === 0) return;
      addReadyImages(images);
      await notifySystem(images, notificationTitle.current(images.length));
    }

    async function schedule() {
      window.clearTimeout(timer);
      if (stopped) return;
      const due = await nextDueAt();
      if (due === null || isOffline()) return;
      const delay = Math.max(MIN_RETRY_DELAY_MS, due - Date.now());
      timer = window.setTimeout(() => void flush(), delay);
    }

    async function flush() {
      if (stopped || isOffline()) return;
      await flushOutboxFromPage();
      await announceReady();
      await schedule();
    }

    const ready = claimOfflineDbFor(userId)
      .then(async () => {
        // The layout rendered the settings into the cache: no request for them here.
        void refreshOfflinePreference({ maxAgeMs: 60_000 }).catch(() => undefined);
        await announceReady();
        if (isOffline()) void registerOutboxSync();
        else await flush();
      })
      .catch(() => undefined);

    const onOnline = () => void ready.then(flush);
    window.addEventListener("online", onOnline);
    const stopOutbox = onOutboxChanged(() => void ready.then(schedule));
    const stopWorker = onServiceWorkerMessage((message) => {
      if (message.type === "outbox-flushed") {
        announceOutboxChanged();
        void ready.then(announceReady);
      } else if (message.type === "session-ended") {
        void clearPrivateData().then(() => {
          // A full load, so nothing of the ended session stays in this tab's memory.
          const here = window.location.pathname + window.location.search;
          window.location.replace(`/login?next=${encodeURIComponent(here)}`);
        });
      }
    });

    return () => {
      stopped = true;
      window.clearTimeout(timer);
      window.removeEventListener("online", onOnline);
      stopOutbox();
      stopWorker();
    };
  }, [userId]);

  // The setting can change on /settings while the shell stays mounted: read it again where it matters.
  // The first page was read with the layout's settings above: only later navigations ask again.
  const pathname = usePathname();
  const needsPreference = /^\/(?:gallery|collections)/.test(pathname);
  const firstPathname = useRef<string | null>(pathname);
  useEffect(() => {
    if (pathname === firstPathname.current) return;
    firstPathname.current = null;
    if (needsPreference && hasIndexedDb() && !isOffline()) {
      void refreshOfflinePreference().catch(() => undefined);
    }
  }, [needsPreference, pathname]);

  return null;
}

/** A system notification, only when the user already allowed them (we never ask from here). */
async function notifySystem(images: readonly Image[], title: string): Promise<void> {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  if (document.visibilityState === "visible" && document.hasFocus()) return;
  const first = images[0];
  const options: NotificationOptions = {
    body: first?.prompt ?? "",
    tag: "studio-outbox",
    icon: first?.urls.thumbnails["150"] ?? undefined,
    data: { url: first ? `/images/${first.id}` : "/gallery" },
  };
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    if (registration) {
      await registration.showNotification(title, options);
      return;
    }
    new Notification(title, options);
  } catch {
    // Some platforms only allow worker notifications; the in-page notice is still there.
  }
}
