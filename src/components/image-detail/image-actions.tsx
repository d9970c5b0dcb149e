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
  return (
    <TrayButton
      onClick={onToggle}
      aria-pressed={favorite}
      aria-keyshortcuts="F"
      title="Favorite (F)"
      data-testid="image-favorite"
      on={favorite}
      icon={<Heart className={cn(favorite && "fill-current")} />}
      label={favorite ? "Favorited" : "Favorite"}
    />
  );
}

const DOWNLOAD_SIZES = [
  { size: "1920", label: "1920 px" },
  { size: "800", label: "800 px" },
  { size: "300", label: "300 px" },
] as const;

/** The file in the size asked for, as an attachment (counted as a download). */
export function DownloadMenu({ image, onDownloaded }: { image: Image; onDownloaded: () => void }) {
  const sizes = DOWNLOAD_SIZES.filter(({ size }) => image.urls.thumbnails[size]);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <TrayButton icon={<Download />} label="Download" data-testid="image-download" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="center" data-testid="image-download-menu">
        <DropdownMenuLabel>Download size</DropdownMenuLabel>
        <DropdownMenuItem asChild>
          <a href={downloadHref(image, "original")} download onClick={onDownloaded}>
            <Download aria-hidden="true" />
            Original
            <span className="text-ink-subtle ml-auto pl-4 text-xs">
              {image.width} × {image.height}
            </span>
          </a>
        </DropdownMenuItem>
        {sizes.map(({ size, label }) => (
          <DropdownMenuItem key={size} asChild>
            <a href={downloadHref(image, size)} download onClick={onDownloaded}>
              <Download aria-hidden="true" />
              {label}
            </a>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** "Add to collection" with the shared picker (and "New collection"). */
export function AddToCollectionButton({ image }: { image: Image }) {
  const [open, setOpen] = useState(false);
  const pickerMounted = useOpenedOnce(open);
  const { noteAdded } = useCollectionActions();

  async function add(collection: Collection) {
    await apiFetch(`/api/v1/gallery/collections/${collection.id}/images`, {
      method: "POST",
      json: { imageId: image.id },
    });
    noteAdded(collection.id, 1);
    toast({ variant: "success", title: `Added to ${collection.name}` });
  }

  return (
    <>
      <TrayButton
        onClick={() => setOpen(true)}
        icon={<FolderPlus />}
        label="Collection"
        aria-label="Add to collection"
        title="Add to collection"
        data-testid="image-add-to-collection"
      />
      {pickerMounted ? (
        <CollectionPickerDialog open={open} onOpenChange={setOpen} count={1} onPick={add} />
      ) : null}
    </>
  );
}

export function CopyPromptButton({ prompt }: { prompt: string }) {
  const [copied, setCopied] = useState(false);

  async function copyPrompt() {
    try {
      await navigator.clipboard.writeText(prompt);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
      toast({ variant: "success", title: "Prompt copied" });
    } catch {
      toast({
        variant: "error",
        title: "Couldn't copy the prompt",
        description: "Select the text and copy it yourself.",
      });
    }
  }

  return (
    <TrayButton
      onClick={() => void copyPrompt()}
      icon={copied ? <Check /> : <Copy />}
      label={copied ? "Copied" : "Copy"}
      aria-label="Copy prompt"
      data-testid="image-copy-prompt"
    />
  );
}

/** "Remix": the composer prefilled with this image's prompt and settings (seed included). */
export function UseSettingsLink({ image }: { image: Image }) {
  return (
    <Link
      href={generateSettingsHref(image)}
      className={buttonClasses({ variant: "secondary", className: "w-full" })}
      data-testid="image-use-settings"
    >
      <WandSparkles aria-hidden="true" />
      Remix
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
        Variations
      </button>
      {open ? <VariationsLauncher image={image} onDone={() => setOpen(false)} /> : null}
    </>
  );
}

export function DeleteImageButton({ onDelete }: { onDelete: () => void }) {
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
        Delete
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
