import type { Page } from "playwright-core";

/**
 * English words an Indonesian page should not show: everyday English that Indonesian does not
 * borrow (the loanwords the glossary keeps — prompt, template, tag, seed, filter, offline,
 * online, email, remix, admin, thumbnail — are not listed). Lowercase.
 */
const ENGLISH_WORDS = new Set(
  (
    "the your you and with of to for from this that these those is are was were will would can " +
    "could should not all any add delete deleted save saved cancel sign signed log out in on at " +
    "by image images gallery settings generate generating generated collection collections share " +
    "shared download upload loading search favorite favorites create open close remove more show " +
    "hide try again password account left today change keep private public " +
    "ready done failed select selected choose back next previous help home explore install " +
    "update notifications language light dark system theme copy copied link view sort newest " +
    "oldest new untitled empty nothing yet here there when what which who how many every each " +
    "made make making size created day days hour hours minute minutes second seconds quota used " +
    "left start started stop name please"
  ).split(" "),
);

/** Names and phrases that stay as they are in both languages. */
const ALLOWED_PHRASES = [
  "AI Image Studio",
  "Image Studio",
  "Cloudflare Workers AI",
  "Google AI Studio",
  "Google Gemini",
  "English",
  // The glossary keeps it: Indonesian software writing says "open source" as it is.
  "Open source",
  "open source",
];

export interface EnglishFinding {
  where: string;
  text: string;
  words: string[];
}

/**
 * Every visible text of the page, and the accessible texts a screen reader or a hover shows
 * (aria-label, title, placeholder, alt), with the English words found in each. User content
 * the test itself typed is left out by the caller through `ignore`.
 */
export async function findEnglish(
  page: Page,
  { ignore = [] }: { ignore?: string[] } = {},
): Promise<EnglishFinding[]> {
  const texts = await page.evaluate(() => {
    const out: { where: string; text: string }[] = [];
    // Hidden by any ancestor (display:none, visibility, content-visibility) counts as not shown.
    const visible = (element: Element) =>
      element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(parent.tagName)) continue;
      if (!visible(parent)) continue;
      // Identifiers shown as code (an API key's scopes such as images:read) are not prose.
      if (parent.closest("code, kbd, samp")) continue;
      const text = node.textContent?.trim();
      if (text) out.push({ where: parent.tagName.toLowerCase(), text });
    }
    for (const element of document.querySelectorAll("[aria-label],[title],[placeholder],[alt]")) {
      for (const attribute of ["aria-label", "title", "placeholder", "alt"]) {
        const value = element.getAttribute(attribute)?.trim();
        if (value)
          out.push({ where: `${element.tagName.toLowerCase()}@${attribute}`, text: value });
      }
    }
    out.push({ where: "title", text: document.title });
    return out;
  });
  const findings: EnglishFinding[] = [];
  for (const { where, text } of texts) {
    let rest = text;
    for (const phrase of [...ALLOWED_PHRASES, ...ignore]) rest = rest.split(phrase).join(" ");
    const words = (rest.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? []).filter((word) =>
      ENGLISH_WORDS.has(word),
    );
    if (words.length > 0) findings.push({ where, text, words });
  }
  return findings;
}
