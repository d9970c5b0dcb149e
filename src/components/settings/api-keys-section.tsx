"use client";

import { SquareTerminal, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { ApiClientError } from "@/lib/api/errors";
import { useApiMutation } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { ApiKey, CreatedApiKey } from "@/shared/api-types";
import { MAX_ACTIVE_API_KEYS } from "@/shared/limits";
import { ApiKeyCreateForm, CreatedApiKeyPanel, SCOPE_LABELS } from "./api-key-create-form";
import { LoadError } from "./load-error";
import { SettingsSection } from "./settings-section";
import { useApiKeys } from "./use-api-keys";

const SECTION_ID = "api-keys";

const displayKey = (apiKey: ApiKey) => `ais_${apiKey.prefix}…`;

function ApiKeyRow({
  apiKey,
  now,
  onRevoke,
}: {
  apiKey: ApiKey;
  now: number;
  onRevoke: () => void;
}) {
  const t = useTranslations("settings.apiKeys");
  const format = useFormatter();
  const dateOf = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });
  const expired = apiKey.expiresAt !== null && Date.parse(apiKey.expiresAt) <= now;
  return (
    <li
      className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:gap-6"
      data-testid="api-key-row"
      data-key-id={apiKey.id}
    >
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <p className="text-ink min-w-0 text-sm font-semibold [overflow-wrap:anywhere]">
            {apiKey.name}
          </p>
          <code
            className="bg-surface-raised text-ink-muted rounded-md px-1.5 py-0.5 font-mono text-xs"
            aria-label={t("keyStarting", { prefix: apiKey.prefix })}
          >
            {displayKey(apiKey)}
          </code>
          {expired ? <Badge variant="danger">{t("expired")}</Badge> : null}
        </div>
        <ul className="flex flex-wrap gap-1.5" aria-label={t("scopes")}>
          {apiKey.scopes.map((scope) => (
            <li key={scope}>
              <Badge
                variant={scope === "images:write" ? "warning" : "primary"}
                title={t(SCOPE_LABELS[scope].description)}
              >
                {t(SCOPE_LABELS[scope].title)}
              </Badge>
            </li>
          ))}
        </ul>
        <dl className="text-ink-muted flex flex-wrap gap-x-4 gap-y-0.5 text-xs">
          <div className="flex gap-1">
            <dt>{t("created")}</dt>
            <dd className="text-ink">{dateOf(apiKey.createdAt)}</dd>
          </div>
          <div className="flex gap-1">
            <dt>{t("lastUsed")}</dt>
            <dd className="text-ink">
              {apiKey.lastUsedAt ? dateOf(apiKey.lastUsedAt) : t("never")}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>{expired ? t("expired") : t("expires")}</dt>
            <dd className={expired ? "text-danger" : "text-ink"}>
              {apiKey.expiresAt ? dateOf(apiKey.expiresAt) : t("never")}
            </dd>
          </div>
        </dl>
      </div>
      <Button
        variant="secondary"
        size="sm"
        onClick={onRevoke}
        aria-label={t("revokeLabel", { name: apiKey.name })}
        className="self-start sm:self-center"
        data-testid="api-key-revoke"
      >
        <Trash2 aria-hidden="true" />
        {t("revoke")}
      </Button>
    </li>
  );
}

