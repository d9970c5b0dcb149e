import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";

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
  return renderMail(
    {
      subject: `Confirm your new email for ${context.studioName}`,
      preview: "Confirm the change of your account's email address.",
      heading: "Confirm your new email address",
      paragraphs: [
        `Your account asked to use ${data.newEmail} from now on. Confirm it within ${data.expiresInHours} hours; until then, the old address stays in use.`,
      ],
      action: { label: "Confirm this address", url: data.confirmUrl },
      after: ["If you did not ask for this, ignore this mail: nothing changes."],
    },
    context,
  );
}
