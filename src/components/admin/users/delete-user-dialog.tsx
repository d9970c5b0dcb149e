"use client";

import { useQueryClient } from "@tanstack/react-query";
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
import { useApiMutation } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { AdminUser } from "@/shared/api-types";

function DeleteForm({ user, onDone }: { user: AdminUser; onDone: () => void }) {
  const t = useTranslations("admin.users.deleteDialog");
  const errorText = useErrorMessage();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState("");
  const removal = useApiMutation({
    mutationFn: (id: string) =>
      apiFetch<{ deleted: boolean }>(`/api/v1/admin/users/${id}`, { method: "DELETE" }),
    errorToast: false,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["admin", "users"] }),
  });
  const matches = typed.trim().toLowerCase() === user.email.toLowerCase();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (matches) removal.mutate(user.id, { onSuccess: onDone });
  }

  return (
    <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
      <FormField label={t("confirmLabel")}>
        <Input
          name="confirmEmail"
          type="email"
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          data-testid="admin-delete-email"
        />
      </FormField>
      {removal.error ? (
        <Alert variant="danger" role="alert" title={t("failed")}>
          {errorText(removal.error)}
        </Alert>
      ) : null}
      <DialogFooter>
        <Button type="button" variant="secondary" onClick={onDone} disabled={removal.isPending}>
          {t("cancel")}
        </Button>
        <Button
          type="submit"
          variant="danger"
          disabled={!matches || removal.isPending}
          data-testid="admin-delete-confirm"
        >
          {removal.isPending ? t("deleting") : t("confirm")}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** Deletes an account and everything in it, once its email is typed. */
export function DeleteUserDialog({
  user,
  onClose,
}: {
  user: AdminUser | null;
  onClose: () => void;
}) {
  const t = useTranslations("admin.users.deleteDialog");
  return (
    <Dialog open={user !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {user ? (
        <DialogContent data-testid="admin-delete-dialog" role="alertdialog">
          <DialogHeader>
            <DialogTitle className="break-all">{t("title", { email: user.email })}</DialogTitle>
            <DialogDescription>{t("body", { images: user.usage.images })}</DialogDescription>
          </DialogHeader>
          <DeleteForm key={user.id} user={user} onDone={onClose} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
