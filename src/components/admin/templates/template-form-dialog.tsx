"use client";

import { ImageUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import { useFieldErrorText } from "@/lib/i18n/use-field-errors";
import { useTemplateCategoryLabel, useTemplateText } from "@/lib/i18n/template-text";
import {
  ASPECT_RATIOS,
  checkText,
  QUALITIES,
  TEMPLATE_CATEGORIES,
  type AspectRatio,
  type Quality,
  type TemplateCategory,
} from "@/shared/limits";
import {
  TEMPLATE_PREVIEW_MAX_BYTES,
  TEMPLATE_TEXT_RULES,
  type AdminStyleTemplate,
} from "@/shared/template-rules";
import { useCreateTemplate, useUpdateTemplate, type TemplateFields } from "./use-admin-templates";

type TextField = keyof typeof TEMPLATE_TEXT_RULES;
const TEXT_FIELDS = Object.keys(TEMPLATE_TEXT_RULES) as TextField[];
const PREVIEW_TYPES = ["image/png", "image/jpeg", "image/webp"];

function initialText(template: AdminStyleTemplate | null): Record<TextField, string> {
  return {
    name: template?.name ?? "",
    description: template?.description ?? "",
    promptPrefix: template?.promptPrefix ?? "",
    promptSuffix: template?.promptSuffix ?? "",
    negativePrompt: template?.negativePrompt ?? "",
  };
}

function TemplateForm({
  template,
  onDone,
}: {
  template: AdminStyleTemplate | null;
  onDone: () => void;
}) {
  const t = useTranslations("admin.templates.form");
  const errorText = useErrorMessage();
  const fieldErrorText = useFieldErrorText();
  const categoryLabel = useTemplateCategoryLabel();
  const categoryOptions = TEMPLATE_CATEGORIES.map((value) => ({
    value,
    label: categoryLabel(value),
  }));
  const ratioOptions = [
    { value: "", label: t("noDefault") },
    ...ASPECT_RATIOS.map((value) => ({ value, label: value })),
  ];
  const qualityOptions = [
    { value: "", label: t("noDefault") },
    ...QUALITIES.map((value) => ({ value, label: t(`qualities.${value}`) })),
  ];
  const id = useId();
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const mutation = template ? update : create;
  const [text, setText] = useState(() => initialText(template));
  const [category, setCategory] = useState<TemplateCategory>(template?.category ?? "photography");
  const [ratio, setRatio] = useState<AspectRatio | "">(template?.parameters.aspectRatio ?? "");
  const [quality, setQuality] = useState<Quality | "">(template?.parameters.quality ?? "");
  const [hidden, setHidden] = useState(template?.hidden ?? false);
  const [preview, setPreview] = useState<File | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [shown, setShown] = useState(false);

  useEffect(() => {
    if (!preview) {
      setPreviewUrl(null);
      return;
    }
    const url = URL.createObjectURL(preview);
    setPreviewUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [preview]);

  const checks = Object.fromEntries(
    TEXT_FIELDS.map((field) => [field, checkText(TEMPLATE_TEXT_RULES[field], text[field])]),
  ) as Record<TextField, ReturnType<typeof checkText>>;
  const errorOf = (field: TextField) => {
    const check = checks[field];
    return shown && !check.ok ? (fieldErrorText(check.error) ?? null) : null;
  };

  function choosePreview(file: File | undefined) {
    setPreviewError(null);
    if (!file) {
      setPreview(null);
      return;
    }
    if (!PREVIEW_TYPES.includes(file.type)) {
      setPreviewError(t("previewType"));
      return;
    }
    if (file.size > TEMPLATE_PREVIEW_MAX_BYTES) {
      setPreviewError(t("previewSize"));
      return;
    }
    setPreview(file);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setShown(true);
    if (TEXT_FIELDS.some((field) => !checks[field].ok) || previewError) return;
    const value = (field: TextField) => {
      const check = checks[field];
      return check.ok ? check.value : "";
    };
    const fields: TemplateFields = {};
    for (const field of TEXT_FIELDS) {
      if (!template || value(field) !== template[field]) fields[field] = value(field);
    }
    if (!template || category !== template.category) fields.category = category;
    const nextRatio = ratio === "" ? null : ratio;
    if (template ? nextRatio !== (template.parameters.aspectRatio ?? null) : nextRatio)
      fields.aspectRatio = nextRatio;
    const nextQuality = quality === "" ? null : quality;
    if (template ? nextQuality !== (template.parameters.quality ?? null) : nextQuality)
      fields.quality = nextQuality;
    if (!template || hidden !== template.hidden) fields.hidden = hidden;
    if (template) {
      if (Object.keys(fields).length === 0 && !preview) {
        onDone();
        return;
      }
      update.mutate({ id: template.id, fields, preview }, { onSuccess: onDone });
    } else {
      create.mutate({ fields, preview }, { onSuccess: onDone });
    }
  }

  const shownPreview = previewUrl ?? template?.previewUrl ?? null;

  return (
    <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
      <FormField label={t("name")} error={errorOf("name")}>
        <Input
          name="name"
          autoComplete="off"
          value={text.name}
          onChange={(event) => setText({ ...text, name: event.target.value })}
          data-testid="admin-template-name"
        />
      </FormField>
      <FormField
        label={t("description")}
        hint={t("descriptionHint")}
        error={errorOf("description")}
      >
        <Textarea
          name="description"
          rows={2}
          value={text.description}
          onChange={(event) => setText({ ...text, description: event.target.value })}
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label={t("category")}>
          <Select
            name="category"
            value={category}
            options={categoryOptions}
            onChange={(event) => setCategory(event.target.value as TemplateCategory)}
            data-testid="admin-template-category"
          />
        </FormField>
        <FormField label={t("ratio")}>
          <Select
            name="aspectRatio"
            value={ratio}
            options={ratioOptions}
            onChange={(event) => setRatio(event.target.value as AspectRatio | "")}
          />
        </FormField>
        <FormField label={t("quality")}>
          <Select
            name="quality"
            value={quality}
            options={qualityOptions}
            onChange={(event) => setQuality(event.target.value as Quality | "")}
          />
        </FormField>
      </div>
      <FormField label={t("prefix")} hint={t("prefixHint")} error={errorOf("promptPrefix")}>
        <Textarea
          name="promptPrefix"
          rows={2}
          value={text.promptPrefix}
          onChange={(event) => setText({ ...text, promptPrefix: event.target.value })}
        />
      </FormField>
      <FormField label={t("suffix")} hint={t("suffixHint")} error={errorOf("promptSuffix")}>
        <Textarea
          name="promptSuffix"
          rows={4}
          value={text.promptSuffix}
          onChange={(event) => setText({ ...text, promptSuffix: event.target.value })}
        />
      </FormField>
      <FormField label={t("negative")} error={errorOf("negativePrompt")}>
        <Textarea
          name="negativePrompt"
          rows={2}
          value={text.negativePrompt}
          onChange={(event) => setText({ ...text, negativePrompt: event.target.value })}
        />
      </FormField>
      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-preview`}>{t("preview")}</Label>
        <div className="flex flex-wrap items-center gap-4">
          {shownPreview ? (
            // eslint-disable-next-line @next/next/no-img-element -- a local blob or our own file, shown as is
            <img
              src={shownPreview}
              alt={previewUrl ? t("newPreview") : t("currentPreview")}
              width={96}
              height={96}
              className="border-line size-24 rounded-lg border object-cover"
              data-testid="admin-template-preview-shown"
            />
          ) : (
            <span className="border-line text-ink-muted flex size-24 items-center justify-center rounded-lg border border-dashed">
              <ImageUp aria-hidden="true" className="size-6" />
            </span>
          )}
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <input
              id={`${id}-preview`}
              type="file"
              name="preview"
              accept={PREVIEW_TYPES.join(",")}
              aria-describedby={`${id}-preview-hint`}
              className="text-ink-muted file:border-line-strong file:bg-surface file:text-ink max-w-full text-sm file:mr-3 file:rounded-md file:border file:px-3 file:py-1.5"
              onChange={(event) => choosePreview(event.target.files?.[0])}
              data-testid="admin-template-preview"
            />
            <p id={`${id}-preview-hint`} className="text-ink-muted text-sm">
              {template ? t("previewHint") : t("previewHintNew")}
            </p>
            {previewError ? (
              <p className="text-danger text-sm" role="alert">
                {previewError}
              </p>
            ) : null}
          </div>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <Switch
          id={`${id}-shown`}
          checked={!hidden}
          onCheckedChange={(checked) => setHidden(!checked)}
        />
        <Label htmlFor={`${id}-shown`}>{t("offered")}</Label>
      </div>
      {mutation.error ? (
        <Alert variant="danger" role="alert" title={t("notSaved")}>
          {errorText(mutation.error)}
        </Alert>
      ) : null}
      <DialogFooter>
        <Button type="button" variant="secondary" onClick={onDone} disabled={mutation.isPending}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={mutation.isPending} data-testid="admin-template-save">
          {mutation.isPending ? t("saving") : template ? t("save") : t("create")}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** Create a template (`template` null) or edit one, with its preview upload. */
export function TemplateFormDialog({
  open,
  template,
  onClose,
}: {
  open: boolean;
  template: AdminStyleTemplate | null;
  onClose: () => void;
}) {
  const t = useTranslations("admin.templates.form");
  const templateText = useTemplateText();
  return (
    <Dialog open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      {open ? (
        <DialogContent
          data-testid="admin-template-dialog"
          className="max-h-[90dvh] overflow-y-auto"
        >
          <DialogHeader>
            <DialogTitle>
              {template ? t("editTitle", { name: templateText(template).name }) : t("newTitle")}
            </DialogTitle>
            <DialogDescription>
              {template ? t("editDescription") : t("newDescription")}
            </DialogDescription>
          </DialogHeader>
          <TemplateForm key={template?.id ?? "new"} template={template} onDone={onClose} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
