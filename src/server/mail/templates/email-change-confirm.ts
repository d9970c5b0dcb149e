import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";
import { mailText } from "./mail-text";

export interface EmailChangeConfirmData {
  newEmail: string;
  confirmUrl: string;
  expiresInHours: number;
}

/** Sent to the new address: the change happens only when it is confirmed from there. */
export function renderEmailChangeConfirm(
  data: EmailChangeConfirmData,
  context: MailContext,
): RenderedMail {
  const { t } = mailText(context.locale ?? "en");
  return renderMail(
    {
      subject: t("emailChangeConfirm.subject", { studio: context.studioName }),
      preview: t("emailChangeConfirm.preview"),
      heading: t("emailChangeConfirm.heading"),
      paragraphs: [
        t("emailChangeConfirm.body", { email: data.newEmail, hours: data.expiresInHours }),
      ],
      action: { label: t("emailChangeConfirm.action"), url: data.confirmUrl },
      after: [t("emailChangeConfirm.after")],
    },
    context,
  );
}
