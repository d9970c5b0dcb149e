"use client";

import { GitBranch, Globe, Lock } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { Image, ImageLineage as Lineage } from "@/shared/api-types";
import { EditImageForm } from "./edit-image-form";
import {
  AddToCollectionButton,
  CopyPromptButton,
  DeleteImageButton,
  DownloadMenu,
  FavoriteButton,
  UseSettingsLink,
  VariationsButton,
} from "./image-actions";
import { ImageLineage } from "./image-lineage";
import { ImageMetadata } from "./image-metadata";
import { ImageStage } from "./image-stage";
import { TagsEditor } from "./tags-editor";
import { useImagePatch } from "./use-image-patch";
import { VisibilityControl } from "./visibility-control";

export interface ImageDetailProps {
  image: Image;
  onImageChange: (image: Image) => void;
  variant: "lightbox" | "page";
  /** The viewer owns the image: favorite, tags, visibility, collections and delete. */
  canManage: boolean;
  /** null: no template; undefined: not known yet. */
  templateName: string | null | undefined;
  initialLineage?: Lineage;
  /** Shows another image (lineage links). */
  onOpenImage: (id: string) => void;
  /** An edit finished: show the new image. */
  onEdited: (image: Image) => void;
  /** The user confirmed deleting this image. */
  onDelete: () => void;
  onPrevious?: () => void;
  onNext?: () => void;
  /** Drawn over the stage (lightbox: counter and close). */
  stageOverlay?: ReactNode;
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || Boolean(target.closest("input, textarea, select")))
  );
}

function Section({
  title,
  children,
  className,
}: {
  title?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={cn("border-line flex flex-col gap-2.5 border-t pt-5", className)}>
      {title ? <h3 className="text-ink text-sm font-semibold">{title}</h3> : null}
      {children}
    </section>
  );
}

/**
 * One image with everything about it: the same view as the lightbox over the gallery and as
 * the standalone /images/[id] page. Keys: ←/→ previous and next, F favorite.
 */
