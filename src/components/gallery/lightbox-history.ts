/**
 * The lightbox lives in the browser history, not in the router: opening it pushes
 * /images/<id> over the gallery (Next keeps the gallery rendered and syncs usePathname), arrows
 * replace that entry, Back pops it. A reload of that URL renders the standalone page instead.
 */
const MARK = "aisLightbox";

const IMAGE_PATH = /^\/images\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

export function lightboxIdOf(pathname: string | null): string | null {
  return pathname ? (IMAGE_PATH.exec(pathname)?.[1] ?? null) : null;
}

export function imageHref(id: string): string {
  return `/images/${id}`;
}

export function pushLightbox(id: string): void {
  window.history.pushState({ [MARK]: true }, "", imageHref(id));
}

export function replaceLightbox(id: string): void {
  window.history.replaceState({ [MARK]: true }, "", imageHref(id));
}

/** Back when the entry was pushed by the gallery; otherwise swap it for the gallery's URL. */
export function closeLightbox(galleryUrl: string): void {
  const state: unknown = window.history.state;
  if (typeof state === "object" && state !== null && MARK in state) {
    window.history.back();
  } else {
    window.history.replaceState(null, "", galleryUrl);
  }
}
