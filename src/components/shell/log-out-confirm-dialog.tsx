"use client";

import { LogOut } from "lucide-react";
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
  const what = queued === 1 ? "1 queued prompt" : `${queued ?? 0} queued prompts`;
  return (
    <Dialog open={queued !== null} onOpenChange={(open) => (open ? undefined : onCancel())}>
      <DialogContent role="alertdialog" data-testid="confirm-logout">
        <DialogHeader>
          <DialogTitle>Log out and discard queued prompts?</DialogTitle>
          <DialogDescription>
            {what} will be discarded. They haven&rsquo;t been sent yet, and logging out removes
            everything this device keeps for your account.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="secondary" onClick={onCancel}>
            Stay signed in
          </Button>
          <Button variant="danger" onClick={onConfirm} data-testid="confirm-logout-submit">
            <LogOut aria-hidden="true" />
            Log out anyway
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
