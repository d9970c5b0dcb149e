import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";
import { mailText } from "./mail-text";

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
  const { t, when } = mailText(context.locale ?? "en");
  const count = data.imageCount;
  const studio = context.studioName;
  const on = when(data.dueAt);
  return renderMail(
    {
      subject: t("retentionNotice.subject", { count, studio }),
      preview: t("retentionNotice.preview", { on }),
      heading: t("retentionNotice.heading", { count }),
      paragraphs: [
        t("retentionNotice.body", { studio, days: data.retentionDays, count, on }),
        ...data.prompts.map((prompt) => t("retentionNotice.item", { prompt })),
        t("retentionNotice.keep"),
      ],
      action: { label: t("retentionNotice.action"), url: data.keepUrl },
    },
    context,
  );
}
