import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";

export interface ExportReadyData {
  downloadUrl: string;
  imageCount: number;
  /** The archive's size in bytes. */
  sizeBytes: number;
  /** When the download link stops working (ISO 8601). */
  expiresAt: string;
}

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** The export someone started in Settings is ready to download. */
export function renderExportReady(data: ExportReadyData, context: MailContext): RenderedMail {
  const images = data.imageCount === 1 ? "1 image" : `${data.imageCount} images`;
  const until = new Date(data.expiresAt).toUTCString();
  return renderMail(
    {
      subject: `Your ${context.studioName} export is ready`,
      preview: `${images}, ${formatSize(data.sizeBytes)}.`,
      heading: "Your export is ready",
      paragraphs: [
        `The archive of your studio holds ${images} with their prompts, collections and settings (${formatSize(data.sizeBytes)}).`,
        `The link works until ${until} and only while you are signed in.`,
      ],
      action: { label: "Download my export", url: data.downloadUrl },
    },
    context,
  );
}
