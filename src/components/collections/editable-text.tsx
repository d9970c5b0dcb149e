"use client";

import { Pencil, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useApiMutation } from "@/lib/api/hooks";
import { cn } from "@/lib/cn";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import { useFieldErrors } from "@/lib/i18n/use-field-errors";

interface EditableTextProps {
  value: string;
  /** The field's form name, e.g. "name". */
  name: string;
  /** The field's accessible name while editing, e.g. "Collection name". */
  fieldLabel: string;
  /** The pencil button's accessible name, e.g. "Rename collection". */
  editLabel: string;
  /** When set, an empty value shows a button with this text instead of the display. */
  emptyLabel?: string;
  children: ReactNode;
  multiline?: boolean;
  maxLength: number;
  /** The message when the value is left empty; unset means empty is allowed. */
  requiredMessage?: string;
  onSave: (value: string) => Promise<void>;
  className?: string;
  testId: string;
}

/**
 * Text shown as is, with a pencil button that swaps it for a field. Enter saves (Ctrl/⌘+Enter
 * in a multi-line field), Escape cancels; focus returns to the pencil afterwards.
 */
export function EditableText({
  value,
  name,
  fieldLabel,
  editLabel,
  emptyLabel,
  children,
  multiline = false,
  maxLength,
  requiredMessage,
  onSave,
  className,
  testId,
}: EditableTextProps) {
  const t = useTranslations("collections.editable");
  const errorText = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [invalid, setInvalid] = useState<string | null>(null);
  const saving = useApiMutation({
    mutationFn: onSave,
    errorToast: false,
    onSuccess: () => close(),
  });
  const pending = saving.isPending;
  const failure = saving.error;
  const error =
    invalid ?? (failure ? (Object.values(fieldErrorsOf(failure))[0] ?? errorText(failure)) : null);
  const trigger = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const fieldId = useId();

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [editing]);

  function open() {
    setDraft(value);
    setInvalid(null);
    saving.reset();
    setEditing(true);
  }

  function close() {
    returnFocus.current = true;
    setEditing(false);
  }

  function save() {
    const next = draft.trim();
    saving.reset();
    if (requiredMessage && !next) {
      setInvalid(requiredMessage);
      return;
    }
    setInvalid(null);
    if (next === value) {
      close();
      return;
    }
    if (!pending) saving.mutate(next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Enter" && (!multiline || event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      save();
    }
  }

  if (editing) {
    const fieldProps = {
      id: fieldId,
      name,
      value: draft,
      maxLength,
      autoFocus: true,
      disabled: pending,
      "aria-label": fieldLabel,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `${fieldId}-error` : `${fieldId}-hint`,
      onKeyDown,
      "data-testid": `${testId}-field`,
    } as const;
    return (
      <form
        className={cn("flex w-full flex-col gap-2", className)}
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        {multiline ? (
          <Textarea {...fieldProps} rows={3} onChange={(event) => setDraft(event.target.value)} />
        ) : (
          <Input
            {...fieldProps}
            onChange={(event) => setDraft(event.target.value)}
            className="font-display text-lg font-semibold sm:text-lg"
          />
        )}
        {error ? (
          <p id={`${fieldId}-error`} role="alert" className="text-danger text-sm">
            {error}
          </p>
        ) : (
          <p id={`${fieldId}-hint`} className="text-ink-subtle text-xs">
            {multiline ? t("hintMultiline") : t("hint")}{" "}
            {t("length", { length: draft.length, max: maxLength })}
          </p>
        )}
        <div className="flex gap-2">
          <Button type="submit" size="sm" loading={pending} data-testid={`${testId}-save`}>
            {t("save")}
          </Button>
          <Button variant="ghost" size="sm" onClick={close} disabled={pending}>
            {t("cancel")}
          </Button>
        </div>
      </form>
    );
  }

  if (!value && emptyLabel) {
    return (
      <Button
        ref={trigger}
        variant="ghost"
        size="sm"
        onClick={open}
        className={cn("self-start", className)}
        data-testid={`${testId}-edit`}
      >
        <Plus aria-hidden="true" />
        {emptyLabel}
      </Button>
    );
  }

  return (
    <div className={cn("flex min-w-0 items-start gap-1", className)}>
      <div className="min-w-0">{children}</div>
      <Button
        ref={trigger}
        variant="ghost"
        size="icon"
        onClick={open}
        aria-label={editLabel}
        title={editLabel}
        className="shrink-0"
        data-testid={`${testId}-edit`}
      >
        <Pencil aria-hidden="true" />
      </Button>
    </div>
  );
}
