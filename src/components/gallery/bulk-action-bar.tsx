"use client";

import {
  CheckCheck,
  Download,
  FolderPlus,
  Globe,
  Heart,
  HeartOff,
  Lock,
  MoreHorizontal,
  Trash2,
  X,
} from "lucide-react";
import { useTranslations } from "next-intl";
import { forwardRef, useRef, useState, type ComponentPropsWithoutRef } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toast";
import { useApiMutation } from "@/lib/api/hooks";
import { cn } from "@/lib/cn";
import type { Collection, Image } from "@/shared/api-types";
import { BULK_LIMIT, runBulkAction } from "./bulk-actions";
import { CollectionPickerDialog } from "./collection-picker-dialog";
import { ConfirmDeleteDialog } from "./confirm-delete-dialog";
import { scheduleDelete } from "./pending-deletes";
import { useCollectionActions } from "./use-collections";

type ImageFlags = Partial<Pick<Image, "favorite" | "isPublic">>;
type ZipSize = "original" | "800" | "300";

const ZIP_SIZES: ZipSize[] = ["original", "800", "300"];

interface BulkActionBarProps {
  selectedIds: string[];
  loadedCount: number;
  onSelectAll: () => void;
  onExit: () => void;
  /** Mirrors a successful favorite or visibility change in the grid. */
  onFlagsChanged: (imageIds: string[], flags: ImageFlags) => void;
}

/** The success toast of a favorite or visibility change. */
function doneMessage(flags: ImageFlags) {
  if (flags.favorite !== undefined) return flags.favorite ? "bulk.favorited" : "bulk.unfavorited";
  return flags.isPublic ? "bulk.madePublic" : "bulk.madePrivate";
}

