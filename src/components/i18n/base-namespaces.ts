import type { Namespace } from "@/i18n/catalogues";
import type { MessagesPath } from "./intl-messages";

/** Namespaces every client component may use on any page (buttons, errors, the shell). */
export const BASE_NAMESPACES = [
  "common",
  "errors",
  "validation",
  "shell",
  "pwa",
] as const satisfies readonly Namespace[];

/**
 * What the image's detail view reads (the /images/[id] page and the gallery's lightbox show the
 * same components): its own namespace, template names, and the parts of the composer it opens
 * (the variations dialog, the edit form's choices).
 */
export const IMAGE_DETAIL_NAMESPACES = [
  "image",
  "templates",
  "results.variations",
  "generate.aspect",
  "generate.count",
  "generate.quality",
] as const satisfies readonly MessagesPath[];
