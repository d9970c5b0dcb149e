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
import { deleteCollection, imageCountLabel } from "./collection-api";

/** "Delete" with a confirmation; the images stay in the gallery. Leaves for /collections. */
export function DeleteCollectionButton({ collection }: { collection: Collection }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await deleteCollection(collection.id);
      toast({
        variant: "success",
        title: "Collection deleted",
        description: "Its images are still in your gallery.",
      });
      router.replace("/collections");
      router.refresh();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Please try again.");
      setPending(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        setError(null);
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
            onClick={() => void confirm()}
            data-testid="confirm-delete-collection"
          >
            Delete collection
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
