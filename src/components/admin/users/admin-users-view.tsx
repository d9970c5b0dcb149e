"use client";

import { Search } from "lucide-react";
import { useState, type FormEvent } from "react";
import { LoadError } from "@/components/settings/load-error";
import { ShowMore } from "@/components/admin/show-more";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { formatShortDate } from "@/components/settings/format";
import type { AdminUser } from "@/shared/api-types";
import { DeleteUserDialog } from "./delete-user-dialog";
import { EditUserDialog } from "./edit-user-dialog";
import { SuspendDialog } from "./suspend-dialog";
import { formatBytes, ROLE_LABELS, roleOf, useAdminUsers } from "./use-admin-users";

function limitText(limit: number | null): string {
  return limit === null ? "default" : String(limit);
}

function StatusBadges({ user }: { user: AdminUser }) {
  const role = roleOf(user);
  return (
    <span className="flex flex-wrap gap-1.5">
      <Badge variant={role === "admin" ? "prism" : role === "supporter" ? "primary" : "neutral"}>
        {ROLE_LABELS[role]}
      </Badge>
      {user.suspended ? (
        <Badge variant="danger" data-testid="admin-user-suspended">
          Suspended
        </Badge>
      ) : null}
    </span>
  );
}

function Actions({
  user,
  isSelf,
  onEdit,
  onSuspend,
  onDelete,
}: {
  user: AdminUser;
  isSelf: boolean;
  onEdit: (user: AdminUser) => void;
  onSuspend: (user: AdminUser) => void;
  onDelete: (user: AdminUser) => void;
}) {
  return (
    <span className="flex flex-wrap gap-2">
      <Button
        size="sm"
        variant="secondary"
        onClick={() => onEdit(user)}
        aria-label={`Edit ${user.email}`}
        data-testid="admin-user-edit"
      >
        Edit
      </Button>
      {isSelf ? null : (
        <Button
          size="sm"
          variant={user.suspended ? "secondary" : "ghost"}
          onClick={() => onSuspend(user)}
          aria-label={`${user.suspended ? "Restore" : "Suspend"} ${user.email}`}
          data-testid={user.suspended ? "admin-user-restore" : "admin-user-suspend"}
        >
          {user.suspended ? "Restore" : "Suspend"}
        </Button>
      )}
      {isSelf ? null : (
        <Button
          size="sm"
          variant="ghost"
          className="text-danger"
          onClick={() => onDelete(user)}
          aria-label={`Delete ${user.email}`}
          data-testid="admin-user-delete"
        >
          Delete
        </Button>
      )}
    </span>
  );
}

/** The admin's Users section: search, the accounts (cards on phones, a table on wider screens). */
export function AdminUsersView({ currentUserId }: { currentUserId: string }) {
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState("");
  const list = useAdminUsers(q);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [confirming, setConfirming] = useState<AdminUser | null>(null);
  const [deleting, setDeleting] = useState<AdminUser | null>(null);

  function search(event: FormEvent) {
    event.preventDefault();
    setQ(draft.trim());
  }

  const actions = (user: AdminUser) => (
    <Actions
      user={user}
      isSelf={user.id === currentUserId}
      onEdit={setEditing}
      onSuspend={setConfirming}
      onDelete={setDeleting}
    />
  );

  return (
    <section className="flex flex-col gap-5" aria-labelledby="admin-users-heading">
      <h2 id="admin-users-heading" className="sr-only">
        Accounts
      </h2>
      <form role="search" className="flex gap-2" onSubmit={search}>
        <Label htmlFor="admin-users-q" className="sr-only">
          Search by email or name
        </Label>
        <Input
          id="admin-users-q"
          type="search"
          name="q"
          autoComplete="off"
          placeholder="Search by email or name"
          value={draft}
          maxLength={200}
          onChange={(event) => setDraft(event.target.value)}
          data-testid="admin-users-search"
        />
        <Button type="submit" variant="secondary" aria-label="Search">
          <Search aria-hidden="true" />
          <span className="hidden sm:inline">Search</span>
        </Button>
      </form>

      {list.status === "loading" ? (
        <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading accounts">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} className="h-20 w-full" />
          ))}
        </div>
      ) : list.status === "error" ? (
        <LoadError
          title="The accounts could not be loaded"
          message={list.error?.message ?? "Please try again."}
          onRetry={list.reload}
          testId="admin-users-error"
        />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={q ? "No account matches" : "No accounts yet"}
          description={q ? `Nothing has “${q}” in its email or name.` : undefined}
        />
      ) : (
        <>
          <ul className="flex flex-col gap-3 md:hidden" data-testid="admin-users-cards">
            {list.items.map((user) => (
              <li
                key={user.id}
                className="border-line bg-surface rounded-card flex flex-col gap-2 border p-4"
                data-testid="admin-user-card"
              >
                <div className="flex flex-col gap-0.5">
                  <span className="text-ink font-semibold break-words">{user.name || "—"}</span>
                  <span className="text-ink-muted text-sm break-all">{user.email}</span>
                </div>
                <StatusBadges user={user} />
                <dl className="text-ink-muted grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                  <dt>Today / month</dt>
                  <dd className="text-ink">
                    {user.usage.generationsToday} / {user.usage.generationsThisMonth}
                  </dd>
                  <dt>Limits (day / month)</dt>
                  <dd className="text-ink">
                    {limitText(user.dailyLimit)} / {limitText(user.monthlyLimit)}
                  </dd>
                  <dt>Images</dt>
                  <dd className="text-ink">
                    {user.usage.images} · {formatBytes(user.storageBytes)}
                  </dd>
                  <dt>Joined</dt>
                  <dd className="text-ink">{formatShortDate(user.createdAt)}</dd>
                </dl>
                {actions(user)}
              </li>
            ))}
          </ul>
          <div className="border-line rounded-card hidden overflow-x-auto border md:block">
            <table className="w-full text-left text-sm" data-testid="admin-users-table">
              <caption className="sr-only">Accounts, newest first</caption>
              <thead className="bg-surface-raised text-ink-muted">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Account
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Role
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Today / month
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Limits
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Images
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Joined
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-line divide-y">
                {list.items.map((user) => (
                  <tr key={user.id} className="bg-surface" data-testid="admin-user-row">
                    <td className="max-w-72 px-4 py-3">
                      <span className="text-ink block font-medium break-words">
                        {user.name || "—"}
                      </span>
                      <span className="text-ink-muted block break-all">{user.email}</span>
                    </td>
                    <td className="px-4 py-3">
                      <StatusBadges user={user} />
                    </td>
                    <td className="px-4 py-3 tabular-nums">
                      {user.usage.generationsToday} / {user.usage.generationsThisMonth}
                    </td>
                    <td className="px-4 py-3 tabular-nums">
                      {limitText(user.dailyLimit)} / {limitText(user.monthlyLimit)}
                    </td>
                    <td className="px-4 py-3 tabular-nums">
                      {user.usage.images}
                      <span className="text-ink-muted block">{formatBytes(user.storageBytes)}</span>
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap">
                      {formatShortDate(user.createdAt)}
                    </td>
                    <td className="px-4 py-3">{actions(user)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ShowMore
            list={list}
            errorTitle="More accounts could not be loaded"
            testId="admin-users-more"
          />
        </>
      )}

      <EditUserDialog
        user={editing}
        currentUserId={currentUserId}
        onClose={() => setEditing(null)}
      />
      <SuspendDialog user={confirming} onClose={() => setConfirming(null)} />
      <DeleteUserDialog user={deleting} onClose={() => setDeleting(null)} />
    </section>
  );
}
