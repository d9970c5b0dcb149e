"use client";

import { Ban, ChevronLeft, ChevronRight, RotateCw } from "lucide-react";
import { PlainImage } from "@/components/ui/plain-image";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import { useTemplateCategoryLabel, useTemplateText } from "@/lib/i18n/template-text";
import type { StyleTemplate } from "@/shared/api-types";
import type { TemplateCategory } from "@/shared/schemas/templates";
import type { Loadable, TemplateCatalog } from "./use-generate-data";

interface TemplatePickerProps {
  id: string;
  catalog: Loadable<TemplateCatalog>;
  onReload: () => void;
  selectedId: string | null;
  onSelect: (template: StyleTemplate | null) => void;
}

/**
 * Native radio buttons (one `name`), so arrow keys move the choice and screen readers
 * announce "n of m"; the category chips only filter what is shown.
 */
export function TemplatePicker({
  id,
  catalog,
  onReload,
  selectedId,
  onSelect,
}: TemplatePickerProps) {
  const t = useTranslations("generate.templates");
  const errorText = useErrorMessage();
  const textOf = useTemplateText();
  const categoryLabel = useTemplateCategoryLabel();
  const [category, setCategory] = useState<TemplateCategory | null>(null);
  const stripRef = useRef<HTMLDivElement>(null);
  const templates = catalog.status === "ready" ? catalog.data.templates : [];
  const selected = templates.find((template) => template.id === selectedId) ?? null;
  const selectedText = selected ? textOf(selected) : null;
  // A "Use these settings" link can name a template an admin has since hidden or deleted: it is
  // dropped (generating with it would be refused) and the person is told why.
  const [withdrawn, setWithdrawn] = useState(false);
  const unknownSelection = catalog.status === "ready" && selectedId !== null && selected === null;
  useEffect(() => {
    if (!unknownSelection) return;
    setWithdrawn(true);
    onSelect(null);
  }, [unknownSelection, onSelect]);
  const shown = category
    ? templates.filter((template) => template.category === category)
    : templates;

  function scrollStrip(direction: 1 | -1) {
    const strip = stripRef.current;
    if (strip) strip.scrollBy({ left: direction * strip.clientWidth * 0.8, behavior: "smooth" });
  }

  return (
    <fieldset
      className="flex min-w-0 flex-col gap-3"
      data-testid="template-picker"
      aria-describedby={`${id}-selected`}
    >
      <legend className="sr-only">{t("legend")}</legend>
      <div className="flex min-h-8 items-center justify-between gap-3">
        <span aria-hidden="true" className="text-ink text-sm font-medium">
          {t("legend")}
        </span>
        {catalog.status === "ready" ? (
          <div className="hidden shrink-0 gap-1 [@media(hover:hover)]:flex">
            <ScrollButton direction={-1} onClick={() => scrollStrip(-1)} />
            <ScrollButton direction={1} onClick={() => scrollStrip(1)} />
          </div>
        ) : null}
      </div>

      {catalog.status === "error" ? (
        <div className="flex flex-col gap-3">
          <Alert variant="warning" role="alert" title={t("loadErrorTitle")}>
            {errorText(catalog.error)} {t("loadErrorHint")}
          </Alert>
          <div>
            <Button variant="secondary" size="sm" onClick={onReload}>
              <RotateCw aria-hidden="true" />
              {t("reload")}
            </Button>
          </div>
        </div>
      ) : null}

      {catalog.status === "loading" ? <TemplateStripSkeleton /> : null}

      {catalog.status === "ready" ? (
        <>
          <div
            role="group"
            aria-label={t("filterLabel")}
            className="-mx-1 flex [scrollbar-width:none] gap-1.5 overflow-x-auto px-1 pb-1 sm:flex-wrap sm:overflow-visible"
          >
            <CategoryChip
              label={t("all")}
              count={templates.length}
              active={category === null}
              onClick={() => setCategory(null)}
            />
            {catalog.data.categories.map((item) => (
              <CategoryChip
                key={item.id}
                label={categoryLabel(item.id)}
                count={item.count}
                active={category === item.id}
                onClick={() => setCategory(item.id)}
              />
            ))}
          </div>

          <div
            ref={stripRef}
            className="-mx-1 flex snap-x snap-mandatory scroll-px-1 gap-3 overflow-x-auto px-1 pt-1 pb-3"
          >
            <TemplateOption
              id={id}
              checked={selectedId === null}
              onChange={() => {
                setWithdrawn(false);
                onSelect(null);
              }}
              label={t("none")}
              description={t("noneDescription")}
            >
              <span className="bg-surface-sunken text-ink-subtle flex size-full items-center justify-center">
                <Ban aria-hidden="true" className="size-7" strokeWidth={1.5} />
              </span>
            </TemplateOption>
            {shown.map((template) => {
              const text = textOf(template);
              return (
                <TemplateOption
                  key={template.id}
                  id={`${id}-${template.slug}`}
                  value={template.id}
                  checked={template.id === selectedId}
                  onChange={() => {
                    setWithdrawn(false);
                    onSelect(template);
                  }}
                  label={text.name}
                  description={text.description}
                >
                  <PlainImage
                    src={template.previewUrl}
                    alt=""
                    width={112}
                    height={112}
                    className="size-full object-cover transition-transform duration-300 group-hover:scale-105"
                  />
                </TemplateOption>
              );
            })}
          </div>
          <p id={`${id}-selected`} className="text-ink-muted -mt-1 min-h-5 text-sm">
            {selectedText ? (
              <>
                <span className="text-ink font-semibold">{selectedText.name}</span> —{" "}
                {selectedText.description}
              </>
            ) : withdrawn ? (
              t("withdrawn")
            ) : (
              t("noTemplate")
            )}
          </p>
        </>
      ) : null}
    </fieldset>
  );
}

