"use client";

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
import type { AdminStyleTemplate } from "@/shared/template-rules";
import { useDeleteTemplate } from "./use-admin-templates";

/** Asks before deleting a template, says what happens to its images, then deletes it. */
export function DeleteTemplateDialog({
  template,
  onClose,
}: {
  template: AdminStyleTemplate | null;
  onClose: () => void;
}) {
  const remove = useDeleteTemplate();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog open={template !== null} onOpenChange={(open) => (open ? undefined : close())}>
      {template ? (
        <DialogContent data-testid="admin-template-delete-dialog" role="alertdialog">
          <DialogHeader>
            <DialogTitle>Delete “{template.name}”?</DialogTitle>
            <DialogDescription>
              {template.imageCount > 0
                ? `${template.imageCount} ${template.imageCount === 1 ? "image was" : "images were"} made with it. They stay as they are, but no longer name a style. To keep the link, hide the template instead.`
                : "No image was made with it. It cannot be brought back."}
            </DialogDescription>
          </DialogHeader>
          {remove.error ? (
            <Alert variant="danger" role="alert" title="The template was not deleted">
              {remove.error.message}
            </Alert>
          ) : null}
          <DialogFooter>
            <Button variant="secondary" onClick={close} disabled={remove.isPending}>
              Cancel
            </Button>
            <Button
              variant="danger"
              disabled={remove.isPending}
              data-testid="admin-template-delete-confirm"
              onClick={() => remove.mutate(template.id, { onSuccess: close })}
            >
              {remove.isPending ? "Deleting…" : "Delete template"}
            </Button>
          </DialogFooter>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
