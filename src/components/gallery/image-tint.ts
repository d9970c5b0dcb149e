/** A soft two-hue gradient picked from the image id: the colour placeholder until a thumbnail loads. */
export function tintOf(id: string): string {
  let hash = 0;
  for (let index = 0; index < id.length; index += 1) hash = (hash * 31 + id.charCodeAt(index)) | 0;
  const hue = Math.abs(hash) % 360;
  const second = (hue + 48) % 360;
  return `linear-gradient(135deg, hsl(${hue} 70% 62% / 0.32), hsl(${second} 70% 58% / 0.22))`;
}

/** What the thumbnail helpers read of an image: its file URLs. */
interface ImageFiles {
  urls: { original: string; thumbnails: Partial<Record<"150" | "300" | "800" | "1920", string>> };
}

/** The 300 px thumbnail, or the next size that exists. */
export function thumbnailOf(image: ImageFiles): string {
  const { thumbnails, original } = image.urls;
  return thumbnails["300"] ?? thumbnails["800"] ?? original;
}

/**
 * The larger thumbnail as a choice for a tile wider than 220 CSS px, left to the browser: it
 * takes the 800 px file only when the screen's pixels need it (`sizes` × device pixel ratio over
 * 300). A tile that grows from the first HTML's 180 px to its laid-out width on a 1× screen keeps
 * the 300 px picture it painted instead of fetching and decoding the 800 px one after hydration
 * (offline, from the worker's cache, that held the gallery's paint back by hundreds of ms).
 */
export function thumbnailSrcSet(image: ImageFiles, size: number): string | undefined {
  const { thumbnails } = image.urls;
  if (size <= 220 || !thumbnails["300"] || !thumbnails["800"]) return undefined;
  return `${thumbnails["300"]} 300w, ${thumbnails["800"]} 800w`;
}
