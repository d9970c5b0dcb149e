"use client";

import { Download, Filter } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { LoadError } from "@/components/settings/load-error";
import { ShowMore } from "@/components/admin/show-more";
import { buttonClasses, Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { AdminAuditEntry } from "@/shared/api-types";
import {
  auditQuery,
  EMPTY_AUDIT_FILTERS,
  useAdminAudit,
  type AuditFilters,
} from "./use-admin-audit";

/** In the reader's time zone (the provider's), with the zone's name so a time is never ambiguous. */
const TIME_FORMAT = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZoneName: "short",
} as const;

/**
 * An action's label ("Account created") when the catalogue knows the code; the code itself
 * otherwise (a new action shows up before its translation does).
 */
function useActionLabel(): (action: string) => string | null {
  const t = useTranslations("admin.actions");
  return (action) => {
    const key = action as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : null;
  };
}

function EntryItem({ entry }: { entry: AdminAuditEntry }) {
  const t = useTranslations("admin.audit.entry");
  const format = useFormatter();
  const actionLabel = useActionLabel()(entry.action);
  const details = Object.keys(entry.metadata).length > 0;
  return (
    <li
      className="border-line bg-surface rounded-card flex flex-col gap-2 border p-4"
      data-testid="admin-audit-entry"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        {actionLabel ? (
          <span className="flex min-w-0 flex-wrap items-baseline gap-x-2">
            <span className="text-ink text-sm font-semibold">{actionLabel}</span>
            <code className="text-ink-muted font-mono text-xs break-all">{entry.action}</code>
          </span>
        ) : (
          <code className="text-ink font-mono text-sm font-semibold break-all">{entry.action}</code>
        )}
        <time className="text-ink-muted text-xs" dateTime={entry.createdAt}>
          {format.dateTime(new Date(entry.createdAt), TIME_FORMAT)}
        </time>
      </div>
      <dl className="text-ink-muted grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt>{t("by")}</dt>
        <dd className="text-ink break-all">{entry.actorEmail ?? entry.actorId ?? t("noActor")}</dd>
        {entry.targetId ? (
          <>
            <dt>{t("target")}</dt>
            <dd className="text-ink break-all">
              {entry.targetType ? `${entry.targetType} ` : ""}
              {entry.targetId}
            </dd>
          </>
        ) : null}
        {entry.ip ? (
          <>
            <dt>{t("from")}</dt>
            <dd className="text-ink break-all">{entry.ip}</dd>
          </>
        ) : null}
      </dl>
      {details ? (
        <details className="text-sm">
          <summary className="text-primary cursor-pointer">{t("details")}</summary>
          <pre className="bg-surface-raised text-ink mt-2 overflow-x-auto rounded-lg p-3 text-xs break-all whitespace-pre-wrap">
            {JSON.stringify(entry.metadata, null, 2)}
          </pre>
        </details>
      ) : null}
    </li>
  );
}

/** The admin's audit log: filters, the entries newest first, and the same as CSV. */
export function AdminAuditView() {
  const t = useTranslations("admin.audit");
  const errorText = useErrorMessage();
  const [draft, setDraft] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const list = useAdminAudit(filters);
  const query = auditQuery(filters);
  const csvHref = `/api/v1/admin/audit?format=csv${query ? `&${query}` : ""}`;
  const filtered = query !== "";

  const field = (name: keyof AuditFilters) => ({
    name,
    value: draft[name],
    autoComplete: "off",
    onChange: (event: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [name]: event.target.value })),
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
  }

  return (
    <section className="flex flex-col gap-5" aria-labelledby="admin-audit-heading">
      <h2 id="admin-audit-heading" className="sr-only">
        {t("heading")}
      </h2>
      <form
        className="border-line bg-surface rounded-card grid gap-4 border p-4 sm:grid-cols-2 lg:grid-cols-3"
        onSubmit={apply}
        aria-label={t("filterLabel")}
      >
        <FormField label={t("actor")} hint={t("actorHint")}>
          <Input {...field("actor")} maxLength={200} data-testid="admin-audit-actor" />
        </FormField>
        <FormField label={t("action")} hint={t("actionHint")}>
          <Input {...field("action")} maxLength={100} data-testid="admin-audit-action" />
        </FormField>
        <FormField label={t("target")} hint={t("targetHint")}>
          <Input {...field("target")} maxLength={200} data-testid="admin-audit-target" />
        </FormField>
        <FormField label={t("from")}>
          <Input type="date" {...field("from")} data-testid="admin-audit-from" />
        </FormField>
        <FormField label={t("to")} hint={t("toHint")}>
          <Input type="date" {...field("to")} data-testid="admin-audit-to" />
        </FormField>
        <div className="flex flex-wrap items-end gap-2">
          <Button type="submit" data-testid="admin-audit-apply">
            <Filter aria-hidden="true" />
            {t("apply")}
          </Button>
          {filtered ? (
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                setDraft(EMPTY_AUDIT_FILTERS);
                setFilters(EMPTY_AUDIT_FILTERS);
              }}
            >
              {t("clear")}
            </Button>
          ) : null}
        </div>
      </form>

      <div>
        <a
          href={csvHref}
          download
          className={buttonClasses({ variant: "secondary" })}
          data-testid="admin-audit-csv"
        >
          <Download aria-hidden="true" />
          {filtered ? t("downloadCsvFiltered") : t("downloadCsv")}
        </a>
      </div>

      {list.status === "loading" ? (
        <div className="flex flex-col gap-3" aria-busy="true" aria-label={t("loading")}>
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} className="h-24 w-full" />
          ))}
        </div>
      ) : list.status === "error" ? (
        <LoadError
          title={t("loadError")}
          message={errorText(list.error)}
          onRetry={list.reload}
          testId="admin-audit-error"
        />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={filtered ? t("noMatch") : t("none")}
          description={filtered ? t("noMatchDescription") : undefined}
        />
      ) : (
        <>
          <ol className="flex flex-col gap-3" data-testid="admin-audit-list">
            {list.items.map((entry) => (
              <EntryItem key={entry.id} entry={entry} />
            ))}
          </ol>
          <ShowMore list={list} errorTitle={t("moreError")} testId="admin-audit-more" />
        </>
      )}
    </section>
  );
}
