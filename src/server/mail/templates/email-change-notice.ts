import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";

export interface EmailChangeNoticeData {
  newEmail: string;
  /** Where to go if it was not them ("Forgot password?"). */
  recoverUrl: string;
}

/** Sent to the old address when a change of email is asked for, so a takeover does not go unseen. */
export function renderEmailChangeNotice(
  data: EmailChangeNoticeData,
  context: MailContext,
): RenderedMail {
  return renderMail(
    {
      subject: `Your ${context.studioName} email is changing`,
      preview: `Your account's email is being changed to ${data.newEmail}.`,
      heading: "Your account's email is changing",
      paragraphs: [
        `Someone signed in to your account asked to change its email address to ${data.newEmail}. It changes once the new address is confirmed.`,
      ],
      after: [
        "If this was you, there is nothing to do.",
        `If it was not you, reset your password now: ${data.recoverUrl}`,
      ],
    },
    context,
  );
}
