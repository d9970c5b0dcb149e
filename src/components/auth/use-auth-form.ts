"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useState, type FormEvent } from "react";
import { ApiClientError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/request";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import { checkText, type TextRule } from "@/shared/limits";

export interface FormErrorState {
  title: string;
  detail?: string;
}

/** The `auth` namespace's translator, which a form's own error mapping writes its text with. */
export type AuthTranslator = ReturnType<typeof useTranslations<"auth">>;

export interface AuthErrorMapping<Field extends string> {
  fieldErrors?: Partial<Record<Field, string>>;
  formError?: FormErrorState;
}

interface UseAuthFormOptions<Field extends string> {
  fields: readonly Field[];
  /** Each field's rule from shared/limits: the limits the API's schema is built from. */
  rules: Record<Field, TextRule>;
  endpoint: string;
  /** Where to go after success (already checked to be a same-origin path). */
  destination: string;
  /** Instead of going to `destination`: the form shows its own success state. */
  onSuccess?: () => void;
  /** Errors specific to this form (UNAUTHORIZED, CONFLICT…); return null for the common handling. */
  mapError?: (error: ApiClientError, t: AuthTranslator) => AuthErrorMapping<Field> | null;
}

function checkFields<Field extends string>(
  values: Record<Field, string>,
  rules: Record<Field, TextRule>,
  fields: readonly Field[],
): { values: Record<Field, string>; errors: Partial<Record<Field, string>> } {
  const checked = { ...values };
  const errors: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const result = checkText(rules[field], values[field]);
    if (result.ok) checked[field] = result.value;
    else errors[field] = result.error;
  }
  return { values: checked, errors };
}

/** How long to wait, in words of the person's language ("5 minutes", "5 menit"). */
function waitText(seconds: number, format: ReturnType<typeof useFormatter>): string {
  const unit = (value: number, name: "second" | "minute" | "hour") =>
    format.number(value, { style: "unit", unit: name, unitDisplay: "long" });
  if (seconds < 60) return unit(seconds, "second");
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return unit(minutes, "minute");
  return unit(Math.ceil(minutes / 60), "hour");
}

function commonErrorMapping<Field extends string>(
  error: ApiClientError,
  fields: readonly Field[],
  t: AuthTranslator,
  errorText: (error: unknown) => string,
  format: ReturnType<typeof useFormatter>,
): AuthErrorMapping<Field> {
  if (error.code === "VALIDATION_ERROR") {
    const all = error.fieldErrors();
    const fieldErrors: Partial<Record<Field, string>> = {};
    for (const field of fields) {
      const message = all[field];
      if (message) fieldErrors[field] = message;
    }
    if (Object.keys(fieldErrors).length > 0) return { fieldErrors };
    return { formError: { title: errorText(error) } };
  }
  if (error.code === "RATE_LIMITED") {
    return {
      formError: {
        title: t("errors.tooManyAttempts"),
        detail:
          error.retryAfterSeconds !== null
            ? t("errors.waitFor", { wait: waitText(error.retryAfterSeconds, format) })
            : t("errors.waitMoment"),
      },
    };
  }
  if (error.code === "NETWORK_ERROR") {
    return { formError: { title: t("errors.offline"), detail: errorText(error) } };
  }
  return { formError: { title: errorText(error) } };
}

/**
 * Client-side checks with the API's own limits, the POST, and the mapping of its errors.
 * The request goes through apiFetch, but not useApiMutation: the signed-out pages have no
 * query client, and TanStack Query would be most of /login's JavaScript for one POST.
 */
export function useAuthForm<Field extends string>({
  fields,
  rules,
  endpoint,
  destination,
  mapError,
  onSuccess,
}: UseAuthFormOptions<Field>) {
  const router = useRouter();
  const t = useTranslations("auth");
  const errorText = useErrorMessage();
  const format = useFormatter();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<FormErrorState | null>(null);
  const [pending, setPending] = useState(false);

  const focusField = useCallback(
    (form: HTMLFormElement, errors: Partial<Record<Field, string>>) => {
      const first = fields.find((field) => errors[field]);
      if (!first) return;
      const element = form.elements.namedItem(first);
      if (element instanceof HTMLElement) element.focus();
    },
    [fields],
  );

  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (pending) return;
      const form = event.currentTarget;
      const data = new FormData(form);
      const values = {} as Record<Field, string>;
      for (const field of fields) {
        const value = data.get(field);
        values[field] = typeof value === "string" ? value : "";
      }

      const checked = checkFields(values, rules, fields);
      if (Object.keys(checked.errors).length > 0) {
        const errors = checked.errors;
        setFieldErrors(errors);
        setFormError(null);
        focusField(form, errors);
        return;
      }

      setPending(true);
      setFormError(null);
      setFieldErrors({});
      try {
        await apiFetch<unknown>(endpoint, { method: "POST", json: checked.values });
      } catch (error) {
        setPending(false);
        if (!(error instanceof ApiClientError)) {
          setFormError({ title: t("errors.somethingWrong") });
          return;
        }
        const mapping =
          mapError?.(error, t) ?? commonErrorMapping(error, fields, t, errorText, format);
        setFieldErrors(mapping.fieldErrors ?? {});
        setFormError(mapping.formError ?? null);
        if (mapping.fieldErrors) focusField(form, mapping.fieldErrors);
        return;
      }
      if (onSuccess) {
        setPending(false);
        onSuccess();
        return;
      }
      router.replace(destination);
      router.refresh();
    },
    [
      pending,
      fields,
      rules,
      endpoint,
      mapError,
      focusField,
      router,
      destination,
      onSuccess,
      t,
      errorText,
      format,
    ],
  );

  const clearFieldError = useCallback((name: string) => {
    setFieldErrors((current) => {
      if (!(name in current)) return current;
      const next = { ...current };
      delete next[name as Field];
      return next;
    });
  }, []);

  return {
    fieldErrors,
    formError,
    pending,
    onSubmit: (event: FormEvent<HTMLFormElement>) => void onSubmit(event),
    clearFieldError,
  };
}
