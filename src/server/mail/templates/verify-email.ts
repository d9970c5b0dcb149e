import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";

export interface VerifyEmailData {
  name: string | null;
  verifyUrl: string;
  expiresInHours: number;
}

/** After sign-up (and on "resend"): confirm that this address is the person's. */
export function renderVerifyEmail(data: VerifyEmailData, context: MailContext): RenderedMail {
  return renderMail(
    {
      subject: `Confirm your email for ${context.studioName}`,
      preview: "One click to confirm this address.",
      heading: data.name ? `Welcome, ${data.name}` : "Welcome",
      paragraphs: [
        `Please confirm that this is your email address. The link works for ${data.expiresInHours} hours.`,
      ],
      action: { label: "Confirm my email", url: data.verifyUrl },
      after: ["If you did not create an account, ignore this mail: nothing happens."],
    },
    context,
  );
}
