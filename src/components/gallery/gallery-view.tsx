"use client";

import { CheckCheck, CheckSquare, RotateCw, WandSparkles, X } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { useOnlineStatus } from "@/components/shell/use-online-status";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import {
  ShortcutsDialog,
  useShortcutsHelp,
  type Shortcut,
} from "@/components/ui/keyboard-shortcuts";
import { toast } from "@/components/ui/toast";
import { useApiMutation } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import { useTemplateName } from "@/lib/i18n/template-text";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { Image } from "@/shared/api-types";
import { GalleryToolbar } from "./gallery-toolbar";
import { gallerySortOf, hasActiveFilters, withoutFilters, withSort } from "./gallery-filters";
import {
  GalleryEmpty,
  GalleryError,
  GalleryGridSkeleton,
  GalleryNoResults,
  GalleryOfflineNotice,
} from "./gallery-states";
import { closeLightbox, pushLightbox, replaceLightbox } from "./lightbox-history";
import { usePendingDeletes } from "./pending-deletes";
import { GalleryViewBar } from "./gallery-view-bar";
import { useCollections } from "./use-collections";
import { useGalleryViewOptions } from "./use-gallery-view-options";
import { useGalleryUrlState } from "./use-gallery-url-state";
import { useImagePages } from "./use-image-pages";
import { useSelection } from "./use-selection";
import { useTemplates } from "./use-templates";
import { VirtualImageGrid } from "./virtual-image-grid";

// The lightbox and the bulk bar are only needed once someone opens an image or starts
// selecting: loaded then (and the lightbox fetched as soon as a tile is pointed at or
// focused), so the gallery's first load stays small on phones.
const loadLightbox = () =>
  import("@/components/image-detail/image-lightbox").then((module) => module.ImageLightbox);
const ImageLightbox = dynamic(loadLightbox, { ssr: false, loading: LightboxLoading });
const BulkActionBar = dynamic(
  () => import("./bulk-action-bar").then((module) => module.BulkActionBar),
  { ssr: false },
);
// "Deleted — Undo" exists only while a delete waits to be sent.
const UndoDeleteToast = dynamic(
  () => import("./undo-delete-toast").then((module) => module.UndoDeleteToast),
  { ssr: false },
);

function LightboxLoading() {
  const t = useTranslations("gallery");
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/80 text-white">
      <Spinner className="size-8" label={t("lightboxLoading")} />
    </div>
  );
}

function isInLayer(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    Boolean(
      target.closest(
        '[role="dialog"], [role="alertdialog"], [role="menu"], input, textarea, select',
      ),
    )
  );
}

