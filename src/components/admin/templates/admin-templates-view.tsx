"use client";

import { ArrowDown, ArrowUp, Plus } from "lucide-react";
import { useState } from "react";
import { LoadError } from "@/components/settings/load-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { TEMPLATE_CATEGORIES, type TemplateCategory } from "@/shared/limits";
import type { AdminStyleTemplate } from "@/shared/template-rules";
import { DeleteTemplateDialog } from "./delete-template-dialog";
import { TemplateFormDialog } from "./template-form-dialog";
import {
  CATEGORY_LABELS,
  useAdminTemplates,
  useReorderTemplates,
  useUpdateTemplate,
} from "./use-admin-templates";

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
            {template.name}
          </span>
          <span className="text-ink-muted line-clamp-2 text-sm break-words">
            {template.description || "No description"}
          </span>
          <span className="flex flex-wrap items-center gap-1.5">
            {template.hidden ? (
              <Badge variant="warning" data-testid="admin-template-hidden">
                Hidden
              </Badge>
            ) : null}
            <span className="text-ink-muted text-xs">
              {template.imageCount} {template.imageCount === 1 ? "image" : "images"}
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
            aria-label={`Show ${template.name} on the generate page`}
            data-testid="admin-template-toggle"
          />
          <label
            htmlFor={switchId}
            className="text-ink-muted hidden text-sm sm:inline"
            aria-hidden="true"
          >
            Shown
          </label>
        </span>
        <Button
          size="icon"
          variant="ghost"
          disabled={first}
          onClick={() => onMove(template, -1)}
          aria-label={`Move ${template.name} up`}
          data-testid="admin-template-up"
        >
          <ArrowUp aria-hidden="true" />
        </Button>
        <Button
          size="icon"
          variant="ghost"
          disabled={last}
          onClick={() => onMove(template, 1)}
          aria-label={`Move ${template.name} down`}
          data-testid="admin-template-down"
        >
          <ArrowDown aria-hidden="true" />
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => onEdit(template)}
          aria-label={`Edit ${template.name}`}
          data-testid="admin-template-edit"
        >
          Edit
        </Button>
        <Button
          size="sm"
          variant="ghost"
          className="text-danger"
          onClick={() => onDelete(template)}
          aria-label={`Delete ${template.name}`}
          data-testid="admin-template-delete"
        >
          Delete
        </Button>
      </div>
    </li>
  );
}

/** The admin's Templates section: every template by category, in the generate page's order. */
export function AdminTemplatesView() {
  const list = useAdminTemplates();
  const reorder = useReorderTemplates();
  const toggle = useUpdateTemplate("The template was not changed. Please try again.");
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
          Style templates
        </h2>
        <Button onClick={() => setCreating(true)} data-testid="admin-template-new">
          <Plus aria-hidden="true" />
          New template
        </Button>
      </div>
      <p className="sr-only" aria-live="polite">
        {reorder.isPending ? "Saving the new order…" : ""}
      </p>

      {list.isPending ? (
        <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading templates">
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} className="h-24 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <LoadError
          title="The templates could not be loaded"
          message={list.error.message}
          onRetry={() => void list.refetch()}
          testId="admin-templates-error"
        />
      ) : templates.length === 0 ? (
        <EmptyState
          title="No templates"
          description="Create one: people pick templates on the generate page to give their prompt a style."
        />
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
                {CATEGORY_LABELS[category]}{" "}
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
