"use client";

import { Trash2 } from "lucide-react";
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
import { UNDO_WINDOW_MS } from "./pending-deletes";

interface ConfirmDeleteDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  count: number;
  onConfirm: () => void;
}

export function ConfirmDeleteDialog({
  open,
  onOpenChange,
  count,
  onConfirm,
}: ConfirmDeleteDialogProps) {
  const t = useTranslations("gallery.confirmDelete");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent role="alertdialog" data-testid="confirm-delete">
        <DialogHeader>
          <DialogTitle>{t("title", { count })}</DialogTitle>
          <DialogDescription>
            {t("description", { count, seconds: Math.round(UNDO_WINDOW_MS / 1000) })}
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {t("cancel")}
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              onConfirm();
              onOpenChange(false);
            }}
            data-testid="confirm-delete-submit"
          >
            <Trash2 aria-hidden="true" />
            {t("submit", { count })}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