export function ImageDetail({
  image,
  onImageChange,
  variant,
  canManage,
  templateName,
  initialLineage,
  onOpenImage,
  onEdited,
  onDelete,
  onPrevious,
  onNext,
  stageOverlay,
}: ImageDetailProps) {
  const t = useTranslations("image.detail");
  const rootRef = useRef<HTMLElement>(null);
  const [promptOpen, setPromptOpen] = useState(false);
  const patch = useImagePatch(image, onImageChange);
  const lightbox = variant === "lightbox";
  const HeadingTag = lightbox ? "h2" : "h1";
  const longPrompt = image.prompt.length > 280;

  const toggleFavorite = () =>
    void patch(
      { favorite: !image.favorite },
      image.favorite ? t("favoriteNotRemoved") : t("favoriteNotAdded"),
    );

  const keys = useRef({ toggleFavorite, onPrevious, onNext, canManage });
  keys.current = { toggleFavorite, onPrevious, onNext, canManage };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        event.altKey ||
        event.metaKey ||
        event.ctrlKey ||
        isTyping(event.target)
      )
        return;
      // Keys belong to whatever layer has focus: a menu or a dialog opened from here keeps them.
      const target = event.target instanceof Element ? event.target : null;
      const layer = target?.closest(
        '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]',
      );
      if (layer && !layer.contains(rootRef.current)) return;
      const {
        toggleFavorite: favorite,
        onPrevious: previous,
        onNext: next,
        canManage: owner,
      } = keys.current;
      if (event.key === "ArrowLeft" && previous) {
        event.preventDefault();
        previous();
      } else if (event.key === "ArrowRight" && next) {
        event.preventDefault();
        next();
      } else if ((event.key === "f" || event.key === "F") && owner && !event.shiftKey) {
        event.preventDefault();
        favorite();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  // Phones: as tall as the fitted image needs (plus the frame's inset), within a share of the screen.
  const ratio = image.width / image.height;
  const stageHeight = {
    "--stage-h": lightbox
      ? `min(66svh, calc((100vw - 3rem) / ${ratio} + 6rem))`
      : `min(70svh, calc((100vw - 5rem - 2px) / ${ratio} + 3rem))`,
  } as CSSProperties;

  return (
    <article
      ref={rootRef}
      data-testid="image-detail"
      data-image-id={image.id}
      className={cn(
        lightbox
          ? "flex min-h-full flex-col lg:h-full lg:flex-row"
          : "rounded-card border-line bg-surface shadow-card overflow-clip border lg:grid lg:grid-cols-[minmax(0,1fr)_25rem]",
      )}
      style={stageHeight}
    >
      {lightbox ? (
        <ImageStage
          key={image.id}
          image={image}
          onPrevious={onPrevious}
          onNext={onNext}
          overlay={stageOverlay}
          className="h-[var(--stage-h)] shrink-0 lg:h-full lg:min-w-0 lg:flex-1"
        />
      ) : (
        // The page's stage stays in view while the panel beside it scrolls.
        <div className="bg-[#0c0a14]">
          <ImageStage
            key={image.id}
            image={image}
            onPrevious={onPrevious}
            onNext={onNext}
            overlay={stageOverlay}
            className="h-[var(--stage-h)] lg:sticky lg:top-0 lg:h-[min(calc(100dvh-8rem),50rem)]"
          />
        </div>
      )}

      <div
        className={cn(
          "bg-surface flex flex-col gap-5 p-5 sm:p-6",
          lightbox &&
            "lg:border-line -mt-4 flex-1 rounded-t-[1.5rem] lg:mt-0 lg:w-[25rem] lg:flex-none lg:overflow-y-auto lg:rounded-none lg:border-l",
          !lightbox && "lg:border-line lg:border-l",
        )}
        data-testid="image-panel"
      >
        <header className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center gap-1.5">
            {image.isPublic ? (
              <Badge variant="success">
                <Globe aria-hidden="true" />
                {t("public")}
              </Badge>
            ) : (
              <Badge>
                <Lock aria-hidden="true" />
                {t("private")}
              </Badge>
            )}
            {image.parentId ? (
              <Badge variant="primary">
                <GitBranch aria-hidden="true" />
                {t("edit")}
              </Badge>
            ) : null}
            {image.model === "demo" ? (
              <Badge variant="warning" title={t("demoHint")}>
                {t("demo")}
              </Badge>
            ) : null}
          </div>
          <HeadingTag
            className={cn(
              "text-ink text-base leading-relaxed font-semibold text-wrap break-words sm:text-[1.05rem]",
              longPrompt && !promptOpen && "line-clamp-6",
            )}
          >
            {image.prompt}
          </HeadingTag>
          {longPrompt ? (
            <button
              type="button"
              onClick={() => setPromptOpen((open) => !open)}
              className="text-primary self-start text-sm font-semibold hover:underline"
            >
              {promptOpen ? t("showLess") : t("showPrompt")}
            </button>
          ) : null}
          {image.negativePrompt ? (
            <p className="text-ink-muted text-sm">
              <span className="text-ink-subtle font-semibold">{t("avoid")} </span>
              {image.negativePrompt}
            </p>
          ) : null}
        </header>

        <div
          className={cn("-mx-1 grid gap-1", canManage ? "grid-cols-4" : "grid-cols-2")}
          role="group"
          aria-label={t("actions")}
        >
          {canManage ? (
            <FavoriteButton favorite={image.favorite} onToggle={toggleFavorite} />
          ) : null}
          <DownloadMenu
            image={image}
            onDownloaded={() => onImageChange({ ...image, downloadCount: image.downloadCount + 1 })}
          />
          {canManage ? <AddToCollectionButton image={image} /> : null}
          <CopyPromptButton prompt={image.prompt} />
        </div>

        {/* Signed in on every page that shows this: anyone's public image makes variations. */}
        <div className="grid grid-cols-2 gap-2">
          <UseSettingsLink image={image} />
          <VariationsButton image={image} />
        </div>

        <Section title={t("tags")}>
          <TagsEditor
            tags={image.tags}
            readOnly={!canManage}
            onSave={(tags) => patch({ tags }, t("tagsNotSaved"))}
          />
        </Section>

        {canManage ? (
          <Section>
            <VisibilityControl
              image={image}
              onChange={(isPublic) =>
                void patch({ isPublic }, isPublic ? t("notMadePublic") : t("notMadePrivate"))
              }
            />
          </Section>
        ) : null}

        <Section>
          <EditImageForm image={image} onEdited={onEdited} />
        </Section>

        <Section>
          <ImageLineage image={image} initial={initialLineage} onOpen={onOpenImage} />
        </Section>

        <Section title={t("details")}>
          <ImageMetadata image={image} templateName={templateName} />
        </Section>

        {canManage ? (
          <Section className="pb-2">
            <div className="flex items-center justify-between gap-3">
              <p className="text-ink-muted text-sm">{t("deleteHint")}</p>
              <DeleteImageButton onDelete={onDelete} />
            </div>
          </Section>
        ) : null}
      </div>
    </article>
  );
}
