import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";

export interface ResetPasswordData {
  resetUrl: string;
  expiresInMinutes: number;
}

/** "Forgot password?": a single-use link to choose a new password. */
export function renderResetPassword(data: ResetPasswordData, context: MailContext): RenderedMail {
  return renderMail(
    {
      subject: `Reset your ${context.studioName} password`,
      preview: `A link to choose a new password, valid for ${data.expiresInMinutes} minutes.`,
      heading: "Choose a new password",
      paragraphs: [
        `Someone asked to reset the password of your account. The link below works once, for ${data.expiresInMinutes} minutes. Setting a new password signs out every other device.`,
      ],
      action: { label: "Choose a new password", url: data.resetUrl },
      after: ["If it was not you, ignore this mail: your password stays as it is."],
    },
    context,
  );
}
