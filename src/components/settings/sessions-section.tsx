"use client";

import { LogOut, Monitor, MonitorSmartphone, Smartphone, SquareTerminal } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { ApiClientError } from "@/lib/api/errors";
import { useApiMutation } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import type { SessionInfo } from "@/shared/api-types";
import { formatShortDate } from "./format";
import { formatLastSeen } from "./last-seen";
import { LoadError } from "./load-error";
import { SettingsSection } from "./settings-section";
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
  const lastSeen = session.current ? "now" : formatLastSeen(session.lastSeenAt, now);
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
              {session.device}
            </p>
            {session.current ? (
              <Badge variant="success" data-testid="session-current">
                This device
              </Badge>
            ) : null}
          </div>
          <dl className="text-ink-muted flex flex-wrap gap-x-4 gap-y-0.5 text-xs">
            <div className="flex gap-1">
              <dt>Last active</dt>
              <dd className="text-ink">
                <time dateTime={session.lastSeenAt} title={new Date(session.lastSeenAt).toString()}>
                  {lastSeen}
                </time>
              </dd>
            </div>
            <div className="flex min-w-0 gap-1">
              <dt>From</dt>
              <dd className="text-ink font-mono [overflow-wrap:anywhere]">
                {session.ip ?? "unknown address"}
              </dd>
            </div>
            <div className="flex gap-1">
              <dt>Signed in</dt>
              <dd className="text-ink">{formatShortDate(session.createdAt)}</dd>
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
          aria-label={`Sign out ${session.device}, last active ${lastSeen}`}
          className="self-start min-[440px]:self-center"
          data-testid="session-sign-out"
        >
          {signingOut ? null : <LogOut aria-hidden="true" />}
          Sign out
        </Button>
      )}
    </li>
  );
}

function ListSkeleton() {
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
      <span className="sr-only">Loading where you are signed in</span>
    </div>
  );
}

/** Where the account is signed in: each device with when and where it was last seen; sign out one, or all but this one. */
export function SessionsSection() {
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
    errorToast: (session) => `Couldn't sign out ${session.device}`,
    onMutate: (session) => setPending(session.id),
    onSettled: () => setPending(null),
    onSuccess: (_data, session) => {
      ended(session.id);
      toast({
        variant: "success",
        title: "Signed out",
        description: `${session.device} can no longer use your account.`,
      });
    },
  });

  const signOutOthers = useApiMutation({
    mutationFn: () => apiFetch<{ ended: number }>("/api/v1/auth/sessions", { method: "DELETE" }),
    errorToast: "Couldn't sign out the other devices",
    onSuccess: ({ ended: count }) => {
      othersEnded();
      toast({
        variant: "success",
        title: "Signed out everywhere else",
        description:
          count === 1
            ? "1 other device was signed out. This one stays signed in."
            : `${count} other devices were signed out. This one stays signed in.`,
      });
    },
  });

  const sessions = state.status === "ready" ? state.data : [];
  const others = sessions.filter((session) => !session.current).length;

  return (
    <SettingsSection
      id={SECTION_ID}
      icon={MonitorSmartphone}
      title="Sessions"
      aside={
        state.status === "ready" ? (
          <Badge variant="neutral" data-testid="sessions-count">
            {sessions.length === 1 ? "1 device" : `${sessions.length} devices`}
          </Badge>
        ) : null
      }
      description="Where your account is signed in. Sign out any device you don't recognise, then change your password."
      testId="settings-sessions"
    >
      <div className="flex flex-col gap-6">
        {state.status === "loading" ? <ListSkeleton /> : null}
        {state.status === "error" ? (
          <LoadError
            title="We couldn't load where you are signed in"
            message={state.error.message}
            onRetry={reload}
            testId="sessions-error"
            retryTestId="sessions-retry"
          />
        ) : null}
        {state.status === "ready" && sessions.length === 0 ? (
          <EmptyState
            headingLevel="h3"
            title="No sessions to show"
            description="Sessions appear here once they have been used."
            className="py-8 shadow-none sm:py-8"
          />
        ) : null}
        {state.status === "ready" && sessions.length > 0 ? (
          <ul
            className="divide-line flex flex-col divide-y"
            aria-label="Signed-in devices"
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
              {others === 0
                ? "Only this device is signed in."
                : "Sign out every device except this one."}
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
              Sign out everywhere else
            </Button>
          </div>
        ) : null}
      </div>
    </SettingsSection>
  );
}
