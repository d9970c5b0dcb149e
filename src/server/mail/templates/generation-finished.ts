import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";
import { mailText } from "./mail-text";

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
  const { t } = mailText(context.locale ?? "en");
  const count = data.generations.length;
  const listed = data.generations.slice(0, LISTED);
  const more = count - listed.length;
  return renderMail(
    {
      subject: t("generationFinished.subject", { count }),
      preview: listed[0] ? shortPrompt(listed[0].prompt) : t("generationFinished.previewEmpty"),
      heading: t("generationFinished.heading", { count }),
      paragraphs: [
        ...listed.map((item) =>
          t("generationFinished.item", { prompt: shortPrompt(item.prompt), url: item.url }),
        ),
        ...(more > 0 ? [t("generationFinished.more", { count: more })] : []),
      ],
      action: { label: t("generationFinished.action"), url: data.galleryUrl },
      unsubscribeUrl: data.unsubscribeUrl,
      oneClickUnsubscribeUrl: data.oneClickUnsubscribeUrl,
    },
    context,
  );
}
