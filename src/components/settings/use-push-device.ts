"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { ApiClientError } from "@/lib/api/errors";
import { useApiQuery } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import type { PushDevice, PushOverview } from "@/shared/api-types";
import { resourceState } from "./settings-data";

const PUSH_KEY = "push-devices";

/**
 * Why switching notifications on failed before the studio was asked: `reason` names the message
 * (`settings.push.errors.<reason>`), `detail` is what the browser said, if anything.
 */
export class PushSetupError extends Error {
  constructor(
    readonly reason: "unsupported" | "notSetUp" | "blocked" | "notAllowed" | "register",
    readonly detail: string | null = null,
  ) {
    super(`push setup failed: ${reason}${detail ? ` (${detail})` : ""}`);
    this.name = "PushSetupError";
  }
}

/** What this browser can do about Web Push, before asking the studio anything. */
export type BrowserPush =
  | { kind: "probing" }
  /** No Push API or Notification API (e.g. Safari on iOS outside an installed app). */
  | { kind: "unsupported" }
  /** No service worker controls the studio here (development build, private window). */
  | { kind: "no-worker" }
  | {
      kind: "ready";
      registration: ServiceWorkerRegistration;
      permission: NotificationPermission;
      /** This browser's subscription, if it has one. */
      subscription: PushSubscription | null;
    };

/** The VAPID public key (base64url) as the bytes pushManager.subscribe wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let index = 0; index < raw.length; index++) bytes[index] = raw.charCodeAt(index);
  return bytes;
}

/** Whether a subscription was made for this VAPID key (a host that changed keys needs a new one). */
function madeFor(subscription: PushSubscription, publicKey: string): boolean {
  const key = subscription.options.applicationServerKey;
  if (!key) return false;
  const expected = keyBytes(publicKey);
  const actual = new Uint8Array(key);
  return actual.length === expected.length && actual.every((byte, i) => byte === expected[i]);
}

async function probe(): Promise<BrowserPush> {
  if (
    typeof window === "undefined" ||
    !("serviceWorker" in navigator) ||
    !("PushManager" in window) ||
    typeof Notification === "undefined"
  ) {
    return { kind: "unsupported" };
  }
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration) return { kind: "no-worker" };
  const subscription = await registration.pushManager.getSubscription().catch(() => null);
  return { kind: "ready", registration, permission: Notification.permission, subscription };
}

/**
 * Settings → Notifications on this device: this browser's Push API state, the studio's answer
 * (is push set up, the VAPID key, the person's devices with this one marked), and the actions
 * that turn it on or off here and remove other devices.
 */
export function usePushDevice() {
  const queryClient = useQueryClient();
  const [browser, setBrowser] = useState<BrowserPush>({ kind: "probing" });

  const reprobe = useCallback(async () => {
    setBrowser(await probe().catch((): BrowserPush => ({ kind: "unsupported" })));
  }, []);
  useEffect(() => {
    void reprobe();
  }, [reprobe]);

  const endpoint = browser.kind === "ready" ? (browser.subscription?.endpoint ?? null) : null;
  const probed = browser.kind !== "probing";
  const query = useApiQuery<PushOverview>(
    [PUSH_KEY, endpoint],
    `/api/v1/notifications/push${endpoint ? `?endpoint=${encodeURIComponent(endpoint)}` : ""}`,
    { enabled: probed, staleTime: 0 },
  );
  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: [PUSH_KEY] });
  }, [queryClient]);

  /** Asks for permission, subscribes this browser and tells the studio; throws what went wrong. */
  const enable = useCallback(async (): Promise<void> => {
    if (browser.kind !== "ready") throw new PushSetupError("unsupported");
    const publicKey = query.data?.publicKey;
    if (!publicKey) throw new PushSetupError("notSetUp");
    const permission = await Notification.requestPermission();
    if (permission !== "granted") {
      await reprobe();
      throw new PushSetupError(permission === "denied" ? "blocked" : "notAllowed");
    }
    const manager = browser.registration.pushManager;
    let subscription = await manager.getSubscription();
    if (subscription && !madeFor(subscription, publicKey)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    try {
      subscription ??= await manager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(publicKey),
      });
    } catch (error) {
      // The browser's own push service (Google's, Mozilla's, Apple's) refused or was unreachable.
      throw new PushSetupError(
        "register",
        error instanceof Error && error.message ? error.message : null,
      );
    }
    const json = subscription.toJSON();
    try {
      await apiFetch<PushDevice>("/api/v1/notifications/push", {
        method: "POST",
        json: { endpoint: json.endpoint, keys: json.keys },
      });
    } catch (error) {
      // The studio did not take it: leave no subscription it cannot use.
      await subscription.unsubscribe().catch(() => undefined);
      throw error;
    }
    await reprobe();
    await refresh();
  }, [browser, query.data?.publicKey, reprobe, refresh]);

  /** Forgets a device at the studio; this browser's own also unsubscribes here. */
  const remove = useCallback(
    async (device: PushDevice): Promise<void> => {
      try {
        await apiFetch<unknown>(`/api/v1/notifications/push/${encodeURIComponent(device.id)}`, {
          method: "DELETE",
        });
      } catch (error) {
        // Already gone (removed elsewhere, or the push service expired it): what was asked for.
        if (!(error instanceof ApiClientError && error.code === "NOT_FOUND")) throw error;
      }
      if (device.current && browser.kind === "ready" && browser.subscription) {
        await browser.subscription.unsubscribe().catch(() => undefined);
        await reprobe();
      }
      await refresh();
    },
    [browser, reprobe, refresh],
  );

  return {
    browser,
    state: probed ? resourceState(query) : ({ status: "loading" } as const),
    reload: () => void query.refetch(),
    enable,
    remove,
  };
}
