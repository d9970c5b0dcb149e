export interface TableColumn {
  key: string;
  /** The table's column heading, in the reader's language. */
  label: string;
  /** The CSV's column heading: fixed English, so the file reads the same in every language. */
  header: string;
  /** How a cell reads in the table (the CSV keeps the raw value). */
  format?: (value: string | number | null) => string;
}

/** One CSV cell: quoted when needed; text that a spreadsheet would run as a formula gets an apostrophe. */
function cell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: TableColumn[], rows: Record<string, string | number | null>[]) {
  const lines = [columns.map((column) => cell(column.header)).join(",")];
  for (const row of rows)
    lines.push(columns.map((column) => cell(row[column.key] ?? null)).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Saves the rows as `name`.csv in the browser. */
export function downloadCsv(
  name: string,
  columns: TableColumn[],
  rows: Record<string, string | number | null>[],
) {
  const url = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: "text/csv" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${name}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
