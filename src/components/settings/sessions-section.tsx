"use client";

import { LogOut, Monitor, MonitorSmartphone, Smartphone, SquareTerminal } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { ApiClientError } from "@/lib/api/errors";
import { useApiMutation } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { SessionInfo } from "@/shared/api-types";
import { formatLastSeen } from "./last-seen";
import { LoadError } from "./load-error";
import { SettingsSection } from "./settings-section";
import { useDeviceText } from "./use-device-text";
import { useSessions } from "./use-sessions";

const SECTION_ID = "sessions";

function DeviceIcon({ device }: { device: string }) {
  const Icon = / on (Android|iPhone)$/.test(device)
    ? Smartphone
    : / on /.test(device)
      ? Monitor
      : SquareTerminal;
  return (
    <span className="bg-surface-raised text-ink-muted flex size-10 shrink-0 items-center justify-center rounded-xl">
      <Icon aria-hidden="true" className="size-5" />
    </span>
  );
}

function SessionRow({
  session,
  now,
  signingOut,
  onSignOut,
}: {
  session: SessionInfo;
  now: number;
  signingOut: boolean;
  onSignOut: () => void;
}) {
  const t = useTranslations("settings.sessions");
  const format = useFormatter();
  const deviceText = useDeviceText();
  const device = deviceText(session.device);
  const lastSeen = session.current
    ? t("now")
    : (formatLastSeen(format, session.lastSeenAt, now) ?? t("justNow"));
  return (
    <li
      className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 min-[440px]:flex-row min-[440px]:items-center min-[440px]:gap-4"
      data-testid="session-row"
      data-session-id={session.id}
      data-current={session.current ? "true" : undefined}
    >
      <div className="flex min-w-0 flex-1 items-start gap-3">
        <DeviceIcon device={session.device} />
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <p className="text-ink min-w-0 text-sm font-semibold [overflow-wrap:anywhere]">
              {device}
            </p>
            {session.current ? (
              <Badge variant="success" data-testid="session-current">
                {t("thisDevice")}
              </Badge>
            ) : null}
          </div>
          <dl className="text-ink-muted flex flex-wrap gap-x-4 gap-y-0.5 text-xs">
            <div className="flex gap-1">
              <dt>{t("lastActive")}</dt>
              <dd className="text-ink">
                <time
                  dateTime={session.lastSeenAt}
                  title={format.dateTime(new Date(session.lastSeenAt), {
                    dateStyle: "full",
                    timeStyle: "long",
                  })}
                >
                  {lastSeen}
                </time>
              </dd>
            </div>
            <div className="flex min-w-0 gap-1">
              <dt>{t("from")}</dt>
              <dd className="text-ink font-mono [overflow-wrap:anywhere]">
                {session.ip ?? t("unknownAddress")}
              </dd>
            </div>
            <div className="flex gap-1">
              <dt>{t("signedIn")}</dt>
              <dd className="text-ink">
                {format.dateTime(new Date(session.createdAt), { dateStyle: "medium" })}
              </dd>
            </div>
          </dl>
        </div>
      </div>
      {session.current ? null : (
        <Button
          variant="secondary"
          size="sm"
          onClick={onSignOut}
          loading={signingOut}
          aria-label={t("signOutLabel", { device, lastSeen })}
          className="self-start min-[440px]:self-center"
          data-testid="session-sign-out"
        >
          {signingOut ? null : <LogOut aria-hidden="true" />}
          {t("signOut")}
        </Button>
      )}
    </li>
  );
}

function ListSkeleton() {
  const t = useTranslations("settings.sessions");
  return (
    <div
      role="status"
      aria-busy="true"
      className="flex flex-col gap-5"
      data-testid="sessions-loading"
    >
      {[0, 1].map((index) => (
        <div key={index} className="flex items-center gap-3">
          <Skeleton className="size-10 rounded-xl" />
          <div className="flex flex-1 flex-col gap-2">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-3.5 w-full max-w-xs" />
          </div>
        </div>
      ))}
      <span className="sr-only">{t("loading")}</span>
    </div>
  );
}

