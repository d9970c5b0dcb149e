"use client";

import { ArrowDown, ArrowUp, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { LoadError } from "@/components/settings/load-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import { useTemplateCategoryLabel, useTemplateText } from "@/lib/i18n/template-text";
import { TEMPLATE_CATEGORIES, type TemplateCategory } from "@/shared/limits";
import type { AdminStyleTemplate } from "@/shared/template-rules";
import { DeleteTemplateDialog } from "./delete-template-dialog";
import { TemplateFormDialog } from "./template-form-dialog";
import { useAdminTemplates, useReorderTemplates, useUpdateTemplate } from "./use-admin-templates";

interface RowProps {
  template: AdminStyleTemplate;
  first: boolean;
  last: boolean;
  onMove: (template: AdminStyleTemplate, by: -1 | 1) => void;
  onToggle: (template: AdminStyleTemplate) => void;
  onEdit: (template: AdminStyleTemplate) => void;
  onDelete: (template: AdminStyleTemplate) => void;
}

function TemplateRow({ template, first, last, onMove, onToggle, onEdit, onDelete }: RowProps) {
  const t = useTranslations("admin.templates.row");
  const templateText = useTemplateText();
  // A template the studio ships shows its name in the reader's language, as /generate does.
  const { name, description } = templateText(template);
  const switchId = `admin-template-shown-${template.id}`;
  return (
    <li
      className="border-line bg-surface rounded-card flex flex-col gap-3 border p-3 sm:flex-row sm:items-center sm:gap-4"
      data-testid="admin-template-row"
      data-template-id={template.id}
    >
      <div className="flex min-w-0 flex-1 items-center gap-3">
        {/* eslint-disable-next-line @next/next/no-img-element -- small previews, served as they are */}
        <img
          src={template.previewUrl}
          alt=""
          width={64}
          height={64}
          className={`border-line size-16 shrink-0 rounded-lg border object-cover ${template.hidden ? "opacity-50 grayscale" : ""}`}
        />
        <div className="flex min-w-0 flex-col gap-1">
          <span
            className="text-ink font-semibold break-words"
            data-testid="admin-template-name-cell"
          >
            {name}
          </span>
          <span className="text-ink-muted line-clamp-2 text-sm break-words">
            {description || t("noDescription")}
          </span>
          <span className="flex flex-wrap items-center gap-1.5">
            {template.hidden ? (
              <Badge variant="warning" data-testid="admin-template-hidden">
                {t("hidden")}
              </Badge>
            ) : null}
            <span className="text-ink-muted text-xs">
              {t("images", { count: template.imageCount })}
            </span>
          </span>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span className="flex items-center gap-2 pr-1">
          <Switch
            id={switchId}
            checked={!template.hidden}
            onCheckedChange={() => onToggle(template)}
            aria-label={t("showLabel", { name })}
            data-testid="admin-template-toggle"
          />
          <label
            htmlFor={switchId}
            className="text-ink-muted hidden text-sm sm:inline"
            aria-hidden="true"
          >
            {t("shown")}
          </label>
        </span>
        <Button
          size="icon"
          variant="ghost"
          disabled={first}
          onClick={() => onMove(template, -1)}
          aria-label={t("up", { name })}
          data-testid="admin-template-up"
        >
          <ArrowUp aria-hidden="true" />
        </Button>
        <Button
          size="icon"
          variant="ghost"
          disabled={last}
          onClick={() => onMove(template, 1)}
          aria-label={t("down", { name })}
          data-testid="admin-template-down"
        >
          <ArrowDown aria-hidden="true" />
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => onEdit(template)}
          aria-label={t("editLabel", { name })}
          data-testid="admin-template-edit"
        >
          {t("edit")}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          className="text-danger"
          onClick={() => onDelete(template)}
          aria-label={t("deleteLabel", { name })}
          data-testid="admin-template-delete"
        >
          {t("delete")}
        </Button>
      </div>
    </li>
  );
}

/** The admin's Templates section: every template by category, in the generate page's order. */
export function AdminTemplatesView() {
  const t = useTranslations("admin.templates");
  const errorText = useErrorMessage();
  const categoryLabel = useTemplateCategoryLabel();
  const list = useAdminTemplates();
  const reorder = useReorderTemplates(t("orderFailed"));
  const toggle = useUpdateTemplate(t("toggleFailed"));
  const [editing, setEditing] = useState<AdminStyleTemplate | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<AdminStyleTemplate | null>(null);

  const busy = reorder.isPending || toggle.isPending;
  const templates = list.data ?? [];
  const byCategory = new Map<TemplateCategory, AdminStyleTemplate[]>();
  for (const template of templates) {
    byCategory.set(template.category, [...(byCategory.get(template.category) ?? []), template]);
  }

  function move(template: AdminStyleTemplate, by: -1 | 1) {
    // Not disabled while saving: a disabled button would drop the keyboard focus.
    if (busy) return;
    const group = byCategory.get(template.category) ?? [];
    const index = group.findIndex((item) => item.id === template.id);
    const other = group[index + by];
    if (!other) return;
    const ids = group.map((item) => item.id);
    ids[index] = other.id;
    ids[index + by] = template.id;
    reorder.mutate(ids);
  }

  return (
    <section className="flex flex-col gap-5" aria-labelledby="admin-templates-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="admin-templates-heading" className="text-ink text-lg font-semibold">
          {t("heading")}
        </h2>
        <Button onClick={() => setCreating(true)} data-testid="admin-template-new">
          <Plus aria-hidden="true" />
          {t("new")}
        </Button>
      </div>
      <p className="sr-only" aria-live="polite">
        {reorder.isPending ? t("savingOrder") : ""}
      </p>

      {list.isPending ? (
        <div className="flex flex-col gap-3" aria-busy="true" aria-label={t("loading")}>
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} className="h-24 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <LoadError
          title={t("loadError")}
          message={errorText(list.error)}
          onRetry={() => void list.refetch()}
          testId="admin-templates-error"
        />
      ) : templates.length === 0 ? (
        <EmptyState title={t("empty.title")} description={t("empty.description")} />
      ) : (
        TEMPLATE_CATEGORIES.filter((category) => byCategory.has(category)).map((category) => {
          const group = byCategory.get(category)!;
          return (
            <section
              key={category}
              className="flex flex-col gap-3"
              aria-labelledby={`admin-templates-${category}`}
            >
              <h3
                id={`admin-templates-${category}`}
                className="text-ink-muted text-sm font-semibold tracking-wide uppercase"
              >
                {categoryLabel(category)}{" "}
                <span className="font-normal normal-case">({group.length})</span>
              </h3>
              <ol className="flex flex-col gap-2" data-testid={`admin-templates-${category}`}>
                {group.map((template, index) => (
                  <TemplateRow
                    key={template.id}
                    template={template}
                    first={index === 0}
                    last={index === group.length - 1}
                    onMove={move}
                    onToggle={(item) => {
                      if (!busy)
                        toggle.mutate({
                          id: item.id,
                          fields: { hidden: !item.hidden },
                          preview: null,
                        });
                    }}
                    onEdit={setEditing}
                    onDelete={setDeleting}
                  />
                ))}
              </ol>
            </section>
          );
        })
      )}

      <TemplateFormDialog
        open={creating || editing !== null}
        template={editing}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
      />
      <DeleteTemplateDialog template={deleting} onClose={() => setDeleting(null)} />
    </section>
  );
}
