/**
 * A short, human label for a session's device from its User-Agent: "Chrome on Android",
 * "Safari on iPhone", "Firefox on Windows". Only what people recognise in a sessions list;
 * not a browser sniffer, and never used to decide anything. Order matters below: many
 * browsers also claim to be Chrome, Safari or Mozilla, so the specific ones come first.
 */

const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\b(?:OPR|OPiOS)\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bYaBrowser\//, "Yandex Browser"],
  [/\bVivaldi\//, "Vivaldi"],
  [/\bBrave\//, "Brave"],
  [/\bUCBrowser\//, "UC Browser"],
  [/\b(?:Firefox|FxiOS)\//, "Firefox"],
  [/\bCriOS\//, "Chrome"],
  [/\bHeadlessChrome\//, "Headless Chrome"],
  [/\b(?:Chrome|Chromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/\bcurl\//, "curl"],
  [/\bWget\//, "Wget"],
  [/\bPostmanRuntime\//, "Postman"],
  [/\bpython-requests\/|\bpython-httpx\/|\bPython-urllib\//, "Python"],
  [/\bnode-fetch\/|\bundici\b|^node$/, "Node.js"],
  [/\bokhttp\//, "OkHttp"],
];

const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b|\bX11\b/, "Linux"],
];

/** Embedded web views in apps: their own name reads better than the engine's. */
const IN_APP: readonly (readonly [RegExp, string])[] = [
  [/\bFBAN\/|\bFBAV\//, "Facebook app"],
  [/\bInstagram\b/, "Instagram app"],
];

const UNKNOWN = "Unknown device";

export function deviceLabel(userAgent: string | null | undefined): string {
  const ua = userAgent?.trim() ?? "";
  if (ua === "") return UNKNOWN;
  const browser =
    IN_APP.find(([pattern]) => pattern.test(ua))?.[1] ??
    BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ??
    null;
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  if (system) return `Browser on ${system}`;
  // Something that named itself: the first product token, shortened ("MyScript/1.2" → "MyScript").
  const product = /^([A-Za-z][\w.-]{0,30})(?:\/|\s|$)/.exec(ua)?.[1];
  return product && product !== "Mozilla" ? product : UNKNOWN;
}
