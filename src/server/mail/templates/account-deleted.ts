import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";
import { mailText } from "./mail-text";

export interface AccountDeletedData {
  /** When it happened (ISO 8601). */
  deletedAt: string;
}

/** The last mail: the account and everything in it are gone. */
export function renderAccountDeleted(data: AccountDeletedData, context: MailContext): RenderedMail {
  const { t, when } = mailText(context.locale ?? "en");
  return renderMail(
    {
      subject: t("accountDeleted.subject", { studio: context.studioName }),
      preview: t("accountDeleted.preview"),
      heading: t("accountDeleted.heading"),
      paragraphs: [
        t("accountDeleted.body", { when: when(data.deletedAt) }),
        t("accountDeleted.goodbye"),
      ],
      after: [t("accountDeleted.after")],
    },
    context,
  );
}
