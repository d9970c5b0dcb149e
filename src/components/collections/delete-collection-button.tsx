"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
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
import type { Collection } from "@/shared/api-types";
import { imageCountLabel } from "./collection-format";
import { useDeleteCollection } from "./use-collection-mutations";

/** "Delete" with a confirmation; the images stay in the gallery. Leaves for /collections. */
export function DeleteCollectionButton({ collection }: { collection: Collection }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const deletion = useDeleteCollection();
  // Until the page has left, the dialog stays busy.
  const pending = deletion.isPending || deletion.isSuccess;
  const error = deletion.error?.message ?? null;

  function confirm() {
    deletion.mutate(collection.id, {
      onSuccess: () => {
        toast({
          variant: "success",
          title: "Collection deleted",
          description: "Its images are still in your gallery.",
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
          Delete
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="delete-collection-dialog">
        <DialogHeader>
          <DialogTitle>Delete “{collection.name}”?</DialogTitle>
          <DialogDescription>
            The collection goes away{collection.isPublic ? " and its share link stops working" : ""}
            . The {imageCountLabel(collection.imageCount)} in it stay in your gallery.
          </DialogDescription>
        </DialogHeader>
        {error ? (
          <Alert variant="danger" role="alert" title="Couldn't delete the collection">
            {error}
          </Alert>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={pending}>
              Keep it
            </Button>
          </DialogClose>
          <Button
            variant="danger"
            loading={pending}
            onClick={confirm}
            data-testid="confirm-delete-collection"
          >
            Delete collection
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
