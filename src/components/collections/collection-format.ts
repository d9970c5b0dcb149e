export function imageCountLabel(count: number): string {
  return `${count} ${count === 1 ? "image" : "images"}`;
}
