"use client";

import { Hash } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/cn";
import { useTemplateCategoryLabel, useTemplateName } from "@/lib/i18n/template-text";
import type { TemplateName } from "@/lib/api/template-names";
import type { Collection } from "@/shared/api-types";
import {
  ASPECT_RATIOS,
  checkText,
  TEMPLATE_CATEGORIES,
  TEXT_RULES,
  type AspectRatio,
} from "@/shared/limits";
import { ASPECT_MESSAGE_KEYS, type GalleryFilters } from "./gallery-filters";

interface FilterFieldsProps {
  filters: GalleryFilters;
  onChange: (next: GalleryFilters) => void;
  templates: TemplateName[] | null;
  collections: Collection[] | null;
  knownTags: string[];
  /** "bar": one compact row with accessible names only; "sheet": labelled fields stacked. */
  layout: "bar" | "sheet";
}

function set<K extends keyof GalleryFilters>(
  filters: GalleryFilters,
  key: K,
  value: GalleryFilters[K] | undefined,
): GalleryFilters {
  const next = { ...filters };
  if (value === undefined || value === "") delete next[key];
  else next[key] = value;
  return next;
}

/** Shape, style, collection, tag and dates: the filters beyond search and favourites. */
export function FilterFields({
  filters,
  onChange,
  templates,
  collections,
  knownTags,
  layout,
}: FilterFieldsProps) {
  const t = useTranslations("gallery");
  const templateName = useTemplateName();
  const categoryLabel = useTemplateCategoryLabel();
  const bar = layout === "bar";
  const ids = useId();
  // The same id on the control and, in the sheet, on its FormField (whose label points at it).
  const fieldId = (name: keyof GalleryFilters) => `${ids}-${name}`;

  const shape = (
    <Select
      id={fieldId("aspectRatio")}
      name="aspectRatio"
      aria-label={bar ? t("filters.shape") : undefined}
      value={filters.aspectRatio ?? ""}
      onChange={(event) =>
        onChange(
          set(filters, "aspectRatio", (event.target.value || undefined) as AspectRatio | undefined),
        )
      }
      className={cn(bar && "w-40")}
    >
      <option value="">{t("filters.anyShape")}</option>
      {ASPECT_RATIOS.map((ratio) => (
        <option key={ratio} value={ratio}>
          {t(ASPECT_MESSAGE_KEYS[ratio])}
        </option>
      ))}
    </Select>
  );

  const style = (
    <Select
      id={fieldId("templateId")}
      name="templateId"
      aria-label={bar ? t("filters.style") : undefined}
      value={filters.templateId ?? ""}
      onChange={(event) => onChange(set(filters, "templateId", event.target.value || undefined))}
      className={cn(bar && "w-44")}
    >
      <option value="">{t("filters.anyStyle")}</option>
      {templates === null && filters.templateId ? (
        <option value={filters.templateId}>{t("filters.selectedStyle")}</option>
      ) : null}
      {TEMPLATE_CATEGORIES.map((category) => {
        const inCategory = (templates ?? []).filter((template) => template.category === category);
        if (inCategory.length === 0) return null;
        return (
          <optgroup key={category} label={categoryLabel(category)}>
            {inCategory.map((template) => (
              <option key={template.id} value={template.id}>
                {templateName(template)}
              </option>
            ))}
          </optgroup>
        );
      })}
    </Select>
  );

  const collection = (
    <Select
      id={fieldId("collectionId")}
      name="collectionId"
      aria-label={bar ? t("filters.collection") : undefined}
      value={filters.collectionId ?? ""}
      onChange={(event) => onChange(set(filters, "collectionId", event.target.value || undefined))}
      className={cn(bar && "w-44")}
    >
      <option value="">{t("filters.anyCollection")}</option>
      {collections === null && filters.collectionId ? (
        <option value={filters.collectionId}>{t("filters.selectedCollection")}</option>
      ) : null}
      {(collections ?? []).map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
        </option>
      ))}
    </Select>
  );

  const tag = (
    <TagFilterInput
      id={fieldId("tag")}
      value={filters.tag ?? ""}
      onCommit={(value) => onChange(set(filters, "tag", value || undefined))}
      knownTags={knownTags}
      listId={`${ids}-tags`}
      compact={bar}
    />
  );

  const today = new Date().toISOString().slice(0, 10);
  const from = (
    <Input
      type="date"
      id={fieldId("from")}
      name="from"
      aria-label={bar ? t("filters.fromDate") : undefined}
      value={filters.from?.slice(0, 10) ?? ""}
      max={filters.to?.slice(0, 10) ?? today}
      onChange={(event) => onChange(set(filters, "from", event.target.value || undefined))}
      className={cn(bar && "w-40")}
    />
  );
  const to = (
    <Input
      type="date"
      id={fieldId("to")}
      name="to"
      aria-label={bar ? t("filters.toDate") : undefined}
      value={filters.to?.slice(0, 10) ?? ""}
      min={filters.from?.slice(0, 10)}
      max={today}
      onChange={(event) => onChange(set(filters, "to", event.target.value || undefined))}
      className={cn(bar && "w-40")}
    />
  );

  if (bar) {
    return (
      <div className="flex flex-wrap items-center gap-2" data-testid="gallery-filter-bar">
        {shape}
        {style}
        {collection}
        {tag}
        <div
          className="flex items-center gap-1.5"
          role="group"
          aria-label={t("filters.createdBetween")}
        >
          {from}
          <span aria-hidden="true" className="text-ink-subtle">
            –
          </span>
          {to}
        </div>
      </div>
    );
  }

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField id={fieldId("aspectRatio")} label={t("filters.shape")}>
        {shape}
      </FormField>
      <FormField id={fieldId("templateId")} label={t("filters.style")}>
        {style}
      </FormField>
      <FormField id={fieldId("collectionId")} label={t("filters.collection")}>
        {collection}
      </FormField>
      <FormField id={fieldId("tag")} label={t("filters.tag")}>
        {tag}
      </FormField>
      <FormField id={fieldId("from")} label={t("filters.from")}>
        {from}
      </FormField>
      <FormField id={fieldId("to")} label={t("filters.to")}>
        {to}
      </FormField>
    </div>
  );
}