/** Where the account is signed in: each device with when and where it was last seen; sign out one, or all but this one. */
export function SessionsSection() {
  const t = useTranslations("settings.sessions");
  const errorText = useErrorMessage();
  const deviceText = useDeviceText();
  const { state, reload, ended, othersEnded } = useSessions();
  const [pending, setPending] = useState<string | null>(null);

  const signOutOne = useApiMutation({
    mutationFn: async (session: SessionInfo) => {
      try {
        await apiFetch<unknown>(`/api/v1/auth/sessions/${encodeURIComponent(session.id)}`, {
          method: "DELETE",
        });
      } catch (caught) {
        // Already gone (signed out elsewhere, or expired): the outcome the user asked for.
        if (!(caught instanceof ApiClientError && caught.code === "NOT_FOUND")) throw caught;
      }
    },
    errorToast: (session) => t("signOutFailed", { device: deviceText(session.device) }),
    onMutate: (session) => setPending(session.id),
    onSettled: () => setPending(null),
    onSuccess: (_data, session) => {
      ended(session.id);
      toast({
        variant: "success",
        title: t("signedOut"),
        description: t("signedOutDescription", { device: deviceText(session.device) }),
      });
    },
  });

  const signOutOthers = useApiMutation({
    mutationFn: () => apiFetch<{ ended: number }>("/api/v1/auth/sessions", { method: "DELETE" }),
    errorToast: t("othersFailed"),
    onSuccess: ({ ended: count }) => {
      othersEnded();
      toast({
        variant: "success",
        title: t("othersSignedOut"),
        description: t("othersSignedOutDescription", { count }),
      });
    },
  });

  const sessions = state.status === "ready" ? state.data : [];
  const others = sessions.filter((session) => !session.current).length;

  return (
    <SettingsSection
      id={SECTION_ID}
      icon={MonitorSmartphone}
      title={t("title")}
      aside={
        state.status === "ready" ? (
          <Badge variant="neutral" data-testid="sessions-count">
            {t("count", { count: sessions.length })}
          </Badge>
        ) : null
      }
      description={t("description")}
      testId="settings-sessions"
    >
      <div className="flex flex-col gap-6">
        {state.status === "loading" ? <ListSkeleton /> : null}
        {state.status === "error" ? (
          <LoadError
            title={t("loadError")}
            message={errorText(state.error)}
            onRetry={reload}
            testId="sessions-error"
            retryTestId="sessions-retry"
          />
        ) : null}
        {state.status === "ready" && sessions.length === 0 ? (
          <EmptyState
            headingLevel="h3"
            title={t("emptyTitle")}
            description={t("emptyDescription")}
            className="py-8 shadow-none sm:py-8"
          />
        ) : null}
        {state.status === "ready" && sessions.length > 0 ? (
          <ul
            className="divide-line flex flex-col divide-y"
            aria-label={t("listLabel")}
            data-testid="sessions-list"
          >
            {sessions.map((session) => (
              <SessionRow
                key={session.id}
                session={session}
                now={state.loadedAt}
                signingOut={pending === session.id}
                onSignOut={() => signOutOne.mutate(session)}
              />
            ))}
          </ul>
        ) : null}
        {state.status === "ready" ? (
          <div className="border-line flex flex-col gap-3 border-t pt-5 min-[440px]:flex-row min-[440px]:items-center min-[440px]:justify-between">
            <p className="text-ink-muted text-sm" data-testid="sessions-others-note">
              {others === 0 ? t("onlyThis") : t("othersNote")}
            </p>
            <Button
              variant="secondary"
              onClick={() => signOutOthers.mutate()}
              loading={signOutOthers.isPending}
              disabled={others === 0}
              className="self-start min-[440px]:self-center"
              data-testid="sessions-sign-out-others"
            >
              {signOutOthers.isPending ? null : <LogOut aria-hidden="true" />}
              {t("signOutOthers")}
            </Button>
          </div>
        ) : null}
      </div>
    </SettingsSection>
  );
}
