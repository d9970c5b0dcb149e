/** A soft two-hue gradient picked from the image id: the colour placeholder until a thumbnail loads. */
export function tintOf(id: string): string {
  let hash = 0;
  for (let index = 0; index < id.length; index += 1) hash = (hash * 31 + id.charCodeAt(index)) | 0;
  const hue = Math.abs(hash) % 360;
  const second = (hue + 48) % 360;
  return `linear-gradient(135deg, hsl(${hue} 70% 62% / 0.32), hsl(${second} 70% 58% / 0.22))`;
}

/** The 300 px thumbnail, or the next size that exists. */
export function thumbnailOf(image: {
  urls: { original: string; thumbnails: Partial<Record<"150" | "300" | "800" | "1920", string>> };
}): string {
  const { thumbnails, original } = image.urls;
  return thumbnails["300"] ?? thumbnails["800"] ?? original;
}
