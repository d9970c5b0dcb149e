"use client";

import { useId, useState, type FormEvent } from "react";
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
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import type { Collection } from "@/shared/api-types";
import { useCreateCollection } from "./use-collection-mutations";

interface CreateCollectionDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (collection: Collection) => void;
}

type FieldErrors = Partial<Record<"name" | "description", string>>;

/** Name, description and visibility of a new collection; a bottom sheet on phones. */
export function CreateCollectionDialog({
  open,
  onOpenChange,
  onCreated,
}: CreateCollectionDialogProps) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [isPublic, setIsPublic] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const creation = useCreateCollection();
  const pending = creation.isPending;
  const switchId = useId();

  function reset() {
    setName("");
    setDescription("");
    setIsPublic(false);
    setErrors({});
    setFormError(null);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: "Name the collection." });
      return;
    }
    if (pending) return;
    setErrors({});
    setFormError(null);
    creation.mutate(
      { name: name.trim(), description: description.trim() || undefined, isPublic },
      {
        onSuccess: (collection) => {
          onCreated(collection);
          reset();
        },
        onError: (error) => {
          // Field errors (VALIDATION_ERROR) go next to their fields, anything else above them.
          const fields = error.fieldErrors();
          setErrors({ name: fields.name, description: fields.description });
          if (!fields.name && !fields.description) setFormError(error.message);
        },
      },
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) reset();
        onOpenChange(next);
      }}
    >
      <DialogContent data-testid="create-collection-dialog">
        <DialogHeader>
          <DialogTitle>New collection</DialogTitle>
          <DialogDescription>
            A named set of images — a moodboard, a project, a series.
          </DialogDescription>
        </DialogHeader>
        <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
          <FormField label="Name" error={errors.name}>
            <Input
              name="name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              maxLength={80}
              autoComplete="off"
              required
              autoFocus
              data-testid="collection-name-input"
            />
          </FormField>
          <FormField
            label="Description"
            hint="Optional. Shown on the shared page too."
            error={errors.description}
          >
            <Textarea
              name="description"
              rows={3}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              maxLength={500}
              data-testid="collection-description-input"
            />
          </FormField>
          <div className="border-line bg-surface-raised/50 flex items-start justify-between gap-4 rounded-2xl border p-4">
            <div className="flex flex-col gap-0.5">
              <label htmlFor={switchId} className="text-ink text-sm font-medium">
                Public
              </label>
              <p id={`${switchId}-hint`} className="text-ink-muted text-sm">
                Anyone with the link can see its public images. Private images stay hidden.
              </p>
            </div>
            <Switch
              id={switchId}
              name="isPublic"
              checked={isPublic}
              onCheckedChange={setIsPublic}
              aria-describedby={`${switchId}-hint`}
              data-testid="collection-public-switch"
            />
          </div>
          {formError ? (
            <Alert variant="danger" role="alert" title="Couldn't create the collection">
              {formError}
            </Alert>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" loading={pending} data-testid="create-collection-submit">
              Create collection
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
