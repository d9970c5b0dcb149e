"use client";

import { FolderPlus, Images, Plus, RotateCw } from "lucide-react";
import { PlainImage } from "@/components/ui/plain-image";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { useApiMutation } from "@/lib/api/hooks";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { Collection } from "@/shared/api-types";
import { checkText, TEXT_RULES } from "@/shared/limits";
import { useCollectionActions, useCollections } from "./use-collections";

interface CollectionPickerDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** How many images will be added (for the description). */
  count: number;
  /** Adds the images; the dialog closes when it resolves and stays open (showing the error) when it throws. */
  onPick: (collection: Collection) => Promise<void>;
}

/** "Add to collection": pick one of the user's collections, or name a new one. */
export function CollectionPickerDialog({
  open,
  onOpenChange,
  count,
  onPick,
}: CollectionPickerDialogProps) {
  const t = useTranslations("gallery.picker");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="collection-picker">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description", { count })}</DialogDescription>
        </DialogHeader>
        {open ? <CollectionChoices onPick={onPick} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function CollectionChoices({
  onPick,
  onDone,
}: {
  onPick: (collection: Collection) => Promise<void>;
  onDone: () => void;
}) {
  const t = useTranslations("gallery.picker");
  const errorText = useErrorMessage();
  const { collections, status, reload } = useCollections();
  const { create: createCollection } = useCollectionActions();
  const [invalidName, setInvalidName] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  // Adds to a chosen collection, or to a new one made first (`newName`).
  const adding = useApiMutation({
    mutationFn: async (target: { collection: Collection } | { newName: string }) => {
      const collection =
        "collection" in target
          ? target.collection
          : await createCollection({ name: target.newName });
      await onPick(collection);
    },
    errorToast: false,
    onMutate: () => setInvalidName(null),
    onSuccess: () => onDone(),
  });
  const target = adding.isPending ? adding.variables : undefined;
  const busyId = target ? ("collection" in target ? target.collection.id : "new") : null;
  const problem = invalidName ?? (adding.error ? errorText(adding.error) : null);

  function pick(collection: Collection) {
    if (!adding.isPending) adding.mutate({ collection });
  }

  function create(event: FormEvent) {
    event.preventDefault();
    const parsed = checkText(TEXT_RULES.collectionName, name);
    if (!parsed.ok) {
      // checkText's reasons are English: say the same in the person's language.
      const trimmed = name.trim();
      const max = TEXT_RULES.collectionName.max[0];
      setInvalidName(
        trimmed === ""
          ? t("nameMissing")
          : [...trimmed].length > max
            ? t("nameTooLong", { max })
            : t("nameUnsafe"),
      );
      adding.reset();
      return;
    }
    if (!adding.isPending) adding.mutate({ newName: parsed.value });
  }

  return (
    <div className="flex flex-col gap-3">
      {status === "error" ? (
        <div className="border-danger/30 bg-danger-soft flex items-center justify-between gap-3 rounded-2xl border px-4 py-3 text-sm">
          <span>{t("loadFailed")}</span>
          <Button size="sm" variant="secondary" onClick={() => void reload()}>
            <RotateCw aria-hidden="true" />
            {t("retry")}
          </Button>
        </div>
      ) : collections === null ? (
        <div className="flex flex-col gap-2" aria-busy="true" aria-label={t("loading")}>
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} className="h-14" radius="xl" />
          ))}
        </div>
      ) : collections.length === 0 && !creating ? (
        <p className="border-line-strong text-ink-muted rounded-2xl border border-dashed px-4 py-5 text-center text-sm">
          {t("none")}
        </p>
      ) : (
        <ul className="-mx-2 flex max-h-72 flex-col gap-1 overflow-y-auto px-2 py-1">
          {collections.map((collection) => (
            <li key={collection.id}>
              <button
                type="button"
                disabled={busyId !== null}
                onClick={() => pick(collection)}
                className="hover:bg-surface-raised flex min-h-14 w-full items-center gap-3 rounded-xl px-2 py-1.5 text-left transition-colors disabled:opacity-60"
              >
                <span className="bg-primary-soft text-primary-soft-ink relative flex size-11 shrink-0 items-center justify-center overflow-hidden rounded-lg">
                  {collection.coverUrl ? (
                    <PlainImage
                      src={collection.coverUrl}
                      alt=""
                      fill
                      sizes="44px"
                      className="object-cover"
                    />
                  ) : (
                    <Images aria-hidden="true" className="size-5" />
                  )}
                </span>
                <span className="flex min-w-0 flex-1 flex-col">
                  <span className="text-ink truncate text-sm font-semibold">{collection.name}</span>
                  <span className="text-ink-muted text-xs">
                    {t("imageCount", { count: collection.imageCount })}
                  </span>
                </span>
                {busyId === collection.id ? <Spinner label={t("adding")} /> : null}
              </button>
            </li>
          ))}
        </ul>
      )}

      {creating ? (
        <form onSubmit={create} className="flex gap-2">
          <Input
            id="new-collection-name"
            name="name"
            autoComplete="off"
            autoFocus
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={80}
            placeholder={t("namePlaceholder")}
            aria-label={t("nameLabel")}
            data-testid="new-collection-name"
          />
          <Button type="submit" loading={busyId === "new"} data-testid="new-collection-create">
            {t("create")}
          </Button>
        </form>
      ) : (
        <Button
          variant="secondary"
          onClick={() => setCreating(true)}
          disabled={busyId !== null}
          data-testid="new-collection"
        >
          <FolderPlus aria-hidden="true" />
          {t("newCollection")}
        </Button>
      )}
      {problem ? (
        <p role="alert" className="text-danger text-sm">
          {problem}
        </p>
      ) : null}
      {creating ? null : (
        <p className="text-ink-subtle flex items-center gap-1.5 text-xs">
          <Plus aria-hidden="true" className="size-3.5" />
          {t("hint")}
        </p>
      )}
    </div>
  );
}
