import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";
import { mailText } from "./mail-text";

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
  const { t } = mailText(context.locale ?? "en");
  const changed = data.stage === "changed";
  const studio = context.studioName;
  const email = data.newEmail;
  return renderMail(
    {
      subject: changed
        ? t("emailChangeNotice.subjectChanged", { studio })
        : t("emailChangeNotice.subjectRequested", { studio }),
      preview: changed
        ? t("emailChangeNotice.previewChanged", { email })
        : t("emailChangeNotice.previewRequested", { email }),
      heading: changed
        ? t("emailChangeNotice.headingChanged")
        : t("emailChangeNotice.headingRequested"),
      paragraphs: [
        changed
          ? t("emailChangeNotice.bodyChanged", { email })
          : t("emailChangeNotice.bodyRequested", { email }),
      ],
      after: [
        t("emailChangeNotice.ifYou"),
        changed
          ? t("emailChangeNotice.notYouChanged")
          : t("emailChangeNotice.notYouRequested", { url: data.recoverUrl }),
      ],
    },
    context,
  );
}
