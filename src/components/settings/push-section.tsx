"use client";

import { BellRing, Monitor, Smartphone, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { PushDevice } from "@/shared/api-types";
import { LoadError } from "./load-error";
import { SettingsSection } from "./settings-section";
import { useDeviceText } from "./use-device-text";
import { PushSetupError, usePushDevice, type BrowserPush } from "./use-push-device";

const SECTION_ID = "notifications";

/** Why this browser cannot be switched on (a key under `settings.push.blocked`), or null when it can. */
function blockedReason(
  browser: BrowserPush,
  hostEnabled: boolean,
): "host" | "unsupported" | "noWorker" | "denied" | null {
  if (!hostEnabled) return "host";
  if (browser.kind === "unsupported") return "unsupported";
  if (browser.kind === "no-worker") return "noWorker";
  if (browser.kind === "ready" && browser.permission === "denied") return "denied";
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
  const t = useTranslations("settings.push");
  const format = useFormatter();
  const deviceText = useDeviceText();
  const name = deviceText(device.device);
  const Icon = / on (Android|iPhone|iPad)$/.test(device.device) ? Smartphone : Monitor;
  const added = format.dateTime(new Date(device.createdAt), { dateStyle: "medium" });
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
              {name}
            </p>
            {device.current ? <Badge variant="success">{t("thisDevice")}</Badge> : null}
          </div>
          <p className="text-ink-muted text-xs">
            {device.lastSuccessAt
              ? t("addedNotified", {
                  date: added,
                  notified: format.dateTime(new Date(device.lastSuccessAt), {
                    dateStyle: "medium",
                  }),
                })
              : t("addedNotYet", { date: added })}
          </p>
        </div>
      </div>
      <Button
        variant="secondary"
        size="sm"
        onClick={onRemove}
        loading={removing}
        aria-label={t(device.current ? "stopLabelCurrent" : "stopLabel", { device: name })}
        className="self-start min-[440px]:self-center"
        data-testid="push-device-remove"
      >
        {removing ? null : <Trash2 aria-hidden="true" />}
        {t("remove")}
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
  const t = useTranslations("settings.push");
  const errorText = useErrorMessage();
  const deviceText = useDeviceText();
  const { browser, state, reload, enable, remove } = usePushDevice();
  const [busy, setBusy] = useState<"enable" | string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const switchId = useId();
  // The browser's refusals are ours to word; the studio's answers go through the error codes.
  const messageOf = (error: unknown) =>
    error instanceof PushSetupError
      ? error.reason === "register"
        ? error.detail
          ? t("errors.registerBecause", { detail: error.detail })
          : t("errors.register")
        : t(`errors.${error.reason}`)
      : errorText(error);
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
          title: t("onToast"),
          description: t("onToastDescription"),
        });
      } else if (current) {
        await remove(current);
        toast({ title: t("offToast"), description: t("offToastDescription") });
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
      toast({
        title: t("removedToast"),
        description: t("removedToastDescription", { device: deviceText(device.device) }),
      });
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
      title={t("title")}
      description={t("description")}
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
            <span className="sr-only">{t("checking")}</span>
          </div>
        ) : null}
        {state.status === "error" ? (
          <LoadError
            title={t("loadError")}
            message={errorText(state.error)}
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
                  {t("notify")}
                </label>
                <p id={hintId} className="text-ink-muted text-sm" data-testid="push-state">
                  {on ? t("stateOn") : blocked ? t("stateUnavailable") : t("stateOff")}
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
              <Alert variant="info" title={t("whyOff")} data-testid="push-blocked">
                {t(`blocked.${blocked}`)}
              </Alert>
            ) : null}
            {problem ? (
              <Alert variant="danger" role="alert" title={t("problem")} data-testid="push-problem">
                {problem}
              </Alert>
            ) : null}
            <div className="border-line flex flex-col gap-3 border-t pt-5">
              <h3 className="text-ink text-sm font-semibold">{t("devices")}</h3>
              {devices.length === 0 ? (
                <p className="text-ink-muted text-sm" data-testid="push-devices-empty">
                  {t("devicesEmpty")}
                </p>
              ) : (
                <ul
                  className="divide-line flex flex-col divide-y"
                  aria-label={t("devices")}
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
