"use client";

import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import type { AdminUser } from "@/shared/api-types";
import { useUpdateAdminUser } from "./use-admin-users";

/** Asks before suspending or restoring an account, then does it. */
export function SuspendDialog({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const update = useUpdateAdminUser();
  const suspending = user ? !user.suspended : true;
  return (
    <Dialog
      open={user !== null}
      onOpenChange={(open) => {
        if (!open) {
          update.reset();
          onClose();
        }
      }}
    >
      {user ? (
        <DialogContent data-testid="admin-suspend-dialog" role="alertdialog">
          <DialogHeader>
            <DialogTitle>
              {suspending ? `Suspend ${user.email}?` : `Restore ${user.email}?`}
            </DialogTitle>
            <DialogDescription>
              {suspending
                ? "They are signed out everywhere at once, their API keys stop working and they cannot sign in until you restore the account. Nothing of theirs is deleted."
                : "They can sign in again and their API keys work again. Devices that were signed out stay signed out."}
            </DialogDescription>
          </DialogHeader>
          {update.error ? (
            <Alert variant="danger" role="alert" title="That did not work">
              {update.error.message}
            </Alert>
          ) : null}
          <DialogFooter>
            <Button variant="secondary" onClick={onClose} disabled={update.isPending}>
              Cancel
            </Button>
            <Button
              variant={suspending ? "danger" : "primary"}
              disabled={update.isPending}
              data-testid="admin-suspend-confirm"
              onClick={() =>
                update.mutate(
                  { id: user.id, patch: { suspended: suspending } },
                  { onSuccess: onClose },
                )
              }
            >
              {update.isPending
                ? suspending
                  ? "Suspending…"
                  : "Restoring…"
                : suspending
                  ? "Suspend account"
                  : "Restore account"}
            </Button>
          </DialogFooter>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