function CategoryChip({
  label,
  count,
  active,
  onClick,
}: {
  label: string;
  count: number;
  active: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onClick}
      className={cn(
        "inline-flex h-9 shrink-0 items-center gap-1.5 rounded-full border px-3.5 text-sm font-medium transition-colors sm:h-8 sm:px-3",
        active
          ? "bg-ink text-canvas border-transparent"
          : "border-line-strong bg-surface text-ink-muted hover:border-primary/40 hover:text-ink",
      )}
    >
      {label}
      <span className={cn("text-xs tabular-nums", active ? "text-canvas/70" : "text-ink-subtle")}>
        {count}
      </span>
    </button>
  );
}

function ScrollButton({ direction, onClick }: { direction: 1 | -1; onClick: () => void }) {
  const Icon = direction === 1 ? ChevronRight : ChevronLeft;
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-hidden="true"
      onClick={onClick}
      className="border-line-strong bg-surface text-ink-muted hover:text-ink inline-flex size-8 items-center justify-center rounded-full border"
    >
      <Icon className="size-4" />
    </button>
  );
}

interface TemplateOptionProps {
  id: string;
  value?: string;
  checked: boolean;
  onChange: () => void;
  label: string;
  description: string;
  children: ReactNode;
}

function TemplateOption({
  id,
  value = "",
  checked,
  onChange,
  label,
  description,
  children,
}: TemplateOptionProps) {
  return (
    <label htmlFor={id} className="group relative w-26 shrink-0 snap-start sm:w-28">
      <input
        id={id}
        type="radio"
        name="styleTemplateId"
        value={value}
        checked={checked}
        onChange={onChange}
        aria-describedby={`${id}-description`}
        className="peer sr-only"
      />
      <span
        className={cn(
          "bg-surface-raised block aspect-square overflow-hidden rounded-2xl border-2 transition-[border-color,box-shadow]",
          "peer-focus-visible:ring-ring/35 peer-focus-visible:ring-4",
          checked
            ? "border-primary shadow-[0_8px_20px_-12px_var(--primary)]"
            : "group-hover:border-line-strong border-transparent",
        )}
      >
        {children}
      </span>
      <span
        className={cn(
          "mt-1.5 line-clamp-2 block text-xs leading-snug",
          checked ? "text-ink font-semibold" : "text-ink-muted",
        )}
      >
        {label}
      </span>
      <span id={`${id}-description`} className="sr-only">
        {description}
      </span>
      {checked ? (
        <span
          aria-hidden="true"
          className="bg-primary text-on-primary absolute top-1.5 right-1.5 flex size-5 items-center justify-center rounded-full shadow"
        >
          <svg
            viewBox="0 0 16 16"
            className="size-3"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.5"
          >
            <path d="m3.5 8.5 3 3 6-7" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </span>
      ) : null}
    </label>
  );
}

function TemplateStripSkeleton() {
  const t = useTranslations("generate.templates");
  return (
    <div role="status" aria-label={t("loading")} className="flex flex-col gap-3">
      <div className="flex gap-1.5">
        {[48, 104, 96, 56, 72].map((width, index) => (
          <Skeleton key={index} radius="full" className="h-8" style={{ width }} />
        ))}
      </div>
      <div className="flex gap-3 overflow-hidden pb-3">
        {Array.from({ length: 6 }, (_, index) => (
          <div key={index} className="flex w-26 shrink-0 flex-col gap-1.5 sm:w-28">
            <Skeleton radius="2xl" className="aspect-square w-full" />
            <Skeleton className="h-3 w-3/4" />
          </div>
        ))}
      </div>
    </div>
  );
}
