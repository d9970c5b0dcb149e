import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";

export interface AccountDeletedData {
  /** When it happened (ISO 8601). */
  deletedAt: string;
}

/** The last mail: the account and everything in it are gone. */
export function renderAccountDeleted(data: AccountDeletedData, context: MailContext): RenderedMail {
  return renderMail(
    {
      subject: `Your ${context.studioName} account was deleted`,
      preview: "Your account and everything in it are gone.",
      heading: "Your account was deleted",
      paragraphs: [
        `On ${new Date(data.deletedAt).toUTCString()} your account was deleted, with every image, collection, API key, share page and session it had. Nothing of it can be restored.`,
        "You will get no more mail from us. Thank you for using the studio.",
      ],
      after: [
        "If you did not ask for this, reply to this mail at once and tell us when you last signed in.",
      ],
    },
    context,
  );
}
