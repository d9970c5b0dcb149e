/**
 * What the screenshot scripts share: the two device shapes, the two themes, the style that
 * hides the Next.js dev badge, and the browser (the same Debian Chromium launch as the e2e).
 */
export { launchBrowser } from "../../tests/e2e/support/browser";

export const DEVICES = {
  phone: {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
  desktop: {
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
  },
} as const;
export type DeviceName = keyof typeof DEVICES;
export const THEMES = ["light", "dark"] as const;
export type ThemeName = (typeof THEMES)[number];

/** The Next.js dev-mode badge would cover the bottom navigation. */
export const HIDE_DEV_OVERLAY = "nextjs-portal { display: none !important; }";
