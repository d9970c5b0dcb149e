import { describe, expect, it } from "vitest";
import {
  DISMISS_SNOOZE_MS,
  EMPTY_INSTALL_MEMORY,
  VISIT_GAP_MS,
  detectInstallPlatform,
  isGoodMoment,
  parseInstallMemory,
  recordVisit,
} from "./install-moment";

const NOW = 1_800_000_000_000;

const UA = {
  chromeAndroid:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  chromeDesktop:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  iPhoneSafari:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  iPhoneChrome:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
  iPadOSSafari:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
};

describe("when to offer installation", () => {
  it("never on the first visit before anything was made", () => {
    const memory = recordVisit(EMPTY_INSTALL_MEMORY, NOW);
    expect(memory.visits).toBe(1);
    expect(isGoodMoment(memory, NOW)).toBe(false);
  });

  it("after the first successful generation", () => {
    const memory = { ...recordVisit(EMPTY_INSTALL_MEMORY, NOW), generated: true };
    expect(isGoodMoment(memory, NOW)).toBe(true);
  });

  it("on a second visit, but a reload is not one", () => {
    const first = recordVisit(EMPTY_INSTALL_MEMORY, NOW);
    const reload = recordVisit(first, NOW + 60_000);
    expect(reload.visits).toBe(1);
    expect(isGoodMoment(reload, NOW + 60_000)).toBe(false);
    const later = recordVisit(reload, NOW + 60_000 + VISIT_GAP_MS);
    expect(later.visits).toBe(2);
    expect(isGoodMoment(later, NOW + 60_000 + VISIT_GAP_MS)).toBe(true);
  });

  it("not again for a while after 'Not now', and never once installed", () => {
    const ready = { ...EMPTY_INSTALL_MEMORY, visits: 3, generated: true };
    const dismissed = { ...ready, dismissedAt: NOW };
    expect(isGoodMoment(dismissed, NOW + DISMISS_SNOOZE_MS - 1)).toBe(false);
    expect(isGoodMoment(dismissed, NOW + DISMISS_SNOOZE_MS)).toBe(true);
    expect(isGoodMoment({ ...ready, installed: true }, NOW)).toBe(false);
  });

  it("reads what it stored, and survives anything else in the slot", () => {
    const memory = {
      visits: 2,
      lastVisitAt: NOW,
      generated: true,
      dismissedAt: null,
      installed: false,
    };
    expect(parseInstallMemory(JSON.stringify(memory))).toEqual(memory);
    expect(parseInstallMemory(null)).toEqual(EMPTY_INSTALL_MEMORY);
    expect(parseInstallMemory("{broken")).toEqual(EMPTY_INSTALL_MEMORY);
    expect(parseInstallMemory(JSON.stringify({ visits: "many", generated: "yes" }))).toEqual(
      EMPTY_INSTALL_MEMORY,
    );
  });
});

describe("how installation works on this browser", () => {
  it("uses the browser's prompt on Chromium, phone or desktop", () => {
    expect(
      detectInstallPlatform({ userAgent: UA.chromeAndroid, maxTouchPoints: 5, standalone: false }),
    ).toBe("prompt");
    expect(
      detectInstallPlatform({ userAgent: UA.chromeDesktop, maxTouchPoints: 0, standalone: false }),
    ).toBe("prompt");
  });

  it("explains Share → Add to Home Screen on Safari for iPhone and iPad only", () => {
    expect(
      detectInstallPlatform({ userAgent: UA.iPhoneSafari, maxTouchPoints: 5, standalone: false }),
    ).toBe("ios-safari");
    expect(
      detectInstallPlatform({ userAgent: UA.iPadOSSafari, maxTouchPoints: 5, standalone: false }),
    ).toBe("ios-safari");
    expect(
      detectInstallPlatform({ userAgent: UA.iPhoneChrome, maxTouchPoints: 5, standalone: false }),
    ).toBe("none");
    // Safari on a Mac (no touch) is not iOS.
    expect(
      detectInstallPlatform({ userAgent: UA.iPadOSSafari, maxTouchPoints: 0, standalone: false }),
    ).toBe("prompt");
  });

  it("offers nothing inside the installed app", () => {
    expect(
      detectInstallPlatform({ userAgent: UA.iPhoneSafari, maxTouchPoints: 5, standalone: true }),
    ).toBe("none");
    expect(
      detectInstallPlatform({ userAgent: UA.chromeAndroid, maxTouchPoints: 5, standalone: true }),
    ).toBe("none");
  });
});
