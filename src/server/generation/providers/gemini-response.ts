import "server-only";
import type { GenerateContentResponse, Part } from "@google/genai";
import { AppError } from "@/server/http/app-error";
import type { ProviderImage } from "./image-provider-port";

const SAFETY_REASONS = new Set([
  "SAFETY",
  "IMAGE_SAFETY",
  "PROHIBITED_CONTENT",
  "IMAGE_PROHIBITED_CONTENT",
  "BLOCKLIST",
  "SPII",
]);
const RECITATION_REASONS = new Set(["RECITATION", "IMAGE_RECITATION"]);
const MODEL_TEXT_LIMIT = 280;

/** The generated image of a generateContent answer, or why there is none, as an AppError. */
export function readGeneratedImage(
  response: GenerateContentResponse,
  model: string,
): ProviderImage {
  const blockReason = response.promptFeedback?.blockReason;
  if (blockReason) {
    throw new AppError(
      "CONTENT_BLOCKED",
      "Gemini's safety filters declined this prompt. Rephrase it, leaving out anything that could read as violent, sexual, hateful or about a real person, and try again.",
      { reason: blockReason },
    );
  }

  const candidate = response.candidates?.[0];
  if (!candidate) throw malformedResponse(new Error("The response has no candidates."));
  const finishReason = candidate.finishReason ?? null;
  if (finishReason && (SAFETY_REASONS.has(finishReason) || RECITATION_REASONS.has(finishReason))) {
    throw blockedOutput(finishReason);
  }

  // Thinking image models also return draft images as `thought` parts; only the final counts.
  const parts: Part[] = (candidate.content?.parts ?? []).filter((part) => part.thought !== true);
  const imagePart = parts.find(
    (part) => part.inlineData?.mimeType?.startsWith("image/") && part.inlineData.data,
  );
  if (imagePart?.inlineData?.data && imagePart.inlineData.mimeType) {
    const data = Buffer.from(imagePart.inlineData.data, "base64");
    if (data.length === 0) throw malformedResponse(new Error("The image part holds no bytes."));
    return { data: new Uint8Array(data), mimeType: imagePart.inlineData.mimeType, model };
  }

  const modelText = parts
    .map((part) => part.text ?? "")
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  const reason = finishReason && finishReason !== "STOP" ? finishReason : "NO_IMAGE";
  throw new AppError(
    "CONTENT_BLOCKED",
    modelText
      ? `Gemini answered with text instead of an image: "${truncate(modelText)}" Try describing the picture you want more concretely, then generate again.`
      : "Gemini didn't return an image this time. Try again, or describe the picture you want more concretely.",
    { reason },
  );
}

function blockedOutput(reason: string): AppError {
  if (RECITATION_REASONS.has(reason)) {
    return new AppError(
      "CONTENT_BLOCKED",
      "Gemini held this image back because it came out too close to existing work. Describe your idea in your own words instead of naming a specific artwork, character or brand, and try again.",
      { reason },
    );
  }
  if (reason === "SPII") {
    return new AppError(
      "CONTENT_BLOCKED",
      "Gemini held this image back because it could show personal information. Remove names, addresses or other personal details from the prompt and try again.",
      { reason },
    );
  }
  return new AppError(
    "CONTENT_BLOCKED",
    "Gemini made an image but its safety filters held it back. Try rephrasing your prompt or choosing a different subject, then generate again.",
    { reason },
  );
}

export function malformedResponse(cause: unknown): AppError {
  return new AppError(
    "PROVIDER_ERROR",
    "Gemini sent back an answer we couldn't read. Please try again in a moment.",
    { providerStatus: 200, retryable: true, reason: "MALFORMED_RESPONSE" },
    { cause },
  );
}

function truncate(text: string): string {
  return text.length <= MODEL_TEXT_LIMIT
    ? text
    : `${text.slice(0, MODEL_TEXT_LIMIT - 1).trimEnd()}…`;
}