/** /gallery: search and filters in the URL, a virtualised grid, multi-select and the lightbox. */
export function GalleryView() {
  const t = useTranslations("gallery");
  const errorText = useErrorMessage();
  const templateName = useTemplateName();
  const { filters, search, setFilters, galleryUrl, lightboxId } = useGalleryUrlState();
  const pages = useImagePages(search);
  const [viewOptions, setViewOptions] = useGalleryViewOptions();
  const shortcutsHelp = useShortcutsHelp("#gallery-search-input");
  const [announcement, setAnnouncement] = useState("");
  const online = useOnlineStatus();
  const hiddenIds = usePendingDeletes((state) => state.hiddenIds);
  const deleteWaiting = usePendingDeletes((state) => state.pending !== null);
  const templates = useTemplates();
  const { collections } = useCollections();

  const images = useMemo(
    () =>
      hiddenIds.size === 0
        ? pages.images
        : pages.images.filter((image) => !hiddenIds.has(image.id)),
    [pages.images, hiddenIds],
  );
  const ids = useMemo(() => images.map((image) => image.id), [images]);
  const selection = useSelection(ids);
  const filtered = hasActiveFilters(filters);
  // Nothing to search or select yet: the empty state alone shows the way.
  const empty =
    pages.status === "ready" && pages.images.length === 0 && !pages.hasMore && !filtered;

  const knownTags = useMemo(() => {
    const counts = new Map<string, number>();
    for (const image of pages.images)
      for (const tag of image.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 50)
      .map(([tag]) => tag);
  }, [pages.images]);

  const templateNameOf = useCallback(
    (templateId: string | null) => {
      if (!templateId) return null;
      if (!templates) return undefined;
      const template = templates.find((item) => item.id === templateId);
      return template ? templateName(template) : t("retiredStyle");
    },
    [templates, templateName, t],
  );

  const shortcuts = useMemo<readonly Shortcut[]>(
    () => [
      { keys: ["/"], does: t("shortcuts.search") },
      { keys: ["←", "→", "↑", "↓"], does: t("shortcuts.move") },
      { keys: ["Enter"], does: t("shortcuts.open") },
      { keys: ["f"], does: t("shortcuts.favorite") },
      { keys: ["Shift", t("shortcuts.click")], does: t("shortcuts.range") },
      { keys: ["Esc"], does: t("shortcuts.stop") },
      { keys: ["?"], does: t("shortcuts.help") },
    ],
    [t],
  );

  // Fetch the lightbox when a tile is pointed at, touched or focused, so the first open is
  // (nearly) instant; not while the page loads, where it would compete with the first paint.
  useEffect(() => {
    const events = ["pointerover", "pointerdown", "focusin"] as const;
    const stop = () => {
      for (const type of events) window.removeEventListener(type, onIntent, true);
    };
    function onIntent(event: Event) {
      if (!(event.target instanceof Element) || !event.target.closest("[data-image-id]")) return;
      stop();
      void loadLightbox().catch(() => {});
    }
    for (const type of events)
      window.addEventListener(type, onIntent, { capture: true, passive: true });
    return stop;
  }, []);

  // New filters start a new list: show it from its top.
  const shownSearch = useRef(search);
  useEffect(() => {
    if (shownSearch.current === search) return;
    shownSearch.current = search;
    if (window.scrollY > 0) window.scrollTo({ top: 0 });
  }, [search]);

  // Where focus goes when the lightbox closes: the tile of the image last shown.
  const [focusRequest, setFocusRequest] = useState<{ id: string; serial: number } | null>(null);
  const lastLightboxId = useRef<string | null>(null);
  useEffect(() => {
    if (lightboxId) {
      lastLightboxId.current = lightboxId;
    } else if (lastLightboxId.current) {
      const id = lastLightboxId.current;
      lastLightboxId.current = null;
      setFocusRequest((current) => ({ id, serial: (current?.serial ?? 0) + 1 }));
    }
  }, [lightboxId]);

  const {
    active: selecting,
    toggle,
    selectRange,
    selectAll,
    exit: exitSelection,
    start: startSelection,
  } = selection;

  const onActivate = useCallback(
    (index: number, event: MouseEvent) => {
      const image = images[index];
      if (!image) return;
      event.preventDefault();
      if (event.shiftKey) selectRange(image.id);
      else if (event.metaKey || event.ctrlKey || selecting) toggle(image.id);
      else pushLightbox(image.id);
    },
    [images, selecting, selectRange, toggle],
  );

  const onPick = useCallback(
    (index: number) => {
      const image = images[index];
      if (image) toggle(image.id);
    },
    [images, toggle],
  );

  useEffect(() => {
    if (!selecting || lightboxId) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isInLayer(event.target)) return;
      if (event.key === "Escape") exitSelection();
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "a") {
        event.preventDefault();
        selectAll();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [selecting, lightboxId, exitSelection, selectAll]);

  const { updateImage, addNewImage, patchImages, loadMore, retry } = pages;

  // `f` on a focused tile: the change shows at once and is announced; a failure puts it back
  // (and is toasted by the shared mutation handler).
  const favoriteChange = useApiMutation<Image, { before: Image; favorite: boolean }>({
    mutationFn: async ({ before, favorite }) =>
      (
        await apiFetch<{ image: Image }>(`/api/v1/images/${before.id}`, {
          method: "PATCH",
          json: { favorite },
        })
      ).image,
    onSuccess: (image) => updateImage(image),
    onError: (_error, { before }) => {
      updateImage(before);
      setAnnouncement("");
    },
    errorToast: ({ favorite }) => (favorite ? t("favorite.addFailed") : t("favorite.removeFailed")),
  });
  const { mutate: changeFavorite } = favoriteChange;
  const onToggleFavorite = useCallback(
    (index: number) => {
      const before = images[index];
      if (!before) return;
      const favorite = !before.favorite;
      updateImage({ ...before, favorite });
      setAnnouncement(favorite ? t("favorite.added") : t("favorite.removed"));
      changeFavorite({ before, favorite });
    },
    [images, updateImage, changeFavorite, t],
  );

  const onEdited = useCallback(
    (image: Image) => {
      if (!filtered) addNewImage(image);
      toast({ variant: "success", title: t("editReady") });
      replaceLightbox(image.id);
    },
    [filtered, addNewImage, t],
  );

  const onUndoDelete = useCallback(
    (restored: string[]) => {
      if (restored.length > 0) toast({ title: t("restored", { count: restored.length }) });
    },
    [t],
  );

  const clearFilters = () => setFilters(withoutFilters(filters));

  let content;
  if (pages.status === "loading") {
    content = <GalleryGridSkeleton />;
  } else if (pages.status === "error") {
    content = <GalleryError message={errorText(pages.error)} onRetry={retry} />;
  } else if (images.length === 0 && !pages.hasMore) {
    content = filtered ? <GalleryNoResults onClearFilters={clearFilters} /> : <GalleryEmpty />;
  } else {
    content = (
      <>
        <GalleryViewBar
          count={images.length}
          complete={!pages.hasMore}
          options={viewOptions}
          onChange={setViewOptions}
          sort={gallerySortOf(filters)}
          onSortChange={(sort) => setFilters(withSort(filters, sort))}
        />
        <VirtualImageGrid
          images={images}
          layout={viewOptions.layout}
          size={viewOptions.size}
          onToggleFavorite={onToggleFavorite}
          hasMore={pages.hasMore}
          loadingMore={pages.loadingMore}
          selectMode={selecting}
          selected={selection.selected}
          onEndReached={loadMore}
          onActivate={onActivate}
          onLongPress={onPick}
          onPick={onPick}
          layoutKey={`${search}|${selecting}|${viewOptions.layout}`}
          focusRequest={focusRequest}
        />
        <GridFooter
          count={images.length}
          hasMore={pages.hasMore}
          loadingMore={pages.loadingMore}
          failed={pages.error !== null}
          onRetry={retry}
        />
      </>
    );
  }

  return (
    <div className={selecting ? "pb-28" : undefined}>
      <PageHeader
        eyebrow={t("header.eyebrow")}
        title={t("header.title")}
        description={t("header.description")}
        actions={
          <>
            {selecting ? (
              <Button
                variant="secondary"
                onClick={selectAll}
                disabled={selection.selectedIds.length === images.length}
                className="max-sm:hidden"
              >
                <CheckCheck aria-hidden="true" />
                {t("header.selectAll")}
              </Button>
            ) : null}
            {empty ? null : (
              <Button
                variant="secondary"
                aria-pressed={selecting}
                onClick={() => (selecting ? exitSelection() : startSelection())}
                data-testid="select-mode"
                disabled={!selecting && (pages.status !== "ready" || images.length === 0)}
              >
                {selecting ? <X aria-hidden="true" /> : <CheckSquare aria-hidden="true" />}
                {selecting ? t("header.done") : t("header.select")}
              </Button>
            )}
            <Button asChild>
              <Link href="/generate">
                <WandSparkles aria-hidden="true" />
                {t("header.generate")}
              </Link>
            </Button>
          </>
        }
      />

      {empty ? null : (
        <GalleryToolbar
          filters={filters}
          onFiltersChange={setFilters}
          templates={templates}
          collections={collections}
          knownTags={knownTags}
        />
      )}

      <div className={empty ? "mt-8" : "mt-2"}>
        {pages.status === "ready" && (pages.source === "device" || !online) ? (
          <GalleryOfflineNotice onRetry={() => pages.retry()} />
        ) : null}
        {content}
      </div>

      <div role="status" aria-live="polite" className="sr-only" data-testid="gallery-announcer">
        {announcement}
      </div>
      <ShortcutsDialog
        open={shortcutsHelp.open}
        onOpenChange={shortcutsHelp.setOpen}
        shortcuts={shortcuts}
      />

      {selecting ? (
        <BulkActionBar
          selectedIds={selection.selectedIds}
          loadedCount={images.length}
          onSelectAll={selectAll}
          onExit={exitSelection}
          onFlagsChanged={patchImages}
        />
      ) : null}

      {lightboxId ? (
        <ImageLightbox
          imageId={lightboxId}
          images={images}
          hasMore={pages.hasMore}
          onLoadMore={loadMore}
          templateNameOf={templateNameOf}
          onNavigate={replaceLightbox}
          onClose={() => closeLightbox(galleryUrl)}
          onImageChange={updateImage}
          onEdited={onEdited}
          onUndoDelete={onUndoDelete}
        />
      ) : deleteWaiting ? (
        <UndoDeleteToast onUndo={onUndoDelete} />
      ) : null}
    </div>
  );
}

function GridFooter({
  count,
  hasMore,
  loadingMore,
  failed,
  onRetry,
}: {
  count: number;
  hasMore: boolean;
  loadingMore: boolean;
  failed: boolean;
  onRetry: () => void;
}) {
  const t = useTranslations("gallery.footer");
  return (
    <div
      className="text-ink-muted flex min-h-16 items-center justify-center py-4 text-sm"
      data-testid="gallery-footer"
    >
      {failed ? (
        <div role="alert" className="flex items-center gap-3">
          {t("failed")}
          <Button size="sm" variant="secondary" onClick={onRetry}>
            <RotateCw aria-hidden="true" />
            {t("retry")}
          </Button>
        </div>
      ) : loadingMore ? (
        <Spinner label={t("loadingMore")} className="size-5" />
      ) : hasMore ? null : (
        <p>{t("all", { count })}</p>
      )}
    </div>
  );
}