/** The selection's actions, pinned to the bottom of the screen while selecting. */
export function BulkActionBar({
  selectedIds,
  loadedCount,
  onSelectAll,
  onExit,
  onFlagsChanged,
}: BulkActionBarProps) {
  const t = useTranslations("gallery");
  const [picking, setPicking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const idsRef = useRef<HTMLInputElement>(null);
  const sizeRef = useRef<HTMLInputElement>(null);
  const { noteAdded } = useCollectionActions();
  const count = selectedIds.length;
  const none = count === 0;

  // A failure is toasted by the shared mutation handler.
  const flagChange = useApiMutation<string[], { flags: ImageFlags }>({
    mutationFn: ({ flags }) =>
      runBulkAction(
        flags.favorite !== undefined
          ? { action: "setFavorite", favorite: flags.favorite }
          : { action: "setVisibility", isPublic: flags.isPublic ?? false },
        selectedIds,
      ),
    onSuccess: (affected, { flags }) => {
      onFlagsChanged(affected, flags);
      toast({ variant: "success", title: t(doneMessage(flags), { count: affected.length }) });
    },
    errorToast: t("bulk.failed"),
  });
  const busy = flagChange.isPending;
  const setFlags = (flags: ImageFlags) => flagChange.mutate({ flags });

  async function addToCollection(collection: Collection) {
    const affected = await runBulkAction(
      { action: "addToCollection", collectionId: collection.id },
      selectedIds,
    );
    noteAdded(collection.id, affected.length);
    toast({
      variant: "success",
      title: t("bulk.addedTitle", { name: collection.name }),
      description:
        affected.length === count
          ? t("bulk.addedAll", { count })
          : t("bulk.addedSome", { count: affected.length }),
    });
  }

  function downloadZip(size: ZipSize) {
    if (count > BULK_LIMIT) {
      toast({
        variant: "error",
        title: t("bulk.zipTooManyTitle", { max: BULK_LIMIT }),
        description: t("bulk.zipTooManyDescription", { count }),
      });
      return;
    }
    const form = formRef.current;
    if (!form || !idsRef.current || !sizeRef.current) return;
    idsRef.current.value = selectedIds.join(",");
    sizeRef.current.value = size;
    // A real form post: the browser streams the ZIP straight to disk.
    form.submit();
    toast({
      title: t("bulk.zipPreparingTitle"),
      description: t("bulk.zipPreparingDescription", { count }),
    });
  }

  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-[calc(4.75rem+env(safe-area-inset-bottom))] z-40 px-3 lg:bottom-5 lg:left-72 lg:px-10">
      <div
        role="toolbar"
        aria-label={t("bulk.toolbar")}
        data-testid="bulk-bar"
        className="border-line bg-surface/95 shadow-pop motion-safe:animate-toast-in pointer-events-auto mx-auto flex max-w-4xl items-center gap-0.5 rounded-2xl border p-1.5 backdrop-blur-xl sm:gap-1 sm:p-2"
      >
        <BarButton label={t("bulk.stop")} icon={X} onClick={onExit} labelHidden />
        <p
          className="text-ink min-w-0 flex-1 truncate pl-1 text-sm font-semibold whitespace-nowrap"
          aria-live="polite"
        >
          {none ? t("bulk.selectImages") : t("bulk.selected", { count })}
        </p>
        <span aria-hidden="true" className="bg-line mx-1 hidden h-6 w-px sm:block" />

        <BarButton
          label={t("bulk.addToCollection")}
          icon={FolderPlus}
          disabled={none || busy}
          onClick={() => setPicking(true)}
        />

        <DropdownMenu>
          <DropdownMenuTrigger asChild disabled={none || busy}>
            <BarButton label={t("bulk.visibility")} icon={Globe} show="wide" />
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end" side="top">
            <DropdownMenuItem onSelect={() => setFlags({ isPublic: true })}>
              <Globe aria-hidden="true" />
              {t("bulk.makePublic")}
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={() => setFlags({ isPublic: false })}>
              <Lock aria-hidden="true" />
              {t("bulk.makePrivate")}
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>

        <DropdownMenu>
          <DropdownMenuTrigger asChild disabled={none || busy}>
            <BarButton label={t("bulk.favorite")} icon={Heart} show="wide" />
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end" side="top">
            <DropdownMenuItem onSelect={() => setFlags({ favorite: true })}>
              <Heart aria-hidden="true" />
              {t("bulk.addFavorites")}
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={() => setFlags({ favorite: false })}>
              <HeartOff aria-hidden="true" />
              {t("bulk.removeFavorites")}
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>

        <DropdownMenu>
          <DropdownMenuTrigger asChild disabled={none}>
            <BarButton label={t("bulk.downloadZip")} icon={Download} />
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end" side="top" data-testid="bulk-download-menu">
            <DropdownMenuLabel>{t("bulk.downloadAsZip")}</DropdownMenuLabel>
            {ZIP_SIZES.map((size) => (
              <DropdownMenuItem key={size} onSelect={() => downloadZip(size)}>
                <Download aria-hidden="true" />
                {size === "original" ? t("bulk.zipOriginal") : t("bulk.zipPixels", { size })}
              </DropdownMenuItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>

        {/* Phones: the less frequent actions share one menu. */}
        <DropdownMenu>
          <DropdownMenuTrigger asChild disabled={busy}>
            <BarButton label={t("bulk.moreActions")} icon={MoreHorizontal} show="phone" />
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end" side="top">
            <DropdownMenuItem onSelect={onSelectAll} disabled={count === loadedCount}>
              <CheckCheck aria-hidden="true" />
              {t("bulk.selectAll")}
            </DropdownMenuItem>
            <DropdownMenuSeparator />
            <DropdownMenuItem disabled={none} onSelect={() => setFlags({ favorite: true })}>
              <Heart aria-hidden="true" />
              {t("bulk.addFavorites")}
            </DropdownMenuItem>
            <DropdownMenuItem disabled={none} onSelect={() => setFlags({ favorite: false })}>
              <HeartOff aria-hidden="true" />
              {t("bulk.removeFavorites")}
            </DropdownMenuItem>
            <DropdownMenuSeparator />
            <DropdownMenuItem disabled={none} onSelect={() => setFlags({ isPublic: true })}>
              <Globe aria-hidden="true" />
              {t("bulk.makePublic")}
            </DropdownMenuItem>
            <DropdownMenuItem disabled={none} onSelect={() => setFlags({ isPublic: false })}>
              <Lock aria-hidden="true" />
              {t("bulk.makePrivate")}
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>

        <BarButton
          label={t("bulk.delete")}
          icon={Trash2}
          tone="danger"
          disabled={none || busy}
          onClick={() => setConfirming(true)}
          data-testid="bulk-delete"
        />
      </div>

      <form ref={formRef} method="post" action="/api/v1/images/archive" hidden>
        <input ref={idsRef} type="hidden" name="imageIds" defaultValue="" />
        <input ref={sizeRef} type="hidden" name="size" defaultValue="original" />
      </form>

      <CollectionPickerDialog
        open={picking}
        onOpenChange={setPicking}
        count={count}
        onPick={addToCollection}
      />
      <ConfirmDeleteDialog
        open={confirming}
        onOpenChange={setConfirming}
        count={count}
        onConfirm={() => {
          scheduleDelete(selectedIds);
          onExit();
        }}
      />
    </div>
  );
}

interface BarButtonProps extends ComponentPropsWithoutRef<"button"> {
  label: string;
  icon: typeof X;
  tone?: "default" | "danger";
  /** "wide": from sm up; "phone": below sm only. */
  show?: "always" | "wide" | "phone";
  /** Icon only at every width. */
  labelHidden?: boolean;
}

const SHOW_CLASSES = {
  always: "inline-flex",
  wide: "hidden sm:inline-flex",
  phone: "inline-flex sm:hidden",
} as const;

/** An icon button that shows its label on wide screens; forwards refs for menu triggers. */
const BarButton = forwardRef<HTMLButtonElement, BarButtonProps>(function BarButton(
  {
    label,
    icon: Icon,
    tone = "default",
    show = "always",
    labelHidden = false,
    className,
    type = "button",
    ...props
  },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      aria-label={label}
      title={label}
      className={cn(
        SHOW_CLASSES[show],
        "rounded-control size-11 shrink-0 items-center justify-center gap-2 text-sm font-semibold transition-colors sm:size-10",
        !labelHidden && "xl:w-auto xl:px-3",
        "data-[state=open]:bg-surface-raised disabled:pointer-events-none disabled:opacity-45",
        tone === "danger"
          ? "text-danger hover:bg-danger-soft"
          : "text-ink-muted hover:bg-surface-raised hover:text-ink data-[state=open]:text-ink",
        className,
      )}
      {...props}
    >
      <Icon aria-hidden="true" className="size-[1.15rem] shrink-0" />
      {labelHidden ? null : <span className="hidden xl:inline">{label}</span>}
    </button>
  );
});
