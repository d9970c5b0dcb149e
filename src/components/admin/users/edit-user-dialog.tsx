"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { AdminUser } from "@/shared/api-types";
import { ROLE_LABELS, roleOf, useUpdateAdminUser, type AdminUserChange } from "./use-admin-users";

const ROLE_OPTIONS = (["user", "supporter", "admin"] as const).map((value) => ({
  value,
  label: ROLE_LABELS[value],
}));

/** Empty: the studio's default; else a whole number from 0. */
function parseLimit(text: string): { value: number | null; error: string | null } {
  const trimmed = text.trim();
  if (trimmed === "") return { value: null, error: null };
  if (!/^\d{1,7}$/.test(trimmed) || Number(trimmed) > 1_000_000)
    return { value: null, error: "Use a whole number from 0 to 1,000,000, or leave it empty." };
  return { value: Number(trimmed), error: null };
}

function EditUserForm({
  user,
  isSelf,
  onDone,
}: {
  user: AdminUser;
  isSelf: boolean;
  onDone: () => void;
}) {
  const update = useUpdateAdminUser();
  const [role, setRole] = useState(roleOf(user));
  const [daily, setDaily] = useState(user.dailyLimit === null ? "" : String(user.dailyLimit));
  const [monthly, setMonthly] = useState(
    user.monthlyLimit === null ? "" : String(user.monthlyLimit),
  );
  const [shown, setShown] = useState(false);
  const dailyLimit = parseLimit(daily);
  const monthlyLimit = parseLimit(monthly);

  function submit(event: FormEvent) {
    event.preventDefault();
    setShown(true);
    if (dailyLimit.error || monthlyLimit.error) return;
    const patch: AdminUserChange["patch"] = {};
    if (role !== roleOf(user)) patch.role = role;
    if (dailyLimit.value !== user.dailyLimit) patch.dailyLimit = dailyLimit.value;
    if (monthlyLimit.value !== user.monthlyLimit) patch.monthlyLimit = monthlyLimit.value;
    if (Object.keys(patch).length === 0) {
      onDone();
      return;
    }
    update.mutate({ id: user.id, patch }, { onSuccess: onDone });
  }

  return (
    <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
      <FormField
        label="Role"
        hint={
          isSelf
            ? "You cannot take away your own admin role."
            : "Supporters get the supporter rate limits; admins have no quota and see this section."
        }
      >
        <Select
          name="role"
          value={role}
          options={ROLE_OPTIONS}
          disabled={isSelf}
          onChange={(event) => setRole(event.target.value as typeof role)}
          data-testid="admin-user-role"
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label="Daily limit"
          hint="Images a day. Empty: the studio's default."
          error={shown ? dailyLimit.error : null}
        >
          <Input
            name="dailyLimit"
            inputMode="numeric"
            autoComplete="off"
            value={daily}
            onChange={(event) => setDaily(event.target.value)}
            data-testid="admin-user-daily"
          />
        </FormField>
        <FormField
          label="Monthly limit"
          hint="Images a month. Empty: the studio's default."
          error={shown ? monthlyLimit.error : null}
        >
          <Input
            name="monthlyLimit"
            inputMode="numeric"
            autoComplete="off"
            value={monthly}
            onChange={(event) => setMonthly(event.target.value)}
            data-testid="admin-user-monthly"
          />
        </FormField>
      </div>
      {update.error ? (
        <Alert variant="danger" role="alert" title="The change was not saved">
          {update.error.message}
        </Alert>
      ) : null}
      <DialogFooter>
        <Button type="button" variant="secondary" onClick={onDone} disabled={update.isPending}>
          Cancel
        </Button>
        <Button type="submit" disabled={update.isPending} data-testid="admin-user-save">
          {update.isPending ? "Saving…" : "Save changes"}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** Role and limits of one account. */
export function EditUserDialog({
  user,
  currentUserId,
  onClose,
}: {
  user: AdminUser | null;
  currentUserId: string;
  onClose: () => void;
}) {
  return (
    <Dialog open={user !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {user ? (
        <DialogContent data-testid="admin-user-dialog">
          <DialogHeader>
            <DialogTitle>{user.name || user.email}</DialogTitle>
            <DialogDescription className="break-all">{user.email}</DialogDescription>
          </DialogHeader>
          <EditUserForm
            key={user.id}
            user={user}
            isSelf={user.id === currentUserId}
            onDone={onClose}
          />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
