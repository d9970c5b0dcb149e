"use client";

import { useQueryClient } from "@tanstack/react-query";
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
import type { AdminUser } from "@/shared/api-types";

function DeleteForm({ user, onDone }: { user: AdminUser; onDone: () => void }) {
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
      <FormField label="Type the account's email to confirm">
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
        <Alert variant="danger" role="alert" title="The account was not deleted">
          {removal.error.message}
        </Alert>
      ) : null}
      <DialogFooter>
        <Button type="button" variant="secondary" onClick={onDone} disabled={removal.isPending}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant="danger"
          disabled={!matches || removal.isPending}
          data-testid="admin-delete-confirm"
        >
          {removal.isPending ? "Deleting…" : "Delete for good"}
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
  return (
    <Dialog open={user !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {user ? (
        <DialogContent data-testid="admin-delete-dialog" role="alertdialog">
          <DialogHeader>
            <DialogTitle className="break-all">Delete {user.email}?</DialogTitle>
            <DialogDescription>
              The account, its {user.usage.images} images, collections, keys and sessions are
              removed for good, and the person gets a mail saying so. This cannot be undone.
            </DialogDescription>
          </DialogHeader>
          <DeleteForm key={user.id} user={user} onDone={onClose} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
