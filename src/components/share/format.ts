const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** "12 Mar 2026" — server-rendered pages only (UTC, so it never depends on the host's zone). */
export function formatDay(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function formatModel(model: string): string {
  return model === "demo" ? "Demo (offline stand-in)" : model;
}

export function countLabel(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
