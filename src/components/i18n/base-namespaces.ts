import type { Namespace } from "@/i18n/catalogues";

/** Namespaces every client component may use on any page (buttons, errors, the shell). */
export const BASE_NAMESPACES = [
  "common",
  "errors",
  "validation",
  "shell",
  "pwa",
] as const satisfies readonly Namespace[];
