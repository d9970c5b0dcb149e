"use client";

import {
  Check,
  Copy,
  Download,
  FolderPlus,
  Heart,
  Shuffle,
  Trash2,
  WandSparkles,
} from "lucide-react";
import dynamic from "next/dynamic";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { forwardRef, useState, type ComponentPropsWithoutRef, type ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/api/request";
import { cn } from "@/lib/cn";
import type { Collection, Image } from "@/shared/api-types";
import { useCollectionActions } from "@/components/gallery/use-collections";
import { useOpenedOnce } from "@/components/ui/use-opened-once";
import { downloadHref, generateSettingsHref } from "./image-format";

// Both dialogs load on their first opening: the image page paints without them.
const CollectionPickerDialog = dynamic(
  () =>
    import("@/components/gallery/collection-picker-dialog").then(
      (module) => module.CollectionPickerDialog,
    ),
  { ssr: false },
);
const ConfirmDeleteDialog = dynamic(
  () =>
    import("@/components/gallery/confirm-delete-dialog").then(
      (module) => module.ConfirmDeleteDialog,
    ),
  { ssr: false },
);

interface TrayButtonProps extends ComponentPropsWithoutRef<"button"> {
  icon: ReactNode;
  label: string;
  /** Highlights the icon (a favorite). */
  on?: boolean;
}

/** One action of the tray: an icon in a round well with a short label under it. */
const TrayButton = forwardRef<HTMLButtonElement, TrayButtonProps>(function TrayButton(
  { icon, label, on = false, className, type = "button", ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      className={cn(
        "group text-ink-muted hover:text-ink flex min-w-0 flex-col items-center gap-1.5 rounded-2xl px-1 py-2 text-xs font-semibold transition-colors",
        "data-[state=open]:text-ink",
        className,
      )}
      {...props}
    >
      <span
        aria-hidden="true"
        className={cn(
          "flex size-11 items-center justify-center rounded-full border transition-colors [&_svg]:size-[1.15rem]",
          on
            ? "border-accent/40 bg-accent-soft text-accent"
            : "border-line bg-surface-raised text-ink group-hover:border-primary/40 group-data-[state=open]:border-primary/50",
        )}
      >
        {icon}
      </span>
      <span className="max-w-full truncate">{label}</span>
    </button>
  );
});

export function FavoriteButton({
  favorite,
  onToggle,
}: {
  favorite: boolean;
  onToggle: () => void;
}) {
  const t = useTranslations("image.actions");
  return (
    <TrayButton
      onClick={onToggle}
      aria-pressed={favorite}
      aria-keyshortcuts="F"
      title={t("favoriteTitle")}
      data-testid="image-favorite"
      on={favorite}
      icon={<Heart className={cn(favorite && "fill-current")} />}
      label={favorite ? t("favorited") : t("favorite")}
    />
  );
}

const DOWNLOAD_SIZES = ["1920", "800", "300"] as const;

/** The file in the size asked for, as an attachment (counted as a download). */
export function DownloadMenu({ image, onDownloaded }: { image: Image; onDownloaded: () => void }) {
  const t = useTranslations("image.actions");
  const format = useFormatter();
  const sizes = DOWNLOAD_SIZES.filter((size) => image.urls.thumbnails[size]);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <TrayButton icon={<Download />} label={t("download")} data-testid="image-download" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="center" data-testid="image-download-menu">
        <DropdownMenuLabel>{t("downloadSize")}</DropdownMenuLabel>
        <DropdownMenuItem asChild>
          <a href={downloadHref(image, "original")} download onClick={onDownloaded}>
            <Download aria-hidden="true" />
            {t("original")}
            <span className="text-ink-subtle ml-auto pl-4 text-xs">
              {t("dimensions", {
                width: format.number(image.width, { useGrouping: false }),
                height: format.number(image.height, { useGrouping: false }),
              })}
            </span>
          </a>
        </DropdownMenuItem>
        {sizes.map((size) => (
          <DropdownMenuItem key={size} asChild>
            <a href={downloadHref(image, size)} download onClick={onDownloaded}>
              <Download aria-hidden="true" />
              {t("pixels", { size })}
            </a>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** "Add to collection" with the shared picker (and "New collection"). */
export function AddToCollectionButton({ image }: { image: Image }) {
  const t = useTranslations("image.actions");
  const [open, setOpen] = useState(false);
  const pickerMounted = useOpenedOnce(open);
  const { noteAdded } = useCollectionActions();

  async function add(collection: Collection) {
    await apiFetch(`/api/v1/gallery/collections/${collection.id}/images`, {
      method: "POST",
      json: { imageId: image.id },
    });
    noteAdded(collection.id, 1);
    toast({ variant: "success", title: t("addedTo", { name: collection.name }) });
  }

  return (
    <>
      <TrayButton
        onClick={() => setOpen(true)}
        icon={<FolderPlus />}
        label={t("collection")}
        aria-label={t("addToCollection")}
        title={t("addToCollection")}
        data-testid="image-add-to-collection"
      />
      {pickerMounted ? (
        <CollectionPickerDialog open={open} onOpenChange={setOpen} count={1} onPick={add} />
      ) : null}
    </>
  );
}

export function CopyPromptButton({ prompt }: { prompt: string }) {
  const t = useTranslations("image.actions");
  const [copied, setCopied] = useState(false);

  async function copyPrompt() {
    try {
      await navigator.clipboard.writeText(prompt);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
      toast({ variant: "success", title: t("promptCopied") });
    } catch {
      toast({
        variant: "error",
        title: t("copyFailed"),
        description: t("copyFailedHint"),
      });
    }
  }

  return (
    <TrayButton
      onClick={() => void copyPrompt()}
      icon={copied ? <Check /> : <Copy />}
      label={copied ? t("copied") : t("copy")}
      aria-label={t("copyPrompt")}
      data-testid="image-copy-prompt"
    />
  );
}

/** "Remix": the composer prefilled with this image's prompt and settings (seed included). */
export function UseSettingsLink({ image }: { image: Image }) {
  const t = useTranslations("image.actions");
  return (
    <Link
      href={generateSettingsHref(image)}
      className={buttonClasses({ variant: "secondary", className: "w-full" })}
      data-testid="image-use-settings"
    >
      <WandSparkles aria-hidden="true" />
      {t("remix")}
    </Link>
  );
}

// The dialog and the generation code load on the first click: the image page does not carry them.
const VariationsLauncher = dynamic(
  () =>
    import("@/components/generate/variations-launcher").then((module) => module.VariationsLauncher),
  { ssr: false },
);

/** "Variations": new images from this one, made in the composer (/generate). */
export function VariationsButton({ image }: { image: Image }) {
  const t = useTranslations("image.actions");
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className={buttonClasses({ variant: "secondary", className: "w-full" })}
        data-testid="image-variations"
      >
        <Shuffle aria-hidden="true" />
        {t("variations")}
      </button>
      {open ? <VariationsLauncher image={image} onDone={() => setOpen(false)} /> : null}
    </>
  );
}

export function DeleteImageButton({ onDelete }: { onDelete: () => void }) {
  const t = useTranslations("image.actions");
  const [confirming, setConfirming] = useState(false);
  const confirmMounted = useOpenedOnce(confirming);
  return (
    <>
      <button
        type="button"
        onClick={() => setConfirming(true)}
        data-testid="image-delete"
        className="rounded-control text-danger hover:bg-danger-soft inline-flex h-11 shrink-0 items-center justify-center gap-2 px-4 text-sm font-semibold whitespace-nowrap transition-colors sm:h-10 [&_svg]:size-4"
      >
        <Trash2 aria-hidden="true" />
        {t("delete")}
      </button>
      {confirmMounted ? (
        <ConfirmDeleteDialog
          open={confirming}
          onOpenChange={setConfirming}
          count={1}
          onConfirm={onDelete}
        />
      ) : null}
    </>
  );
}
