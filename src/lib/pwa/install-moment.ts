/**
 * Isomorphic and pure, apart from the two browser helpers at the end: when the studio may
 * offer to be installed. Never on a first paint: after the person's first successful
 * generation, or on a later visit; never again for a while once they said "Not now"; never in
 * the installed app itself.
 */

export const INSTALL_STORAGE_KEY = "studio:install-prompt";
/** Dispatched on window by the generate page when an image was stored (see announceGeneration). */
export const GENERATION_SUCCEEDED_EVENT = "studio:generation-succeeded";
/** "Not now" holds for this long; then the offer may come back once. */
export const DISMISS_SNOOZE_MS = 30 * 24 * 60 * 60 * 1000;
/** Visits are counted at most once per this interval (a reload is not a second visit). */
export const VISIT_GAP_MS = 30 * 60 * 1000;

export interface InstallMemory {
  visits: number;
  lastVisitAt: number | null;
  generated: boolean;
  dismissedAt: number | null;
  installed: boolean;
}

export const EMPTY_INSTALL_MEMORY: InstallMemory = {
  visits: 0,
  lastVisitAt: null,
  generated: false,
  dismissedAt: null,
  installed: false,
};

export function parseInstallMemory(raw: string | null): InstallMemory {
  if (!raw) return EMPTY_INSTALL_MEMORY;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof InstallMemory, unknown>>;
    const number = (input: unknown) =>
      typeof input === "number" && Number.isFinite(input) ? input : null;
    return {
      visits: number(value.visits) ?? 0,
      lastVisitAt: number(value.lastVisitAt),
      generated: value.generated === true,
      dismissedAt: number(value.dismissedAt),
      installed: value.installed === true,
    };
  } catch {
    return EMPTY_INSTALL_MEMORY;
  }
}

/** Counts this page load as a visit unless the last one was moments ago. */
export function recordVisit(memory: InstallMemory, now: number): InstallMemory {
  if (memory.lastVisitAt !== null && now - memory.lastVisitAt < VISIT_GAP_MS) {
    return { ...memory, lastVisitAt: now };
  }
  return { ...memory, visits: memory.visits + 1, lastVisitAt: now };
}

export type InstallPlatform =
  /** Chromium and others that fire beforeinstallprompt. */
  | "prompt"
  /** Safari on iPhone and iPad: installation is Share → Add to Home Screen, by hand. */
  | "ios-safari"
  /** Already running as an installed app, or no way to install from here. */
  | "none";

/** Whether the offer may be shown now (the platform must also be able to install). */
export function isGoodMoment(memory: InstallMemory, now: number): boolean {
  if (memory.installed) return false;
  if (memory.dismissedAt !== null && now - memory.dismissedAt < DISMISS_SNOOZE_MS) return false;
  return memory.generated || memory.visits >= 2;
}

export interface BrowserTraits {
  userAgent: string;
  /** navigator.maxTouchPoints: iPadOS Safari reports itself as a Mac. */
  maxTouchPoints: number;
  /** display-mode: standalone, or Safari's navigator.standalone. */
  standalone: boolean;
}

export function detectInstallPlatform(traits: BrowserTraits): InstallPlatform {
  if (traits.standalone) return "none";
  const ua = traits.userAgent;
  const iOSDevice =
    /\b(iPhone|iPad|iPod)\b/.test(ua) || (/\bMacintosh\b/.test(ua) && traits.maxTouchPoints > 1);
  if (iOSDevice) {
    // Other iOS browsers (Chrome, Firefox, Edge…) wrap WebKit but cannot add to the home screen
    // the same way; only Safari gets the instructions.
    const otherBrowser = /\b(CriOS|FxiOS|EdgiOS|OPiOS|OPT|YaBrowser|GSA|DuckDuckGo)\b/.test(ua);
    return !otherBrowser && /\bSafari\b/.test(ua) ? "ios-safari" : "none";
  }
  return "prompt";
}

// ------------------------------------------------------------- browser helpers ----

/** Called by the generate page after an image was stored: a good moment to offer install. */
export function announceGenerationSucceeded(): void {
  if (typeof window !== "undefined") window.dispatchEvent(new Event(GENERATION_SUCCEEDED_EVENT));
}
