import { checkText, type TextRule } from "@/shared/limits";

export type CheckedFields<Field extends string> =
  | { ok: true; values: Record<Field, string> }
  | { ok: false; errors: Partial<Record<Field, string>> };

/**
 * A form's text fields checked in the browser with the API's own rules (shared/limits) before
 * anything is sent: their trimmed values, or each failing field's message, with the first
 * failing field focused.
 */
export function checkFormFields<Field extends string>(
  form: HTMLFormElement,
  rules: Record<Field, TextRule>,
  fields: readonly Field[],
): CheckedFields<Field> {
  const data = new FormData(form);
  const values: Partial<Record<Field, string>> = {};
  const errors: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const value = data.get(field);
    const result = checkText(rules[field], typeof value === "string" ? value : "");
    if (result.ok) values[field] = result.value;
    else errors[field] = result.error;
  }
  const first = fields.find((field) => errors[field] !== undefined);
  if (first === undefined) return { ok: true, values: values as Record<Field, string> };
  (form.elements.namedItem(first) as HTMLElement | null)?.focus();
  return { ok: false, errors };
}
