import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";
import { mailText } from "./mail-text";

export interface ResetPasswordData {
  resetUrl: string;
  expiresInMinutes: number;
}

/** "Forgot password?": a single-use link to choose a new password. */
export function renderResetPassword(data: ResetPasswordData, context: MailContext): RenderedMail {
  const { t } = mailText(context.locale ?? "en");
  const minutes = data.expiresInMinutes;
  return renderMail(
    {
      subject: t("resetPassword.subject", { studio: context.studioName }),
      preview: t("resetPassword.preview", { minutes }),
      heading: t("resetPassword.heading"),
      paragraphs: [t("resetPassword.body", { minutes })],
      action: { label: t("resetPassword.action"), url: data.resetUrl },
      after: [t("resetPassword.after")],
    },
    context,
  );
}