function RevokeDialog({
  apiKey,
  onOpenChange,
  onRevoked,
}: {
  apiKey: ApiKey | null;
  onOpenChange: (open: boolean) => void;
  onRevoked: (apiKey: ApiKey) => void;
}) {
  const t = useTranslations("settings.apiKeys");
  const errorText = useErrorMessage();
  const revocation = useApiMutation({
    mutationFn: async (target: ApiKey) => {
      try {
        await apiFetch<unknown>(`/api/v1/api-keys/${encodeURIComponent(target.id)}`, {
          method: "DELETE",
        });
      } catch (caught) {
        // Already gone (revoked in another tab): the outcome the user asked for.
        if (!(caught instanceof ApiClientError && caught.code === "NOT_FOUND")) throw caught;
      }
    },
    errorToast: false,
    onSuccess: (_data, target) => onRevoked(target),
  });
  const revoking = revocation.isPending;
  const error = revocation.error ? errorText(revocation.error) : null;

  return (
    <Dialog
      open={apiKey !== null}
      onOpenChange={(next) => {
        if (!revoking) onOpenChange(next);
        if (!next) revocation.reset();
      }}
    >
      <DialogContent data-testid="api-key-revoke-dialog">
        <DialogHeader>
          <DialogTitle>{t("revokeTitle", { name: apiKey?.name ?? "" })}</DialogTitle>
          <DialogDescription>
            {t.rich("revokeDescription", {
              key: apiKey ? displayKey(apiKey) : "",
              code: (chunks) => <code className="font-mono text-xs">{chunks}</code>,
            })}
          </DialogDescription>
        </DialogHeader>
        {error ? (
          <Alert variant="danger" role="alert" title={t("revokeFailed")}>
            {error}
          </Alert>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={revoking}>
              {t("cancel")}
            </Button>
          </DialogClose>
          <Button
            variant="danger"
            loading={revoking}
            onClick={() => apiKey && revocation.mutate(apiKey)}
            data-testid="api-key-revoke-confirm"
          >
            {revoking ? null : <Trash2 aria-hidden="true" />}
            {t("revokeKey")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function ListSkeleton() {
  const t = useTranslations("settings.apiKeys");
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label={t("loading")}
      className="flex flex-col gap-5"
      data-testid="api-keys-loading"
    >
      {[0, 1].map((index) => (
        <div key={index} className="flex items-center justify-between gap-6">
          <div className="flex flex-1 flex-col gap-2">
            <Skeleton className="h-4 w-48" />
            <Skeleton className="h-3.5 w-full max-w-xs" />
          </div>
          <Skeleton radius="full" className="h-9 w-24" />
        </div>
      ))}
      <span className="sr-only">{t("loading")}</span>
    </div>
  );
}

/** Personal API keys for scripts: list, create (the key is shown once) and revoke. */
export function ApiKeysSection() {
  const t = useTranslations("settings.apiKeys");
  const errorText = useErrorMessage();
  const { state, reload, added, revoked } = useApiKeys();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  // This section appears only once the profile has loaded, after the browser has tried (and
  // failed) to scroll to #api-keys; scroll now so links to /settings#api-keys land here.
  useEffect(() => {
    if (window.location.hash === `#${SECTION_ID}`) {
      document.getElementById(SECTION_ID)?.scrollIntoView({ block: "start" });
    }
  }, []);

  const keys = state.status === "ready" ? state.data : [];
  const atLimit = keys.length >= MAX_ACTIVE_API_KEYS;

  return (
    <SettingsSection
      id={SECTION_ID}
      icon={SquareTerminal}
      title={t("title")}
      aside={
        state.status === "ready" ? (
          <Badge variant={keys.length > 0 ? "primary" : "neutral"} data-testid="api-keys-count">
            {t("count", { count: keys.length, max: MAX_ACTIVE_API_KEYS })}
          </Badge>
        ) : null
      }
      description={t.rich("description", {
        code: (chunks) => <code className="font-mono text-xs">{chunks}</code>,
      })}
      testId="settings-api-keys"
    >
      <div className="flex flex-col gap-6">
        {created ? <CreatedApiKeyPanel created={created} onDone={() => setCreated(null)} /> : null}

        {state.status === "loading" ? <ListSkeleton /> : null}
        {state.status === "error" ? (
          <LoadError
            title={t("loadError")}
            message={errorText(state.error)}
            onRetry={reload}
            testId="api-keys-error"
            retryTestId="api-keys-retry"
          />
        ) : null}
        {state.status === "ready" && keys.length === 0 ? (
          <EmptyState
            headingLevel="h3"
            title={t("emptyTitle")}
            description={t("emptyDescription")}
            className="py-8 shadow-none sm:py-8"
          />
        ) : null}
        {state.status === "ready" && keys.length > 0 ? (
          <ul
            className="divide-line flex flex-col divide-y"
            aria-label={t("listLabel")}
            data-testid="api-keys-list"
          >
            {keys.map((apiKey) => (
              <ApiKeyRow
                key={apiKey.id}
                apiKey={apiKey}
                now={state.loadedAt}
                onRevoke={() => setRevoking(apiKey)}
              />
            ))}
          </ul>
        ) : null}

        {state.status === "ready" ? (
          <ApiKeyCreateForm
            atLimit={atLimit}
            onCreated={(next) => {
              added(next.apiKey);
              setCreated(next);
            }}
          />
        ) : null}
      </div>

      <RevokeDialog
        apiKey={revoking}
        onOpenChange={(open) => {
          if (!open) setRevoking(null);
        }}
        onRevoked={(target) => {
          setRevoking(null);
          revoked(target.id);
          if (created?.apiKey.id === target.id) setCreated(null);
          toast({
            title: t("revokedToast"),
            description: t("revokedToastDescription", {
              name: target.name,
              key: displayKey(target),
            }),
          });
        }}
      />
    </SettingsSection>
  );
}
