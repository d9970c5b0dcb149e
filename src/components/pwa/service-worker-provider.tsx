"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  createRestoreGuard,
  forgetFormState,
  hasPendingFormState,
  persistFormState,
  restoreFormState,
} from "@/lib/pwa/preserve-form-state";
import { getServiceWorker, postToServiceWorker } from "@/lib/pwa/service-worker-client";
import { InstallPrompt } from "./install-prompt";
import { PwaNoticeStack } from "./pwa-notice";
import { UpdateNotice } from "./update-notice";

/** How often an open tab asks whether a new version was deployed. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;
/** A reload that waits for the new worker gives up waiting after this long and reloads anyway. */
const TAKEOVER_FALLBACK_MS = 4_000;
/** A field restored after an update may render late (client data); stop looking after this. */
const RESTORE_WINDOW_MS = 15_000;
/** Pages where an install offer would interrupt something. */
const NO_INSTALL_OFFER = ["/login", "/register", "/~offline"];

type UpdateState = "none" | "ready" | "applying";

/** Puts back what the person typed before an update reload, as soon as each field renders. */
function useRestoreFormState() {
  useEffect(() => {
    const pathname = window.location.pathname;
    let storage: Storage;
    try {
      storage = window.sessionStorage;
    } catch {
      return;
    }
    if (!hasPendingFormState(storage, pathname)) return;
    // Every field element gets the saved value as soon as React has hydrated it, and again if
    // it comes back empty (hydration can undo an early write); the values are kept for the
    // whole window, since a field may also be rendered again as a new element.
    const guard = createRestoreGuard();
    const onInput = (event: Event) => {
      if (event.isTrusted && event.target) guard.personTyped(event.target);
    };
    document.addEventListener("input", onInput, true);
    const restore = () => {
      restoreFormState({
        root: document,
        storage,
        pathname,
        forget: false,
        isReady: guard.isReady,
        onRestored: guard.onRestored,
      });
    };
    let poll: number | undefined;
    const frame = window.requestAnimationFrame(() => {
      restore();
      poll = window.setInterval(restore, 100);
    });
    const finish = () => {
      window.clearInterval(poll);
      document.removeEventListener("input", onInput, true);
      forgetFormState(storage, pathname);
    };
    const stop = window.setTimeout(finish, RESTORE_WINDOW_MS);
    return () => {
      window.cancelAnimationFrame(frame);
      window.clearTimeout(stop);
      window.clearInterval(poll);
      document.removeEventListener("input", onInput, true);
    };
  }, []);
}

/**
 * Client-side navigation fetches no document, so the worker never sees the page's HTML; ask it
 * to keep a copy so that the page opens offline after a reload.
 */
function useCachePagesOnNavigation(pathname: string, enabled: boolean) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!enabled || !navigator.onLine || !navigator.serviceWorker?.controller) return;
    void postToServiceWorker({ type: "cache-page", url: window.location.href }, { timeoutMs: 0 });
  }, [pathname, enabled]);
}

/**
 * Mounted once in the root layout: registers the service worker, offers a waiting update
 * without losing typed text, and hosts the install offer. `workerEnabled` is true in production
 * builds only: `next dev` builds no worker (its /sw.js answers 404).
 */
export function ServiceWorkerProvider({ workerEnabled }: { workerEnabled: boolean }) {
  const pathname = usePathname();
  const [update, setUpdate] = useState<UpdateState>("none");
  const [laterPressed, setLaterPressed] = useState(false);

  useRestoreFormState();
  useCachePagesOnNavigation(pathname, workerEnabled);

  const registrationRef = useRef<ServiceWorkerRegistration | null>(null);

  useEffect(() => {
    if (!workerEnabled) return;
    let disposed = false;
    // Watched on the registration itself rather than through Serwist's "waiting" event, which
    // stops reporting updates it guesses were started by another tab.
    const offerIfWaiting = () => {
      const registration = registrationRef.current;
      if (disposed || !registration?.waiting || !navigator.serviceWorker.controller) return;
      setLaterPressed(false);
      setUpdate((current) => (current === "applying" ? current : "ready"));
    };
    const watchInstalling = () => {
      const installing = registrationRef.current?.installing;
      installing?.addEventListener("statechange", () => {
        if (installing.state === "installed") offerIfWaiting();
      });
    };
    getServiceWorker()
      .then((serwist) => (disposed ? undefined : serwist?.register()))
      .then((registration) => {
        if (disposed || !registration) return;
        registrationRef.current = registration;
        registration.addEventListener("updatefound", watchInstalling);
        watchInstalling();
        offerIfWaiting();
      })
      .catch(() => {
        // Refused (private mode, blocked by policy): the studio works online without it.
      });
    const check = () => {
      if (document.visibilityState === "visible" && navigator.onLine) {
        registrationRef.current?.update().catch(() => undefined);
      }
    };
    const interval = window.setInterval(check, UPDATE_CHECK_INTERVAL_MS);
    document.addEventListener("visibilitychange", check);
    return () => {
      disposed = true;
      registrationRef.current?.removeEventListener("updatefound", watchInstalling);
      window.clearInterval(interval);
      document.removeEventListener("visibilitychange", check);
    };
  }, [workerEnabled]);

  const applyUpdate = useCallback(() => {
    setUpdate("applying");
    try {
      persistFormState({
        root: document,
        storage: window.sessionStorage,
        pathname: window.location.pathname,
      });
    } catch {
      // No sessionStorage: update anyway; the person chose to reload.
    }
    let reloading = false;
    const reload = () => {
      if (reloading) return;
      reloading = true;
      window.location.reload();
    };
    navigator.serviceWorker.addEventListener("controllerchange", reload, { once: true });
    // Serwist's worker skips waiting on this message (what Serwist.messageSkipWaiting sends).
    registrationRef.current?.waiting?.postMessage({ type: "SKIP_WAITING" });
    // If another tab already let the new worker in, no controllerchange is coming here.
    window.setTimeout(reload, TAKEOVER_FALLBACK_MS);
  }, []);

  const showUpdate = update !== "none" && !laterPressed;
  const installAllowed = !NO_INSTALL_OFFER.some(
    (path) => pathname === path || pathname.startsWith(`${path}/`),
  );

  return (
    <PwaNoticeStack>
      {showUpdate ? (
        <UpdateNotice
          applying={update === "applying"}
          onReload={applyUpdate}
          onLater={() => setLaterPressed(true)}
        />
      ) : null}
      <InstallPrompt suppressed={showUpdate || !installAllowed} />
    </PwaNoticeStack>
  );
}
