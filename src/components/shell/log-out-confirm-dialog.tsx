"use client";

import { LogOut } from "lucide-react";
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

interface LogOutConfirmDialogProps {
  /** Queued prompts that logging out would discard; null closes the dialog. */
  queued: number | null;
  onCancel: () => void;
  onConfirm: () => void;
}

/** "N queued prompts will be discarded" before a logout that would lose them. */
export function LogOutConfirmDialog({ queued, onCancel, onConfirm }: LogOutConfirmDialogProps) {
  const t = useTranslations("shell.logOut");
  return (
    <Dialog open={queued !== null} onOpenChange={(open) => (open ? undefined : onCancel())}>
      <DialogContent role="alertdialog" data-testid="confirm-logout">
        <DialogHeader>
          <DialogTitle>{t("confirmTitle")}</DialogTitle>
          <DialogDescription>{t("confirmDescription", { count: queued ?? 0 })}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="secondary" onClick={onCancel}>
            {t("stay")}
          </Button>
          <Button variant="danger" onClick={onConfirm} data-testid="confirm-logout-submit">
            <LogOut aria-hidden="true" />
            {t("anyway")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
