/** The theme choice, stored in the `theme` cookie and mirrored on <html data-theme>. Isomorphic. */
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "theme";
export const DEFAULT_THEME: Theme = "system";

/** Browser chrome colours (theme-color meta); keep in step with --canvas in globals.css. */
export const THEME_COLORS = { light: "#f8f7fd", dark: "#110f1c" } as const;

export function parseTheme(value: unknown): Theme {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value)
    ? (value as Theme)
    : DEFAULT_THEME;
}
