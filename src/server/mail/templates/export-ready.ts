import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";
import { mailText, type MailText } from "./mail-text";

export interface ExportReadyData {
  downloadUrl: string;
  imageCount: number;
  /** The archive's size in bytes. */
  sizeBytes: number;
  /** When the download link stops working (ISO 8601). */
  expiresAt: string;
}

function formatSize(bytes: number, text: MailText): string {
  if (bytes < 1024 * 1024) return `${text.number(Math.max(1, Math.round(bytes / 1024)))} KB`;
  if (bytes < 1024 ** 3) return text.megabytes(bytes);
  return `${text.number(bytes / 1024 ** 3, 2)} GB`;
}

/** The export someone started in Settings is ready to download. */
export function renderExportReady(data: ExportReadyData, context: MailContext): RenderedMail {
  const text = mailText(context.locale ?? "en");
  const { t } = text;
  const count = data.imageCount;
  const size = formatSize(data.sizeBytes, text);
  return renderMail(
    {
      subject: t("exportReady.subject", { studio: context.studioName }),
      preview: t("exportReady.preview", { count, size }),
      heading: t("exportReady.heading"),
      paragraphs: [
        t("exportReady.body", { count, size }),
        t("exportReady.until", { until: text.when(data.expiresAt) }),
      ],
      action: { label: t("exportReady.action"), url: data.downloadUrl },
    },
    context,
  );
}
