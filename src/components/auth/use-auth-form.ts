"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, type FormEvent } from "react";
import type { z } from "zod";
import { ApiClientError, apiFetch, formatWait } from "@/lib/api-client";

export interface FormErrorState {
  title: string;
  detail?: string;
}

export interface AuthErrorMapping<Field extends string> {
  fieldErrors?: Partial<Record<Field, string>>;
  formError?: FormErrorState;
}

interface UseAuthFormOptions<Field extends string> {
  fields: readonly Field[];
  schema: z.ZodType;
  endpoint: string;
  /** Where to go after success (already checked to be a same-origin path). */
  destination: string;
  /** Errors specific to this form (UNAUTHORIZED, CONFLICT…); return null for the common handling. */
  mapError?: (error: ApiClientError) => AuthErrorMapping<Field> | null;
}

function firstIssueByField<Field extends string>(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fields: readonly Field[],
): Partial<Record<Field, string>> {
  const result: Partial<Record<Field, string>> = {};
  for (const issue of issues) {
    const key = issue.path[0];
    const field = fields.find((name) => name === key);
    if (field && result[field] === undefined) result[field] = issue.message;
  }
  return result;
}

function commonErrorMapping<Field extends string>(
  error: ApiClientError,
  fields: readonly Field[],
): AuthErrorMapping<Field> {
  if (error.code === "VALIDATION_ERROR") {
    const all = error.fieldErrors();
    const fieldErrors: Partial<Record<Field, string>> = {};
    for (const field of fields) {
      const message = all[field];
      if (message) fieldErrors[field] = message;
    }
    if (Object.keys(fieldErrors).length > 0) return { fieldErrors };
    return { formError: { title: error.message } };
  }
  if (error.code === "RATE_LIMITED") {
    return {
      formError: {
        title: error.message || "Too many attempts.",
        detail:
          error.retryAfterSeconds !== null
            ? `Please wait ${formatWait(error.retryAfterSeconds)} before trying again.`
            : "Please wait a moment before trying again.",
      },
    };
  }
  if (error.code === "NETWORK_ERROR") {
    return { formError: { title: "You seem to be offline", detail: error.message } };
  }
  return { formError: { title: error.message || "Something went wrong. Please try again." } };
}

/** Client-side validation with the API's own schema, the POST, and the mapping of its errors. */
export function useAuthForm<Field extends string>({
  fields,
  schema,
  endpoint,
  destination,
  mapError,
}: UseAuthFormOptions<Field>) {
  const router = useRouter();
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
      const values: Record<string, string> = {};
      for (const field of fields) {
        const value = data.get(field);
        values[field] = typeof value === "string" ? value : "";
      }

      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        const errors = firstIssueByField(parsed.error.issues, fields);
        setFieldErrors(errors);
        setFormError(null);
        focusField(form, errors);
        return;
      }

      setPending(true);
      setFormError(null);
      setFieldErrors({});
      try {
        await apiFetch<unknown>(endpoint, { method: "POST", json: parsed.data });
      } catch (error) {
        setPending(false);
        if (!(error instanceof ApiClientError)) {
          setFormError({ title: "Something went wrong. Please try again." });
          return;
        }
        const mapping = mapError?.(error) ?? commonErrorMapping(error, fields);
        setFieldErrors(mapping.fieldErrors ?? {});
        setFormError(mapping.formError ?? null);
        if (mapping.fieldErrors) focusField(form, mapping.fieldErrors);
        return;
      }
      router.replace(destination);
      router.refresh();
    },
    [pending, fields, schema, endpoint, mapError, focusField, router, destination],
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
