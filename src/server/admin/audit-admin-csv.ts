import "server-only";

// A cell a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @, tab, CR.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): always quoted, quotes doubled, and text a spreadsheet would take
 * for a formula prefixed with an apostrophe so that it is shown, not run.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** One CSV line with CRLF, as RFC 4180 has it. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
