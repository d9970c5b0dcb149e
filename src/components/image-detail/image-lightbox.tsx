"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Spinner } from "@/components/ui/spinner";
import { useQueryClient } from "@tanstack/react-query";
import { useApiQuery } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import { apiFetch } from "@/lib/api/request";
import type { Image } from "@/shared/api-types";
import { UndoDeleteToast } from "@/components/gallery/undo-delete-toast";
import { scheduleDelete } from "@/components/gallery/pending-deletes";
import { ImageDetail } from "./image-detail";
import { promptExcerpt } from "./image-format";
import { useErrorMessage } from "@/lib/i18n/use-error-message";

interface ImageLightboxProps {
  imageId: string;
  /** The gallery's current results, for ←/→ (the image may also be outside them). */
  images: Image[];
  hasMore: boolean;
  onLoadMore: () => void;
  templateNameOf: (templateId: string | null) => string | null | undefined;
  onNavigate: (id: string) => void;
  onClose: () => void;
  /** Keeps the grid in step with changes made here. */
  onImageChange: (image: Image) => void;
  onEdited: (image: Image) => void;
  onUndoDelete: (imageIds: string[]) => void;
}

type Loaded =
  | { status: "loading" }
  | { status: "ready"; image: Image }
  | { status: "missing"; notFound: boolean };

/** The detail view over the gallery: full screen, ←/→ through the results, Esc or Back closes. */
export function ImageLightbox({
  imageId,
  images,
  hasMore,
  onLoadMore,
  templateNameOf,
  onNavigate,
  onClose,
  onImageChange,
  onEdited,
  onUndoDelete,
}: ImageLightboxProps) {
  const t = useTranslations("image.lightbox");
  const errorText = useErrorMessage();
  const queryClient = useQueryClient();
  const index = images.findIndex((image) => image.id === imageId);
  const fromList = index >= 0 ? images[index] : undefined;
  // The grid's copy shows at once; a fresh one (share link, counts) replaces it when it arrives.
  // Asked on every open and not kept after (the grid's copy may have changed meanwhile).
  const fresh = useApiQuery<Image>(
    queryKeys.image(imageId),
    async (signal) =>
      (await apiFetch<{ image: Image }>(`/api/v1/images/${imageId}`, { signal })).image,
    { staleTime: 0, gcTime: 0 },
  );
  const freshImage = fresh.data;
  useEffect(() => {
    if (freshImage) onImageChange(freshImage);
  }, [freshImage, onImageChange]);
  let own: Loaded | null = null;
  if (freshImage) own = { status: "ready", image: freshImage };
  else if (fresh.error) own = { status: "missing", notFound: fresh.error.code === "NOT_FOUND" };
  const image = fromList ?? (own?.status === "ready" ? own.image : undefined);

  const previous = index > 0 ? images[index - 1] : undefined;
  const next = index >= 0 ? images[index + 1] : undefined;

  useEffect(() => {
    if (index >= 0 && hasMore && index >= images.length - 4) onLoadMore();
  }, [index, images.length, hasMore, onLoadMore]);

  const change = (updated: Image) => {
    queryClient.setQueryData<Image>(queryKeys.image(updated.id), (current) =>
      current ? updated : current,
    );
    onImageChange(updated);
  };

  // Escape is handled here, not by Radix: Radix gives it to the topmost layer, and a toast
  // shown from the lightbox (copied, added…) would swallow it for seconds. Nested dialogs and
  // menus are portals outside the content, so they keep their own Escape.
  const contentRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const content = contentRef.current;
      const target = event.target instanceof Node ? event.target : null;
      if (!content || !target || !(target === document.body || content.contains(target))) return;
      event.preventDefault();
      closeRef.current();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const remove = () => {
    const after = next ?? previous;
    scheduleDelete([imageId]);
    if (after) onNavigate(after.id);
    else onClose();
  };

  return (
    <DialogPrimitive.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="motion-safe:animate-fade-in fixed inset-0 z-50 bg-[rgb(8_6_16/0.92)] backdrop-blur-sm" />
        <DialogPrimitive.Content
          className="motion-safe:animate-fade-in fixed inset-0 z-50 overflow-y-auto overscroll-contain outline-none lg:overflow-hidden"
          data-testid="image-lightbox"
          aria-describedby={undefined}
          ref={contentRef}
          onCloseAutoFocus={(event) => event.preventDefault()}
          onEscapeKeyDown={(event) => event.preventDefault()}
        >
          <CloseButton onClose={onClose} />
          <DialogPrimitive.Title className="sr-only">
            {image ? promptExcerpt(image.prompt) : t("title")}
          </DialogPrimitive.Title>
          {image ? (
            <ImageDetail
              key={image.id}
              variant="lightbox"
              image={image}
              canManage
              onImageChange={change}
              templateName={templateNameOf(image.styleTemplateId)}
              onOpenImage={onNavigate}
              onEdited={onEdited}
              onDelete={remove}
              onPrevious={previous ? () => onNavigate(previous.id) : undefined}
              onNext={next ? () => onNavigate(next.id) : undefined}
              stageOverlay={
                <StageTopBar
                  position={
                    index >= 0
                      ? t(hasMore ? "positionMore" : "position", {
                          index: index + 1,
                          total: images.length,
                        })
                      : null
                  }
                />
              }
            />
          ) : (
            <div className="flex h-full min-h-dvh flex-col items-center justify-center gap-4 p-6 text-center text-white">
              {own?.status === "missing" ? (
                <>
                  <p className="text-lg font-semibold">{t("unavailable")}</p>
                  <p className="max-w-sm text-sm text-white/70">
                    {own.notFound
                      ? t("notYours")
                      : fresh.error
                        ? errorText(fresh.error)
                        : t("loadFailed")}
                  </p>
                </>
              ) : (
                <Spinner label={t("loading")} className="size-7" />
              )}
            </div>
          )}
          <UndoDeleteToast onUndo={onUndoDelete} />
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

function StageTopBar({ position }: { position: string | null }) {
  if (!position) return null;
  return (
    <div className="pointer-events-none absolute inset-x-0 top-0 z-10 bg-gradient-to-b from-black/55 to-transparent p-3 pt-[max(0.75rem,env(safe-area-inset-top))] sm:p-4">
      <span className="rounded-full bg-black/35 px-3 py-1 text-xs font-semibold text-white/90 tabular-nums backdrop-blur-sm">
        {position}
      </span>
    </div>
  );
}

/** Fixed, so it stays in reach while the panel scrolls on phones; on wide screens it sits on the panel. */
function CloseButton({ onClose }: { onClose: () => void }) {
  const t = useTranslations("image.lightbox");
  return (
    <button
      type="button"
      onClick={onClose}
      aria-label={t("close")}
      aria-keyshortcuts="Escape"
      data-testid="image-lightbox-close"
      className="lg:bg-surface-raised lg:text-ink-muted lg:hover:bg-line lg:hover:text-ink fixed top-[max(0.75rem,env(safe-area-inset-top))] right-3 z-20 inline-flex size-11 items-center justify-center rounded-full bg-black/45 text-white backdrop-blur-sm transition-colors hover:bg-black/65 lg:top-3 lg:backdrop-blur-none"
    >
      <X aria-hidden="true" className="size-5" />
    </button>
  );
}
