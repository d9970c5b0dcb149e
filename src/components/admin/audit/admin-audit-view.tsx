"use client";

import { Download, Filter } from "lucide-react";
import { useState, type FormEvent } from "react";
import { LoadError } from "@/components/settings/load-error";
import { ShowMore } from "@/components/admin/show-more";
import { buttonClasses, Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import type { AdminAuditEntry } from "@/shared/api-types";
import {
  auditQuery,
  EMPTY_AUDIT_FILTERS,
  useAdminAudit,
  type AuditFilters,
} from "./use-admin-audit";

const timeFormat = new Intl.DateTimeFormat("en", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

function EntryItem({ entry }: { entry: AdminAuditEntry }) {
  const details = Object.keys(entry.metadata).length > 0;
  return (
    <li
      className="border-line bg-surface rounded-card flex flex-col gap-2 border p-4"
      data-testid="admin-audit-entry"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <code className="text-ink font-mono text-sm font-semibold break-all">{entry.action}</code>
        <time className="text-ink-muted text-xs" dateTime={entry.createdAt}>
          {timeFormat.format(new Date(entry.createdAt))}
        </time>
      </div>
      <dl className="text-ink-muted grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt>By</dt>
        <dd className="text-ink break-all">
          {entry.actorEmail ?? entry.actorId ?? "no signed-in account"}
        </dd>
        {entry.targetId ? (
          <>
            <dt>Target</dt>
            <dd className="text-ink break-all">
              {entry.targetType ? `${entry.targetType} ` : ""}
              {entry.targetId}
            </dd>
          </>
        ) : null}
        {entry.ip ? (
          <>
            <dt>From</dt>
            <dd className="text-ink break-all">{entry.ip}</dd>
          </>
        ) : null}
      </dl>
      {details ? (
        <details className="text-sm">
          <summary className="text-primary cursor-pointer">Details</summary>
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
        Audit entries
      </h2>
      <form
        className="border-line bg-surface rounded-card grid gap-4 border p-4 sm:grid-cols-2 lg:grid-cols-3"
        onSubmit={apply}
        aria-label="Filter the audit log"
      >
        <FormField label="Actor" hint="An email (or part of one) or a user id.">
          <Input {...field("actor")} maxLength={200} data-testid="admin-audit-actor" />
        </FormField>
        <FormField label="Action" hint="e.g. admin.user_update, or auth. for all sign-in events.">
          <Input {...field("action")} maxLength={100} data-testid="admin-audit-action" />
        </FormField>
        <FormField label="Target" hint="The id of the user, key or session acted on.">
          <Input {...field("target")} maxLength={200} data-testid="admin-audit-target" />
        </FormField>
        <FormField label="From">
          <Input type="date" {...field("from")} data-testid="admin-audit-from" />
        </FormField>
        <FormField label="To" hint="That whole day included.">
          <Input type="date" {...field("to")} data-testid="admin-audit-to" />
        </FormField>
        <div className="flex flex-wrap items-end gap-2">
          <Button type="submit" data-testid="admin-audit-apply">
            <Filter aria-hidden="true" />
            Apply filters
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
              Clear
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
          Download CSV{filtered ? " (these filters)" : ""}
        </a>
      </div>

      {list.status === "loading" ? (
        <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading the audit log">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} className="h-24 w-full" />
          ))}
        </div>
      ) : list.status === "error" ? (
        <LoadError
          title="The audit log could not be loaded"
          message={list.error?.message ?? "Please try again."}
          onRetry={list.reload}
          testId="admin-audit-error"
        />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={filtered ? "No entry matches these filters" : "Nothing recorded yet"}
          description={filtered ? "Try a wider date range or fewer filters." : undefined}
        />
      ) : (
        <>
          <ol className="flex flex-col gap-3" data-testid="admin-audit-list">
            {list.items.map((entry) => (
              <EntryItem key={entry.id} entry={entry} />
            ))}
          </ol>
          <ShowMore
            list={list}
            errorTitle="More entries could not be loaded"
            testId="admin-audit-more"
          />
        </>
      )}
    </section>
  );
}