interface TagFilterInputProps {
  value: string;
  onCommit: (tag: string) => void;
  knownTags: string[];
  listId: string;
  compact: boolean;
  id?: string;
  "aria-describedby"?: string;
}

/** A tag box that applies on Enter, on blur, or on picking a suggestion; an invalid tag is refused. */
function TagFilterInput({
  value,
  onCommit,
  knownTags,
  listId,
  compact,
  ...field
}: TagFilterInputProps) {
  const t = useTranslations("gallery.filters");
  const [draft, setDraft] = useState(value);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setDraft(value), [value]);

  function commit(text: string) {
    const raw = text.trim();
    if (raw === "") {
      setInvalid(false);
      if (value !== "") onCommit("");
      return;
    }
    const parsed = checkText(TEXT_RULES.tag, raw);
    setInvalid(!parsed.ok);
    if (parsed.ok && parsed.value !== value) onCommit(parsed.value);
  }

  return (
    <div className={cn("relative", compact && "w-40")}>
      <Hash
        aria-hidden="true"
        className="text-ink-subtle pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2"
      />
      <Input
        {...field}
        name="tag"
        value={draft}
        list={listId}
        aria-label={compact ? t("tag") : undefined}
        aria-invalid={invalid || undefined}
        placeholder={t("anyTag")}
        maxLength={32}
        autoComplete="off"
        enterKeyHint="done"
        onChange={(event) => {
          setDraft(event.target.value);
          setInvalid(false);
          // Picking from the datalist fires an input event with the whole suggestion.
          const native = event.nativeEvent as InputEvent;
          if (native.inputType === undefined || native.inputType === "insertReplacementText") {
            commit(event.target.value);
          }
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commit(draft);
          }
        }}
        onBlur={() => commit(draft)}
        className="pl-9"
      />
      <datalist id={listId}>
        {knownTags.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
    </div>
  );
}
