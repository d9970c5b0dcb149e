"use client";

import { useTranslations } from "next-intl";
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
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { AdminUser } from "@/shared/api-types";
import { useUpdateAdminUser } from "./use-admin-users";

/** Asks before suspending or restoring an account, then does it. */
export function SuspendDialog({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const t = useTranslations("admin.users.suspendDialog");
  const errorText = useErrorMessage();
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
              {suspending
                ? t("suspendTitle", { email: user.email })
                : t("restoreTitle", { email: user.email })}
            </DialogTitle>
            <DialogDescription>
              {suspending ? t("suspendBody") : t("restoreBody")}
            </DialogDescription>
          </DialogHeader>
          {update.error ? (
            <Alert variant="danger" role="alert" title={t("failed")}>
              {errorText(update.error)}
            </Alert>
          ) : null}
          <DialogFooter>
            <Button variant="secondary" onClick={onClose} disabled={update.isPending}>
              {t("cancel")}
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
                  ? t("suspending")
                  : t("restoring")
                : suspending
                  ? t("suspend")
                  : t("restore")}
            </Button>
          </DialogFooter>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
