"use client";

import { useTranslations } from "next-intl";
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
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import { useFieldErrors } from "@/lib/i18n/use-field-errors";
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
  const t = useTranslations("collections.create");
  const errorText = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
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
      setErrors({ name: t("nameRequired") });
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
          const fields = fieldErrorsOf(error);
          setErrors({ name: fields.name, description: fields.description });
          if (!fields.name && !fields.description) setFormError(errorText(error));
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
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
          <FormField label={t("name")} error={errors.name}>
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
            label={t("descriptionLabel")}
            hint={t("descriptionHint")}
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
                {t("public")}
              </label>
              <p id={`${switchId}-hint`} className="text-ink-muted text-sm">
                {t("publicHint")}
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
            <Alert variant="danger" role="alert" title={t("failed")}>
              {formError}
            </Alert>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">{t("cancel")}</Button>
            </DialogClose>
            <Button type="submit" loading={pending} data-testid="create-collection-submit">
              {t("submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
