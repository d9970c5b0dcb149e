"use client";

import { useTranslations } from "next-intl";
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
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import { useTemplateText } from "@/lib/i18n/template-text";
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
  const t = useTranslations("admin.templates.deleteDialog");
  const errorText = useErrorMessage();
  const templateText = useTemplateText();
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
            <DialogTitle>{t("title", { name: templateText(template).name })}</DialogTitle>
            <DialogDescription>
              {template.imageCount > 0 ? t("used", { count: template.imageCount }) : t("unused")}
            </DialogDescription>
          </DialogHeader>
          {remove.error ? (
            <Alert variant="danger" role="alert" title={t("failed")}>
              {errorText(remove.error)}
            </Alert>
          ) : null}
          <DialogFooter>
            <Button variant="secondary" onClick={close} disabled={remove.isPending}>
              {t("cancel")}
            </Button>
            <Button
              variant="danger"
              disabled={remove.isPending}
              data-testid="admin-template-delete-confirm"
              onClick={() => remove.mutate(template.id, { onSuccess: close })}
            >
              {remove.isPending ? t("deleting") : t("confirm")}
            </Button>
          </DialogFooter>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
