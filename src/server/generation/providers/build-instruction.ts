import "server-only";
import type { AspectRatio, Quality } from "@/shared/schemas/settings";
import { DIMENSIONS, type ImageRequest, type TemplateDirectives } from "./image-provider-port";

/**
 * Turns a request into the one text instruction a Gemini image model receives. Gemini follows
 * descriptive sentences far better than keyword lists and has no negative-prompt parameter, so
 * everything (style, things to avoid, format) is worded into the text.
 */
export function buildInstruction(request: ImageRequest): string {
  const inputs = request.inputImages.length;
  const paragraphs =
    inputs === 0
      ? describeNewImage(request)
      : inputs === 1
        ? describeChangeToImage(request)
        : describeComposition(request);
  const style = request.template ? describeStyleParameters(request.template) : null;
  const avoid = mergeAvoidList(request.negativePrompt, request.template?.negativePrompt ?? null);
  return [
    ...paragraphs,
    style,
    avoid.length > 0 ? `Avoid: ${avoid.join(", ")}.` : null,
    describeFormat(request.aspectRatio, request.quality, inputs),
  ]
    .filter((paragraph): paragraph is string => paragraph !== null && paragraph !== "")
    .join("\n\n");
}

function describeNewImage({ prompt, template }: ImageRequest): string[] {
  const subject = asSentence(prompt);
  if (!template) return [`Create an image of the following: ${subject}`];
  const prefix = template.promptPrefix.trim();
  const woven = prefix === "" ? subject : `${prefix} ${lowerLeadingArticle(subject)}`;
  return [joinSentences(woven, template.promptSuffix)];
}

function describeChangeToImage({ prompt, template }: ImageRequest): string[] {
  const paragraphs = [
    `Use the attached image as the starting point and change it as follows: ${asSentence(prompt)}`,
    "Keep its main subject, composition and identity recognisable, except where this instruction or the style below asks for something different.",
  ];
  if (template) paragraphs.push(describeRestyle(template));
  return paragraphs;
}

/**
 * Several attached images: each goes to the model as its own inline image, labelled "Image 1",
 * "Image 2", … in the order given, so a prompt can say "the person from image 1 in the room of
 * image 2".
 */
function describeComposition({ prompt, template, inputImages }: ImageRequest): string[] {
  const names = inputImages.map((_, index) => `image ${index + 1}`);
  const paragraphs = [
    `${inputImages.length} images are attached, labelled in order as ${listInWords(names)}. Make one new image from them as follows: ${asSentence(prompt)}`,
    "Keep the subjects you take from each image recognisable, and blend them into one coherent scene with consistent lighting and perspective, except where this instruction or the style below asks for something different.",
  ];
  if (template) paragraphs.push(describeRestyle(template));
  return paragraphs;
}

function describeRestyle(template: TemplateDirectives): string {
  const look = template.promptPrefix.trim().match(/^(an?|the)\s+(.+?)\s+of$/i);
  const restyle =
    look?.[1] && look[2]
      ? `Present the result as ${look[1].toLowerCase()} ${look[2]}.`
      : `Present the result in the "${template.name.trim()}" style.`;
  return joinSentences(restyle, template.promptSuffix);
}

// aspectRatio and quality in a template's parameters are only the defaults the form takes
// on; the request's own values win and are worded by describeFormat.
const FORM_DEFAULT_KEYS = new Set(["aspectRatio", "quality"]);

const PARAMETER_LABELS: Record<string, string> = {
  palette: "Colour palette",
  colorPalette: "Colour palette",
  lens: "Lens",
  camera: "Camera",
  medium: "Medium",
  lighting: "Lighting",
};

function describeStyleParameters(template: TemplateDirectives): string | null {
  const sentences: string[] = [];
  for (const [key, value] of Object.entries(template.parameters)) {
    if (FORM_DEFAULT_KEYS.has(key)) continue;
    const text = parameterText(value);
    if (text === null) continue;
    sentences.push(`${PARAMETER_LABELS[key] ?? labelFromKey(key)}: ${withoutFinalStop(text)}.`);
  }
  return sentences.length > 0 ? sentences.join(" ") : null;
}

function parameterText(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : collapseSpaces(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    const items = value
      .filter(
        (item): item is string | number => typeof item === "string" || typeof item === "number",
      )
      .map((item) => collapseSpaces(String(item)))
      .filter((item) => item !== "");
    return items.length > 0 ? listInWords(items) : null;
  }
  return null;
}

/** "colorGrade" / "color_grade" → "Color grade". */
function labelFromKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The user's list first, then the template's; one entry per thing, whatever its case. */
export function mergeAvoidList(
  userNegative: string | null,
  templateNegative: string | null,
): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const source of [userNegative, templateNegative]) {
    for (const raw of (source ?? "").split(/[,;\n]+/)) {
      const item = withoutFinalStop(collapseSpaces(raw))
        // "no text" and "avoid text" mean "text" once it sits after "Avoid:".
        .replace(/^(?:avoid:?|no|without)\s+/i, "")
        .trim();
      const key = item.toLowerCase();
      if (item === "" || seen.has(key)) continue;
      seen.add(key);
      merged.push(item);
    }
  }
  return merged;
}

const ORIENTATION: Record<AspectRatio, string> = {
  "1:1": "square",
  "16:9": "widescreen landscape",
  "9:16": "tall portrait (vertical)",
  "4:3": "landscape",
  "3:4": "portrait",
};

const QUALITY_INTENT: Record<Quality, string> = {
  standard: "Aim for a clean, well-composed result.",
  high: "Aim for the highest quality: fine detail, crisp focus, refined textures and a polished, professional finish.",
};

function describeFormat(aspectRatio: AspectRatio, quality: Quality, inputs: number): string {
  const { width, height } = DIMENSIONS[aspectRatio];
  const frame = `Make one ${ORIENTATION[aspectRatio]} image with a ${aspectRatio} aspect ratio (${width}×${height} pixels).`;
  const reframe =
    inputs === 1
      ? " If the attached image has a different shape, recompose or extend the scene to fill the frame rather than stretching it."
      : inputs > 1
        ? " Compose the scene to fill this frame whatever the shapes of the attached images; never stretch them."
        : "";
  return `${frame}${reframe} ${QUALITY_INTENT[quality]}`;
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function withoutFinalStop(text: string): string {
  return text.replace(/[\s.]+$/, "");
}

function asSentence(text: string): string {
  const clean = collapseSpaces(text);
  return /[.!?…]["'”’)]?$/.test(clean) ? clean : `${clean}.`;
}

function joinSentences(first: string, second: string): string {
  const rest = collapseSpaces(second);
  return rest === "" ? asSentence(first) : `${asSentence(first)} ${asSentence(rest)}`;
}

/** "A fox in the snow" after a prefix ending in "of" reads "… of a fox in the snow". */
function lowerLeadingArticle(text: string): string {
  return text.replace(/^(A|An|The|Some)\b(?=\s+[a-z])/, (article) => article.toLowerCase());
}

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
