/**
 * The small HTML the studio's mail is made of. Every interpolated value is escaped by the
 * `html` tag unless it is markup this module made (SafeHtml); nothing else builds mail HTML.
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Markup that is already safe: made by `html` from escaped parts. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolated = string | number | SafeHtml | readonly SafeHtml[] | null | undefined;

function interpolate(value: Interpolated): string {
  if (value === null || value === undefined) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((item: SafeHtml) => item.value).join("");
  return escapeHtml(String(value));
}

/** A template literal whose values are escaped (numbers and strings) or already safe. */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += interpolate(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(out);
}

/**
 * Only http(s) links go into mail: a `javascript:` or `data:` URL in an href would be a trap.
 * Throws rather than sending a mail whose button leads nowhere.
 */
export function safeLink(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new Error(`refusing a ${parsed.protocol} link in mail`);
  return parsed.toString();
}
