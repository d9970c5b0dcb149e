"use client";

import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { LoadError } from "@/components/settings/load-error";
import { ShowMore } from "@/components/admin/show-more";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { AdminUser } from "@/shared/api-types";
import { useAdminFormat } from "../use-admin-format";
import { DeleteUserDialog } from "./delete-user-dialog";
import { EditUserDialog } from "./edit-user-dialog";
import { SuspendDialog } from "./suspend-dialog";
import { roleOf, useAdminUsers } from "./use-admin-users";

function StatusBadges({ user }: { user: AdminUser }) {
  const t = useTranslations("admin.users");
  const role = roleOf(user);
  return (
    <span className="flex flex-wrap gap-1.5">
      <Badge variant={role === "admin" ? "prism" : role === "supporter" ? "primary" : "neutral"}>
        {t(`roles.${role}`)}
      </Badge>
      {user.suspended ? (
        <Badge variant="danger" data-testid="admin-user-suspended">
          {t("suspended")}
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
  const t = useTranslations("admin.users.actions");
  const email = user.email;
  return (
    <span className="flex flex-wrap gap-2">
      <Button
        size="sm"
        variant="secondary"
        onClick={() => onEdit(user)}
        aria-label={t("editLabel", { email })}
        data-testid="admin-user-edit"
      >
        {t("edit")}
      </Button>
      {isSelf ? null : (
        <Button
          size="sm"
          variant={user.suspended ? "secondary" : "ghost"}
          onClick={() => onSuspend(user)}
          aria-label={user.suspended ? t("restoreLabel", { email }) : t("suspendLabel", { email })}
          data-testid={user.suspended ? "admin-user-restore" : "admin-user-suspend"}
        >
          {user.suspended ? t("restore") : t("suspend")}
        </Button>
      )}
      {isSelf ? null : (
        <Button
          size="sm"
          variant="ghost"
          className="text-danger"
          onClick={() => onDelete(user)}
          aria-label={t("deleteLabel", { email })}
          data-testid="admin-user-delete"
        >
          {t("delete")}
        </Button>
      )}
    </span>
  );
}

/** The admin's Users section: search, the accounts (cards on phones, a table on wider screens). */
export function AdminUsersView({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations("admin.users");
  const errorText = useErrorMessage();
  const fmt = useAdminFormat();
  const limitText = (limit: number | null) =>
    limit === null ? t("defaultLimit") : fmt.count(limit);
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
        {t("heading")}
      </h2>
      <form role="search" className="flex gap-2" onSubmit={search}>
        <Label htmlFor="admin-users-q" className="sr-only">
          {t("search")}
        </Label>
        <Input
          id="admin-users-q"
          type="search"
          name="q"
          autoComplete="off"
          placeholder={t("search")}
          value={draft}
          maxLength={200}
          onChange={(event) => setDraft(event.target.value)}
          data-testid="admin-users-search"
        />
        <Button type="submit" variant="secondary" aria-label={t("searchButton")}>
          <Search aria-hidden="true" />
          <span className="hidden sm:inline">{t("searchButton")}</span>
        </Button>
      </form>

      {list.status === "loading" ? (
        <div className="flex flex-col gap-3" aria-busy="true" aria-label={t("loading")}>
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} className="h-20 w-full" />
          ))}
        </div>
      ) : list.status === "error" ? (
        <LoadError
          title={t("loadError")}
          message={errorText(list.error)}
          onRetry={list.reload}
          testId="admin-users-error"
        />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={q ? t("noMatch") : t("none")}
          description={q ? t("noMatchDescription", { q }) : undefined}
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
                  <dt>{t("columns.todayMonth")}</dt>
                  <dd className="text-ink">
                    {fmt.count(user.usage.generationsToday)} /{" "}
                    {fmt.count(user.usage.generationsThisMonth)}
                  </dd>
                  <dt>{t("columns.limitsDayMonth")}</dt>
                  <dd className="text-ink">
                    {limitText(user.dailyLimit)} / {limitText(user.monthlyLimit)}
                  </dd>
                  <dt>{t("columns.images")}</dt>
                  <dd className="text-ink">
                    {fmt.count(user.usage.images)} · {fmt.bytes(user.storageBytes)}
                  </dd>
                  <dt>{t("columns.joined")}</dt>
                  <dd className="text-ink">{fmt.date(user.createdAt)}</dd>
                </dl>
                {actions(user)}
              </li>
            ))}
          </ul>
          <div className="border-line rounded-card hidden overflow-x-auto border md:block">
            <table className="w-full text-left text-sm" data-testid="admin-users-table">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="bg-surface-raised text-ink-muted">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("columns.account")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("columns.role")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("columns.todayMonth")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("columns.limits")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("columns.images")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("columns.joined")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    <span className="sr-only">{t("columns.actions")}</span>
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
                      {fmt.count(user.usage.generationsToday)} /{" "}
                      {fmt.count(user.usage.generationsThisMonth)}
                    </td>
                    <td className="px-4 py-3 tabular-nums">
                      {limitText(user.dailyLimit)} / {limitText(user.monthlyLimit)}
                    </td>
                    <td className="px-4 py-3 tabular-nums">
                      {fmt.count(user.usage.images)}
                      <span className="text-ink-muted block">{fmt.bytes(user.storageBytes)}</span>
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap">{fmt.date(user.createdAt)}</td>
                    <td className="px-4 py-3">{actions(user)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ShowMore list={list} errorTitle={t("moreError")} testId="admin-users-more" />
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
