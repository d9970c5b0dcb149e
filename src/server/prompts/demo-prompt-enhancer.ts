import "server-only";
import { createHash } from "node:crypto";
import type { EnhanceRequest, EnhanceStyle, PromptEnhancerPort } from "./prompt-enhancer-port";

/**
 * The offline enhancer beside the demo image provider: no model, but a useful rewrite all the
 * same. It keeps the user's words first and adds what image prompts usually lack (light,
 * composition, palette, detail), chosen by what the prompt is about and by the style, and the
 * same prompt always gets the same suggestion. It streams a few words at a time like a model.
 */

interface Theme {
  words: RegExp;
  light: string;
  composition: string;
  palette: string;
}

const THEMES: readonly Theme[] = [
  {
    words: /\b(portrait|face|person|woman|man|girl|boy|child|people|selfie|headshot)\b/i,
    light: "soft window light from one side with a gentle fill, catchlights in the eyes",
    composition:
      "framed from the chest up at eye level, shallow depth of field with a softly blurred background",
    palette: "natural skin tones against muted, complementary background colours",
  },
  {
    words: /\b(night|moon|stars?|neon|city lights|midnight|dark)\b/i,
    light: "cool moonlight and warm pools of artificial light, deep shadows with a faint haze",
    composition:
      "a wide view with a clear focal point and leading lines drawing the eye into the scene",
    palette: "deep blues and violets with warm amber accents",
  },
  {
    words: /\b(sea|ocean|beach|coast|waves?|lake|river|harbou?r|lighthouse)\b/i,
    light: "golden-hour sunlight low over the water, glittering reflections and soft rim light",
    composition: "a low horizon on the lower third, with the main subject on a vertical third",
    palette: "teal water, sand and warm peach skies",
  },
  {
    words: /\b(forest|woods?|trees?|jungle|garden|flowers?|meadow|leaves)\b/i,
    light: "dappled sunlight filtering through the canopy, light shafts in a thin morning mist",
    composition:
      "layered foreground, middle ground and background for depth, the subject framed by branches",
    palette: "rich greens with touches of gold and earthy browns",
  },
  {
    words: /\b(mountains?|valley|canyon|desert|dunes?|landscape|hills?|glacier)\b/i,
    light: "warm side light at sunrise, long shadows revealing the texture of the land",
    composition:
      "a sweeping wide-angle view with a strong foreground element and a distant horizon",
    palette: "warm ochres and rose against a clear blue-to-orange sky",
  },
  {
    words: /\b(cat|dog|bird|fox|horse|animal|owl|wolf|rabbit|tiger|lion|bear)\b/i,
    light: "soft natural daylight with a gentle rim light outlining the fur or feathers",
    composition:
      "eye-level with the animal, the eyes in sharp focus and the background softly out of focus",
    palette: "natural tones with one gentle accent colour",
  },
  {
    words: /\b(food|dish|cake|coffee|fruit|bread|meal|cup|plate|dessert)\b/i,
    light: "soft diffused daylight from behind, subtle highlights on glossy surfaces",
    composition:
      "a close three-quarter view with a shallow depth of field and a tidy, uncluttered table",
    palette: "appetising warm tones on a neutral background",
  },
  {
    words:
      /\b(room|interior|kitchen|bedroom|library|office|café|cafe|studio|house|building|street|city)\b/i,
    light: "warm interior light mixed with cool daylight through the windows",
    composition: "a balanced one-point perspective with straight verticals and a clear focal point",
    palette: "harmonious neutrals with one or two warm accent colours",
  },
];

const GENERAL: Omit<Theme, "words"> = {
  light: "soft, directional natural light with gentle shadows that give the forms volume",
  composition: "a clear focal point placed on the rule of thirds, with an uncluttered background",
  palette: "a harmonious palette with one accent colour that draws the eye",
};

const DETAILS = [
  "Fine detail and crisp focus on the subject, with realistic textures and materials.",
  "Rich textures, subtle atmospheric depth and a polished, professional finish.",
  "Sharp detail where it matters, a calm background, and a cohesive, intentional mood.",
] as const;

const MOODS = [
  "serene and inviting",
  "atmospheric and cinematic",
  "warm and storytelling",
] as const;

export function demoEnhancedPrompt(prompt: string, style: EnhanceStyle | null): string {
  const subject = asSentence(prompt);
  const theme = THEMES.find((candidate) => candidate.words.test(prompt)) ?? GENERAL;
  const pick = <T>(items: readonly T[]): T => items[digest(prompt) % items.length]!;
  const sentences = [
    subject,
    style ? styleSentence(style) : null,
    `Lighting: ${theme.light}.`,
    `Composition: ${theme.composition}.`,
    `Colours: ${theme.palette}; the mood is ${pick(MOODS)}.`,
    pick(DETAILS),
  ];
  return sentences.filter((sentence): sentence is string => sentence !== null).join(" ");
}

export function createDemoPromptEnhancer(
  options: { chunkDelayMs?: number } = {},
): PromptEnhancerPort {
  const delayMs = options.chunkDelayMs ?? 0;
  return {
    id: "demo",
    model: "demo-enhancer",
    async *enhance({ prompt, style, signal }: EnhanceRequest) {
      const text = demoEnhancedPrompt(prompt, style);
      // Three words a piece, spaces kept: the pieces join back into the text exactly.
      const pieces = text.match(/(?:\S+\s*){1,3}/g) ?? [text];
      for (const piece of pieces) {
        if (signal?.aborted) throw new DOMException("The enhancement was cancelled.", "AbortError");
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        yield piece;
      }
    },
  };
}

function styleSentence(style: EnhanceStyle): string {
  const description = style.description
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.\s]+$/, "");
  const name = style.name.replace(/\s+/g, " ").trim();
  return description
    ? `Styled as ${name.toLowerCase()}: ${lowerFirst(description)}.`
    : `Styled as ${name.toLowerCase()}.`;
}

function asSentence(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  const capital = clean.charAt(0).toUpperCase() + clean.slice(1);
  return /[.!?…]["'”’)]?$/.test(capital) ? capital : `${capital}.`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function digest(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32LE(0);
}
