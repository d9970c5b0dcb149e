import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";

export interface RetentionNoticeData {
  /** How many private images will be removed. */
  imageCount: number;
  /** When the first of them goes (ISO 8601). */
  dueAt: string;
  /** The studio's retention in days. */
  retentionDays: number;
  /** Up to a few of their prompts, to recognise them. */
  prompts: string[];
  /** Where the owner sees the list and keeps what they want. */
  keepUrl: string;
}

/** Seven days before private images are removed by the retention policy. */
export function renderRetentionNotice(
  data: RetentionNoticeData,
  context: MailContext,
): RenderedMail {
  const images = data.imageCount === 1 ? "1 private image" : `${data.imageCount} private images`;
  const on = new Date(data.dueAt).toUTCString();
  return renderMail(
    {
      subject: `${images} will be removed from ${context.studioName}`,
      preview: `Keep what you want before ${on}.`,
      heading: `${images} will be removed in seven days`,
      paragraphs: [
        `${context.studioName} keeps private images for ${data.retentionDays} days. ${images} of yours will be removed from ${on}: not favorites, not in a collection and not shared.`,
        ...data.prompts.map((prompt) => `• ${prompt}`),
        "Open the list to keep some of them, or all. Favorites, images in a collection and public images are never removed.",
      ],
      action: { label: "Review and keep images", url: data.keepUrl },
    },
    context,
  );
}
