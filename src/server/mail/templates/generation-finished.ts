import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";

export interface FinishedGeneration {
  prompt: string;
  /** The image's own page. */
  url: string;
}

export interface GenerationFinishedData {
  /** The finished generations this mail reports, newest first (batched: at most one mail an hour). */
  generations: FinishedGeneration[];
  galleryUrl: string;
  /** Turns email notifications off; must work without signing in (GET asks, POST does it: RFC 8058). */
  unsubscribeUrl: string;
  /** Where a mail client POSTs `List-Unsubscribe=One-Click` (RFC 8058); the page's URL if absent. */
  oneClickUnsubscribeUrl?: string;
}

const LISTED = 10;
const PROMPT_CHARS = 120;

function shortPrompt(prompt: string): string {
  const line = prompt.replace(/\s+/g, " ").trim();
  return line.length > PROMPT_CHARS ? `${line.slice(0, PROMPT_CHARS - 1)}…` : line;
}

/** Images that finished while the person was away (queued offline, or the tab was closed). */
export function renderGenerationFinished(
  data: GenerationFinishedData,
  context: MailContext,
): RenderedMail {
  const count = data.generations.length;
  const listed = data.generations.slice(0, LISTED);
  const more = count - listed.length;
  return renderMail(
    {
      subject: count === 1 ? "Your image is ready" : `${count} of your images are ready`,
      preview: listed[0] ? shortPrompt(listed[0].prompt) : "Open your gallery to see them.",
      heading: count === 1 ? "Your image is ready" : `${count} images are ready`,
      paragraphs: [
        ...listed.map((item) => `“${shortPrompt(item.prompt)}” — ${item.url}`),
        ...(more > 0 ? [`and ${more} more.`] : []),
      ],
      action: { label: "Open my gallery", url: data.galleryUrl },
      unsubscribeUrl: data.unsubscribeUrl,
      oneClickUnsubscribeUrl: data.oneClickUnsubscribeUrl,
    },
    context,
  );
}
