"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { Collection } from "@/shared/api-types";
import { useDeleteCollection } from "./use-collection-mutations";

/** "Delete" with a confirmation; the images stay in the gallery. Leaves for /collections. */
export function DeleteCollectionButton({ collection }: { collection: Collection }) {
  const t = useTranslations("collections.delete");
  const errorText = useErrorMessage();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const deletion = useDeleteCollection();
  // Until the page has left, the dialog stays busy.
  const pending = deletion.isPending || deletion.isSuccess;
  const error = deletion.error ? errorText(deletion.error) : null;

  function confirm() {
    deletion.mutate(collection.id, {
      onSuccess: () => {
        toast({
          variant: "success",
          title: t("deleted"),
          description: t("deletedDescription"),
        });
        router.replace("/collections");
        router.refresh();
      },
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        deletion.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" data-testid="delete-collection">
          <Trash2 aria-hidden="true" />
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="delete-collection-dialog">
        <DialogHeader>
          <DialogTitle>{t("title", { name: collection.name })}</DialogTitle>
          <DialogDescription>
            {t(collection.isPublic ? "descriptionPublic" : "description", {
              count: collection.imageCount,
            })}
          </DialogDescription>
        </DialogHeader>
        {error ? (
          <Alert variant="danger" role="alert" title={t("failed")}>
            {error}
          </Alert>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={pending}>
              {t("keep")}
            </Button>
          </DialogClose>
          <Button
            variant="danger"
            loading={pending}
            onClick={confirm}
            data-testid="confirm-delete-collection"
          >
            {t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
