"use client";

import { BellRing, Monitor, Smartphone, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import { ApiClientError } from "@/lib/api/errors";
import type { PushDevice } from "@/shared/api-types";
import { formatShortDate } from "./format";
import { LoadError } from "./load-error";
import { SettingsSection } from "./settings-section";
import { usePushDevice, type BrowserPush } from "./use-push-device";

const SECTION_ID = "notifications";

const messageOf = (error: unknown) =>
  error instanceof ApiClientError || error instanceof Error
    ? error.message
    : "Something went wrong. Please try again.";

/** Why this browser cannot be switched on, or null when it can. */
function blockedReason(browser: BrowserPush, hostEnabled: boolean): string | null {
  if (!hostEnabled) {
    return "The host of this studio has not set up push notifications (VAPID keys), so none can be sent. Finished images still show in your gallery, and by email if you turned that on.";
  }
  if (browser.kind === "unsupported") {
    return "This browser cannot receive push notifications. On iPhone and iPad, add the studio to your Home Screen first and open it from there.";
  }
  if (browser.kind === "no-worker") {
    return "The studio's offline worker is not running in this window (a private window, or a development build), so notifications cannot reach it. Reload the page, or open the installed app.";
  }
  if (browser.kind === "ready" && browser.permission === "denied") {
    return "Notifications are blocked for this site. Allow them in your browser's site settings, then come back here.";
  }
  return null;
}

function DeviceRow({
  device,
  removing,
  onRemove,
}: {
  device: PushDevice;
  removing: boolean;
  onRemove: () => void;
}) {
  const Icon = / on (Android|iPhone|iPad)$/.test(device.device) ? Smartphone : Monitor;
  return (
    <li
      className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 min-[440px]:flex-row min-[440px]:items-center min-[440px]:gap-4"
      data-testid="push-device"
      data-current={device.current ? "true" : undefined}
    >
      <div className="flex min-w-0 flex-1 items-start gap-3">
        <span className="bg-surface-raised text-ink-muted flex size-10 shrink-0 items-center justify-center rounded-xl">
          <Icon aria-hidden="true" className="size-5" />
        </span>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <p className="text-ink min-w-0 text-sm font-semibold [overflow-wrap:anywhere]">
              {device.device}
            </p>
            {device.current ? <Badge variant="success">This device</Badge> : null}
          </div>
          <p className="text-ink-muted text-xs">
            Added {formatShortDate(device.createdAt)}
            {device.lastSuccessAt
              ? ` · last notified ${formatShortDate(device.lastSuccessAt)}`
              : " · not notified yet"}
          </p>
        </div>
      </div>
      <Button
        variant="secondary"
        size="sm"
        onClick={onRemove}
        loading={removing}
        aria-label={`Stop notifications on ${device.device}${device.current ? " (this device)" : ""}`}
        className="self-start min-[440px]:self-center"
        data-testid="push-device-remove"
      >
        {removing ? null : <Trash2 aria-hidden="true" />}
        Remove
      </Button>
    </li>
  );
}

/**
 * Settings → Notifications on this device: Web Push when a generation finishes while no page of
 * the studio is watching it (the tab was closed). Per browser: a switch here, and the list of
 * every device that gets them, each removable.
 */
export function PushSection() {
  const { browser, state, reload, enable, remove } = usePushDevice();
  const [busy, setBusy] = useState<"enable" | string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const switchId = useId();
  const hintId = useId();

  const overview = state.status === "ready" ? state.data : null;
  const devices = overview?.subscriptions ?? [];
  const current = devices.find((device) => device.current) ?? null;
  const blocked = overview ? blockedReason(browser, overview.enabled) : null;
  const on = current !== null && browser.kind === "ready" && browser.subscription !== null;

  async function toggle(next: boolean) {
    setProblem(null);
    setBusy(next ? "enable" : (current?.id ?? "enable"));
    try {
      if (next) {
        await enable();
        toast({
          variant: "success",
          title: "Notifications on",
          description:
            "This device will be told when an image finishes while the studio is closed.",
        });
      } else if (current) {
        await remove(current);
        toast({ title: "Notifications off", description: "This device will not be notified." });
      }
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(null);
    }
  }

  async function removeDevice(device: PushDevice) {
    setProblem(null);
    setBusy(device.id);
    try {
      await remove(device);
      toast({ title: "Device removed", description: `${device.device} will not be notified.` });
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <SettingsSection
      id={SECTION_ID}
      icon={BellRing}
      title="Notifications on this device"
      description="A notification when an image you asked for is ready but the studio was closed, so you can leave a long generation and come back to it."
      testId="settings-push"
    >
      <div className="flex flex-col gap-5">
        {state.status === "loading" ? (
          <div
            role="status"
            aria-busy="true"
            className="flex flex-col gap-3"
            data-testid="push-loading"
          >
            <Skeleton className="h-7 w-64 max-w-full" />
            <Skeleton className="h-4 w-full max-w-sm" />
            <span className="sr-only">Checking notifications on this device</span>
          </div>
        ) : null}
        {state.status === "error" ? (
          <LoadError
            title="We couldn't load your notification settings"
            message={state.error.message}
            onRetry={reload}
            testId="push-error"
            retryTestId="push-retry"
          />
        ) : null}
        {overview ? (
          <>
            <div className="flex items-start justify-between gap-4">
              <div className="flex min-w-0 flex-col gap-1">
                <label htmlFor={switchId} className="text-ink text-sm font-semibold">
                  Notify this device
                </label>
                <p id={hintId} className="text-ink-muted text-sm" data-testid="push-state">
                  {on
                    ? "On: this browser is told when an image finishes while no studio page is open."
                    : blocked
                      ? "Not available here."
                      : "Off. Turning it on asks the browser for permission."}
                </p>
              </div>
              <Switch
                id={switchId}
                aria-describedby={hintId}
                checked={on}
                disabled={blocked !== null || busy !== null}
                onCheckedChange={(next) => void toggle(next)}
                data-testid="push-switch"
              />
            </div>
            {blocked ? (
              <Alert variant="info" title="Why notifications are off" data-testid="push-blocked">
                {blocked}
              </Alert>
            ) : null}
            {problem ? (
              <Alert
                variant="danger"
                role="alert"
                title="That didn't work"
                data-testid="push-problem"
              >
                {problem}
              </Alert>
            ) : null}
            <div className="border-line flex flex-col gap-3 border-t pt-5">
              <h3 className="text-ink text-sm font-semibold">Devices that get notifications</h3>
              {devices.length === 0 ? (
                <p className="text-ink-muted text-sm" data-testid="push-devices-empty">
                  None yet. Turn notifications on in each browser you want told.
                </p>
              ) : (
                <ul
                  className="divide-line flex flex-col divide-y"
                  aria-label="Devices that get notifications"
                  data-testid="push-devices"
                >
                  {devices.map((device) => (
                    <DeviceRow
                      key={device.id}
                      device={device}
                      removing={busy === device.id}
                      onRemove={() => void removeDevice(device)}
                    />
                  ))}
                </ul>
              )}
            </div>
          </>
        ) : null}
      </div>
    </SettingsSection>
  );
}
