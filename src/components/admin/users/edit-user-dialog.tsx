"use client";

import { useTranslations } from "next-intl";
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
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { AdminUser } from "@/shared/api-types";
import { ROLES, roleOf, useUpdateAdminUser, type AdminUserChange } from "./use-admin-users";

/** Empty: the studio's default; else a whole number from 0 (`valid` false otherwise). */
function parseLimit(text: string): { value: number | null; valid: boolean } {
  const trimmed = text.trim();
  if (trimmed === "") return { value: null, valid: true };
  if (!/^\d{1,7}$/.test(trimmed) || Number(trimmed) > 1_000_000)
    return { value: null, valid: false };
  return { value: Number(trimmed), valid: true };
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
  const t = useTranslations("admin.users");
  const errorText = useErrorMessage();
  const update = useUpdateAdminUser();
  const roleOptions = ROLES.map((value) => ({ value, label: t(`roles.${value}`) }));
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
    if (!dailyLimit.valid || !monthlyLimit.valid) return;
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
      <FormField label={t("edit.role")} hint={isSelf ? t("edit.roleSelfHint") : t("edit.roleHint")}>
        <Select
          name="role"
          value={role}
          options={roleOptions}
          disabled={isSelf}
          onChange={(event) => setRole(event.target.value as typeof role)}
          data-testid="admin-user-role"
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t("edit.daily")}
          hint={t("edit.dailyHint")}
          error={shown && !dailyLimit.valid ? t("edit.limitError") : null}
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
          label={t("edit.monthly")}
          hint={t("edit.monthlyHint")}
          error={shown && !monthlyLimit.valid ? t("edit.limitError") : null}
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
        <Alert variant="danger" role="alert" title={t("edit.notSaved")}>
          {errorText(update.error)}
        </Alert>
      ) : null}
      <DialogFooter>
        <Button type="button" variant="secondary" onClick={onDone} disabled={update.isPending}>
          {t("edit.cancel")}
        </Button>
        <Button type="submit" disabled={update.isPending} data-testid="admin-user-save">
          {update.isPending ? t("edit.saving") : t("edit.save")}
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
