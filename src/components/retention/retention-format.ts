/** "Sun, 13 Dec" in the reader's own time zone. */
export function formatDueDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, {
    weekday: "short",
    day: "numeric",
    month: "short",
  });
}
