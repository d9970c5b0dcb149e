import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";
import { mailText } from "./mail-text";

export interface VerifyEmailData {
  name: string | null;
  verifyUrl: string;
  expiresInHours: number;
}

/** After sign-up (and on "resend"): confirm that this address is the person's. */
export function renderVerifyEmail(data: VerifyEmailData, context: MailContext): RenderedMail {
  const { t } = mailText(context.locale ?? "en");
  return renderMail(
    {
      subject: t("verifyEmail.subject", { studio: context.studioName }),
      preview: t("verifyEmail.preview"),
      heading: data.name
        ? t("verifyEmail.headingNamed", { name: data.name })
        : t("verifyEmail.heading"),
      paragraphs: [t("verifyEmail.body", { hours: data.expiresInHours })],
      action: { label: t("verifyEmail.action"), url: data.verifyUrl },
      after: [t("verifyEmail.after")],
    },
    context,
  );
}
