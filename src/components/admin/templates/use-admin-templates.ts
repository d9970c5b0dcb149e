"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useApiMutation, useApiQuery } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import type { AspectRatio, Quality, TemplateCategory } from "@/shared/limits";
import type { AdminStyleTemplate } from "@/shared/template-rules";

/** The cache key of the admin's list of templates (hidden ones too). */
export const ADMIN_TEMPLATES_KEY = ["admin", "templates"] as const;

/** GET /api/v1/admin/templates, in the order /generate shows them. */
export function useAdminTemplates() {
  return useApiQuery<AdminStyleTemplate[]>(ADMIN_TEMPLATES_KEY, "/api/v1/admin/templates");
}

export interface TemplateFields {
  name?: string;
  description?: string;
  category?: TemplateCategory;
  promptPrefix?: string;
  promptSuffix?: string;
  negativePrompt?: string;
  aspectRatio?: AspectRatio | null;
  quality?: Quality | null;
  sortOrder?: number;
  hidden?: boolean;
}

/**
 * The request body: JSON, or multipart with the same fields and the `preview` file (nulls
 * cannot travel in a form, so a cleared default goes in a JSON PATCH first).
 */
function bodyOf(fields: TemplateFields, preview: File | null) {
  if (!preview) return { json: fields };
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null) form.append(name, String(value));
  }
  form.append("preview", preview);
  return { body: form };
}

function useSetList() {
  const queryClient = useQueryClient();
  return {
    invalidate: () => queryClient.invalidateQueries({ queryKey: ADMIN_TEMPLATES_KEY }),
    set: (list: AdminStyleTemplate[]) => queryClient.setQueryData(ADMIN_TEMPLATES_KEY, list),
  };
}

/** POST /api/v1/admin/templates (with a preview: multipart). */
export function useCreateTemplate() {
  const list = useSetList();
  return useApiMutation({
    mutationFn: ({ fields, preview }: { fields: TemplateFields; preview: File | null }) =>
      apiFetch<{ template: AdminStyleTemplate }>("/api/v1/admin/templates", {
        method: "POST",
        ...bodyOf(fields, preview),
      }),
    errorToast: false,
    onSuccess: () => void list.invalidate(),
  });
}

/** PATCH /api/v1/admin/templates/:id (with a new preview: multipart). */
export function useUpdateTemplate(errorToast: string | false = false) {
  const list = useSetList();
  return useApiMutation({
    mutationFn: async ({
      id,
      fields,
      preview,
    }: {
      id: string;
      fields: TemplateFields;
      preview: File | null;
    }) => {
      const path = `/api/v1/admin/templates/${id}`;
      const cleared = Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value === null),
      );
      if (preview && Object.keys(cleared).length > 0) {
        await apiFetch(path, { method: "PATCH", json: cleared });
      }
      const rest = preview
        ? Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null))
        : fields;
      return apiFetch<{ template: AdminStyleTemplate }>(path, {
        method: "PATCH",
        ...bodyOf(rest, preview),
      });
    },
    errorToast,
    onSuccess: () => void list.invalidate(),
  });
}

/** DELETE /api/v1/admin/templates/:id */
export function useDeleteTemplate() {
  const list = useSetList();
  return useApiMutation({
    mutationFn: (id: string) =>
      apiFetch<{ deleted: true; imagesUnlinked: number }>(`/api/v1/admin/templates/${id}`, {
        method: "DELETE",
      }),
    errorToast: false,
    onSuccess: () => void list.invalidate(),
  });
}

/** POST /api/v1/admin/templates/reorder; the answer is the whole list in its new order. */
export function useReorderTemplates(errorToast: string) {
  const list = useSetList();
  return useApiMutation({
    mutationFn: (ids: string[]) =>
      apiFetch<AdminStyleTemplate[]>("/api/v1/admin/templates/reorder", {
        method: "POST",
        json: { ids },
      }),
    errorToast,
    onSuccess: (templates) => list.set(templates),
  });
}
