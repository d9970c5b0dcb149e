import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";

export interface EmailChangeNoticeData {
  newEmail: string;
  /** Where to go if it was not them ("Forgot password?"), while the old address still signs in. */
  recoverUrl: string;
  /** "requested": a change was asked for (it waits for the new address); "changed": it happened. */
  stage: "requested" | "changed";
}

/**
 * Sent to the old address when a change of email is asked for and again when it happens, so a
 * takeover does not go unseen.
 */
export function renderEmailChangeNotice(
  data: EmailChangeNoticeData,
  context: MailContext,
): RenderedMail {
  const changed = data.stage === "changed";
  return renderMail(
    {
      subject: changed
        ? `Your ${context.studioName} email was changed`
        : `Your ${context.studioName} email is changing`,
      preview: changed
        ? `Your account's email is now ${data.newEmail}.`
        : `Your account's email is being changed to ${data.newEmail}.`,
      heading: changed ? "Your account's email was changed" : "Your account's email is changing",
      paragraphs: [
        changed
          ? `Your account now signs in with ${data.newEmail}. This address gets no more mail about it.`
          : `Someone signed in to your account asked to change its email address to ${data.newEmail}. It changes once the new address is confirmed.`,
      ],
      after: [
        "If this was you, there is nothing to do.",
        changed
          ? "If it was not you, reply to this mail at once and tell us when you last signed in."
          : `If it was not you, reset your password now: ${data.recoverUrl}`,
      ],
    },
    context,
  );
}
